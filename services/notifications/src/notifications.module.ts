import { Module } from '@nestjs/common';
import { PlatformModule } from '@sangeyipi/platform';

/** Composition root of the notifications service. */
@Module({
  imports: [PlatformModule.forService({ name: 'notifications' })],
})
export class NotificationsModule {}
