import { createServiceApp } from '@sangeyipi/platform';
import { describeServiceOperability } from '@sangeyipi/testing';
import { SupervisionModule } from '../../src/supervision.module';

describeServiceOperability('supervision', (env) => createServiceApp(SupervisionModule, { env }));
