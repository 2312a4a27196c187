import { Module } from '@nestjs/common';
import { BACKBONE_DATABASE, EventBackboneModule } from '@sangeyipi/messaging';
import { PlatformModule } from '@sangeyipi/platform';

/** Composition root of the analytics service. */
@Module({
  imports: [PlatformModule.forService({ name: 'analytics', ...BACKBONE_DATABASE }), EventBackboneModule.forService({ context: 'analytics' })],
})
export class AnalyticsModule {}
