import { Module } from '@nestjs/common';
import { PlatformModule } from '@sangeyipi/platform';

/** Composition root of the catalog service. */
@Module({
  imports: [PlatformModule.forService({ name: 'catalog' })],
})
export class CatalogModule {}
