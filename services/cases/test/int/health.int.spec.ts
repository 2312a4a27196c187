import { createServiceApp } from '@sangeyipi/platform';
import { describeServiceOperability } from '@sangeyipi/testing';
import { CasesModule } from '../../src/cases.module';

describeServiceOperability('cases', (env) => createServiceApp(CasesModule, { env }));
