import { Module } from '@nestjs/common';
import { BACKBONE_MIGRATIONS, EventBackboneModule } from '@sangeyipi/messaging';
import { PlatformModule } from '@sangeyipi/platform';

/** Composition root of the analytics service. */
@Module({
  imports: [PlatformModule.forService({ name: 'analytics', migrations: BACKBONE_MIGRATIONS }), EventBackboneModule.forService({ context: 'analytics' })],
})
export class AnalyticsModule {}
