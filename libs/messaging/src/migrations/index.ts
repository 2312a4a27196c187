import { CreateMessaging1764300000100 } from './1764300000100-create-messaging.migration';

export const MESSAGING_MIGRATIONS = [CreateMessaging1764300000100];
