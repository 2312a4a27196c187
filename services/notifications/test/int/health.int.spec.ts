import { createServiceApp } from '@sangeyipi/platform';
import { describeServiceOperability } from '@sangeyipi/testing';
import { NotificationsModule } from '../../src/notifications.module';

describeServiceOperability('notifications', (env) => createServiceApp(NotificationsModule, { env }));
