import { Module } from '@nestjs/common';
import { BACKBONE_DATABASE, EventBackboneModule } from '@sangeyipi/messaging';
import { PlatformModule } from '@sangeyipi/platform';

/** Composition root of the cases service. */
@Module({
  imports: [PlatformModule.forService({ name: 'cases', ...BACKBONE_DATABASE }), EventBackboneModule.forService({ context: 'cases' })],
})
export class CasesModule {}
