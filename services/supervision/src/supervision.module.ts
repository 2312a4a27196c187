import { Module } from '@nestjs/common';
import { BACKBONE_MIGRATIONS, EventBackboneModule } from '@sangeyipi/messaging';
import { PlatformModule } from '@sangeyipi/platform';

/** Composition root of the supervision service. */
@Module({
  imports: [PlatformModule.forService({ name: 'supervision', migrations: BACKBONE_MIGRATIONS }), EventBackboneModule.forService({ context: 'supervision' })],
})
export class SupervisionModule {}
