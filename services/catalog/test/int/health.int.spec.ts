import { createServiceApp } from '@sangeyipi/platform';
import { describeServiceOperability } from '@sangeyipi/testing';
import { CatalogModule } from '../../src/catalog.module';

describeServiceOperability('catalog', (env) => createServiceApp(CatalogModule, { env }));
