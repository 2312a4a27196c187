import { Module } from '@nestjs/common';
import { BACKBONE_MIGRATIONS, EventBackboneModule } from '@sangeyipi/messaging';
import { PlatformModule } from '@sangeyipi/platform';

/** Composition root of the notifications service. */
@Module({
  imports: [PlatformModule.forService({ name: 'notifications', migrations: BACKBONE_MIGRATIONS }), EventBackboneModule.forService({ context: 'notifications' })],
})
export class NotificationsModule {}
