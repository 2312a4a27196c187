import { Module } from '@nestjs/common';
import { PlatformModule } from '@sangeyipi/platform';

/** Composition root of the analytics service. */
@Module({
  imports: [PlatformModule.forService({ name: 'analytics' })],
})
export class AnalyticsModule {}
