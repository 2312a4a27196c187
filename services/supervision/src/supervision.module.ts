import { Module } from '@nestjs/common';
import { PlatformModule } from '@sangeyipi/platform';

/** Composition root of the supervision service. */
@Module({
  imports: [PlatformModule.forService({ name: 'supervision' })],
})
export class SupervisionModule {}
