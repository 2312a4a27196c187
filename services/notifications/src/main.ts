import { bootstrapService } from '@sangeyipi/platform';
import { NotificationsModule } from './notifications.module';

void bootstrapService(NotificationsModule, { name: 'notifications' });
