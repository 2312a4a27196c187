import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { DatabaseHealthIndicator } from './database.health-indicator';
import { HealthController } from './health.controller';
import { KafkaHealthIndicator } from './kafka.health-indicator';
import { RedisHealthIndicator } from './redis.health-indicator';

/** `/health/live` and `/health/ready` (database, kafka, redis). */
@Module({
  imports: [TerminusModule.forRoot({ errorLogStyle: 'json' })],
  controllers: [HealthController],
  providers: [DatabaseHealthIndicator, KafkaHealthIndicator, RedisHealthIndicator],
})
export class HealthModule {}
