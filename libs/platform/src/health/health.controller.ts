import { Public } from '../auth/auth.decorators';
import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService, type HealthCheckResult } from '@nestjs/terminus';
import { DatabaseHealthIndicator } from './database.health-indicator';
import { KafkaHealthIndicator } from './kafka.health-indicator';
import { RedisHealthIndicator } from './redis.health-indicator';

@ApiTags('operations')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly healthCheck: HealthCheckService,
    private readonly health: HealthIndicatorService,
    private readonly database: DatabaseHealthIndicator,
    private readonly kafka: KafkaHealthIndicator,
    private readonly redis: RedisHealthIndicator,
  ) {}

  @Get('live')
  @HealthCheck()
  @ApiOperation({ summary: 'Liveness: the process answers (no dependency is checked)' })
  live(): Promise<HealthCheckResult> {
    return this.healthCheck.check([() => this.health.check('process').up({ uptimeSeconds: Math.round(process.uptime()) })]);
  }

  @Get('ready')
  @HealthCheck()
  @ApiOperation({ summary: 'Readiness: the state of each dependency (database, kafka, redis); 503 when any is down' })
  ready(): Promise<HealthCheckResult> {
    return this.healthCheck.check([() => this.database.check(), () => this.kafka.check(), () => this.redis.check()]);
  }
}
