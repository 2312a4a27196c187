import { Module } from '@nestjs/common';
import { PlatformModule } from '@sangeyipi/platform';

/** Composition root of the gateway service. */
@Module({
  imports: [PlatformModule.forService({ name: 'gateway' })],
})
export class GatewayModule {}
