import { createServiceApp } from '@sangeyipi/platform';
import { describeServiceOperability } from '@sangeyipi/testing';
import { AnalyticsModule } from '../../src/analytics.module';

describeServiceOperability('analytics', (env) => createServiceApp(AnalyticsModule, { env }));
