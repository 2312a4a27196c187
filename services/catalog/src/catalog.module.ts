import { Module } from '@nestjs/common';
import { BACKBONE_MIGRATIONS, EventBackboneModule } from '@sangeyipi/messaging';
import { PlatformModule } from '@sangeyipi/platform';

/** Composition root of the catalog service. */
@Module({
  imports: [PlatformModule.forService({ name: 'catalog', migrations: BACKBONE_MIGRATIONS }), EventBackboneModule.forService({ context: 'catalog' })],
})
export class CatalogModule {}
