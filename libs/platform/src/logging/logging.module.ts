import { Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { SERVICE_RUNTIME, type ServiceRuntime } from '../bootstrap/service-runtime';

/** nestjs-pino around the service's root logger (made by `createServiceApp`). */
@Module({
  imports: [
    LoggerModule.forRootAsync({
      inject: [SERVICE_RUNTIME],
      useFactory: (runtime: ServiceRuntime) => runtime.loggerParams,
    }),
  ],
})
export class LoggingModule {}
