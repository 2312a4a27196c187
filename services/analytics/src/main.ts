import { bootstrapService } from '@sangeyipi/platform';
import { AnalyticsModule } from './analytics.module';

void bootstrapService(AnalyticsModule, { name: 'analytics' });
