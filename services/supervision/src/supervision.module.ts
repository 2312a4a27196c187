import { Module } from '@nestjs/common';
import { BACKBONE_DATABASE, EventBackboneModule } from '@sangeyipi/messaging';
import { PlatformModule } from '@sangeyipi/platform';

/** Composition root of the supervision service. */
@Module({
  imports: [PlatformModule.forService({ name: 'supervision', ...BACKBONE_DATABASE }), EventBackboneModule.forService({ context: 'supervision' })],
})
export class SupervisionModule {}
