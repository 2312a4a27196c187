import { Module } from '@nestjs/common';
import { PlatformModule } from '@sangeyipi/platform';

/** Composition root of the cases service. */
@Module({
  imports: [PlatformModule.forService({ name: 'cases' })],
})
export class CasesModule {}
