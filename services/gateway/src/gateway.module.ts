import { type MiddlewareConsumer, Module, type NestModule, RequestMethod } from '@nestjs/common';
import { PlatformModule } from '@sangeyipi/platform';
import { ApiDocsAggregator } from './api-docs/api-docs.aggregator';
import { ApiDocsHttpController } from './api-docs/api-docs.http.controller';
import { GatewayConfig } from './config/gateway-config.schema';
import { ApiGatewayMiddleware } from './edge/api-gateway.middleware';
import { EdgeTokenVerifier } from './edge/edge-token.verifier';
import { IdempotencyStore } from './edge/idempotency.store';
import { RateLimiter } from './edge/rate-limiter';
import { UpstreamAgents } from './edge/upstream-agents';
import { CreateGatewayUsers1764900000000 } from './migrations/1764900000000-create-gateway-users.migration';
import { PortalStaticMiddleware } from './portal/portal-static.middleware';
import { AccessTokenIssuer } from './sign-in/access-token.issuer';
import { SignInHttpController } from './sign-in/sign-in.http.controller';
import { SignInService } from './sign-in/sign-in.service';
import { UserDirectory } from './sign-in/user-directory.repository';

/** Composition root of the gateway: the edge in front of every service, sign-in, the API docs and the portal. */
@Module({
  imports: [PlatformModule.forService({ name: 'gateway', config: GatewayConfig, migrations: [CreateGatewayUsers1764900000000] })],
  controllers: [SignInHttpController, ApiDocsHttpController],
  providers: [AccessTokenIssuer, EdgeTokenVerifier, RateLimiter, IdempotencyStore, UpstreamAgents, UserDirectory, SignInService, ApiDocsAggregator],
})
export class GatewayModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(ApiGatewayMiddleware).forRoutes({ path: 'api/*path', method: RequestMethod.ALL });
    consumer.apply(PortalStaticMiddleware).forRoutes({ path: '{*path}', method: RequestMethod.GET }, { path: '{*path}', method: RequestMethod.HEAD });
  }
}
