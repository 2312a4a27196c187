import { Module } from '@nestjs/common';
import { BACKBONE_MIGRATIONS, EventBackboneModule } from '@sangeyipi/messaging';
import { PlatformModule } from '@sangeyipi/platform';

/** Composition root of the cases service. */
@Module({
  imports: [PlatformModule.forService({ name: 'cases', migrations: BACKBONE_MIGRATIONS }), EventBackboneModule.forService({ context: 'cases' })],
})
export class CasesModule {}
