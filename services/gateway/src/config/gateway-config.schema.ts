import { ConfigVariable, ServiceConfig } from '@sangeyipi/platform';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, ValidateIf } from 'class-validator';

export const AUTH_MODES = ['local', 'oidc'] as const;
export type AuthMode = (typeof AUTH_MODES)[number];

/** The services the gateway routes `/api/<service>/…` to; each at SERVICE_URL_<NAME>. */
export const ROUTED_SERVICES = ['catalog', 'cases', 'projects', 'supervision', 'notifications', 'analytics'] as const;
export type RoutedService = (typeof ROUTED_SERVICES)[number];

const HTTP_URL = /^https?:\/\/[^\s/]+(\/\S*)?$/;
const serviceUrl = (service: RoutedService, localPort: number) => {
  const decorators = [
    ConfigVariable(`the ${service} service's base URL, e.g. http://${service}:${localPort}; the default is the port of deploy/local/services.conf on this machine`),
    IsOptional(),
    Matches(HTTP_URL, { message: 'must be an http(s) URL' }),
  ];
  return (target: object, property: string) => decorators.forEach((decorate) => decorate(target, property));
};

const toBoolean = () => Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value));

/** The gateway's own environment variables, beside those every service reads. */
export class GatewayConfig extends ServiceConfig {
  // The services behind /api/<service>/… (the embedded mode and the cluster set these).
  @serviceUrl('catalog', 3001) readonly SERVICE_URL_CATALOG: string = 'http://127.0.0.1:3001';
  @serviceUrl('cases', 3002) readonly SERVICE_URL_CASES: string = 'http://127.0.0.1:3002';
  @serviceUrl('projects', 3003) readonly SERVICE_URL_PROJECTS: string = 'http://127.0.0.1:3003';
  @serviceUrl('supervision', 3004) readonly SERVICE_URL_SUPERVISION: string = 'http://127.0.0.1:3004';
  @serviceUrl('notifications', 3005) readonly SERVICE_URL_NOTIFICATIONS: string = 'http://127.0.0.1:3005';
  @serviceUrl('analytics', 3006) readonly SERVICE_URL_ANALYTICS: string = 'http://127.0.0.1:3006';

  @ConfigVariable('requests one client (a signed-in person, or an address) may make per minute, e.g. 600')
  @IsOptional()
  @Min(1, { message: 'must be at least 1' })
  @IsInt({ message: 'must be a whole number' })
  @Type(() => Number)
  readonly GATEWAY_RATE_LIMIT_PER_MINUTE: number = 600;

  @ConfigVariable('sign-in attempts per minute for one user name from one address, e.g. 10')
  @IsOptional()
  @Min(1, { message: 'must be at least 1' })
  @IsInt({ message: 'must be a whole number' })
  @Type(() => Number)
  readonly GATEWAY_SIGN_IN_ATTEMPTS_PER_MINUTE: number = 10;

  @ConfigVariable('hours a command answered under an Idempotency-Key is kept for retries, e.g. 24')
  @IsOptional()
  @Max(720, { message: 'must be at most 720 (30 days)' })
  @Min(1, { message: 'must be at least 1' })
  @IsInt({ message: 'must be a whole number' })
  @Type(() => Number)
  readonly GATEWAY_IDEMPOTENCY_TTL_HOURS: number = 24;

  @ConfigVariable('milliseconds an upstream service may take to answer before the gateway answers 504, e.g. 30000')
  @IsOptional()
  @Min(100, { message: 'must be at least 100' })
  @IsInt({ message: 'must be a whole number' })
  @Type(() => Number)
  readonly GATEWAY_UPSTREAM_TIMEOUT_MS: number = 30_000;

  @ConfigVariable('milliseconds the gateway keeps an idle connection to a service before closing it; below the services\' HTTP_KEEP_ALIVE_TIMEOUT_MS, e.g. 60000')
  @IsOptional()
  @Min(100, { message: 'must be at least 100' })
  @IsInt({ message: 'must be a whole number' })
  @Type(() => Number)
  readonly GATEWAY_UPSTREAM_IDLE_MS: number = 60_000;

  @ConfigVariable('the folder of the built portal (npx nx run portal:build), e.g. dist/apps/portal; relative to the working directory')
  @IsOptional()
  @IsString({ message: 'must be a path' })
  readonly GATEWAY_PORTAL_DIR: string = 'dist/apps/portal';

  @ConfigVariable(`how people sign in: ${AUTH_MODES.join(' (the gateway\'s own user directory) or ')} (an OpenID Connect issuer's keys)`)
  @IsOptional()
  @IsIn(AUTH_MODES, { message: `must be one of ${AUTH_MODES.join(', ')}` })
  readonly AUTH_MODE: AuthMode = 'local';

  @ConfigVariable('minutes an access token issued by the local sign-in stays valid, e.g. 60')
  @IsOptional()
  @Max(24 * 60, { message: 'must be at most 1440 (a day)' })
  @Min(1, { message: 'must be at least 1' })
  @IsInt({ message: 'must be a whole number' })
  @Type(() => Number)
  readonly AUTH_TOKEN_TTL_MINUTES: number = 60;

  @ConfigVariable('true to create the demo users of docs/gateway.md at start (never in production)')
  @IsOptional()
  @IsBoolean({ message: 'must be true or false' })
  @toBoolean()
  readonly AUTH_DEMO_USERS: boolean = false;

  @ConfigVariable('with AUTH_MODE=oidc: the issuer\'s JWKS URL, e.g. https://id.example.gov.cn/.well-known/jwks.json')
  @ValidateIf((config: GatewayConfig) => config.AUTH_MODE === 'oidc')
  @Matches(/^https?:\/\/\S+$/, { message: 'must be an http(s) URL when AUTH_MODE is oidc' })
  readonly AUTH_OIDC_JWKS_URL?: string;

  @ConfigVariable('with AUTH_MODE=oidc: the issuer (iss) its tokens must carry, e.g. https://id.example.gov.cn')
  @ValidateIf((config: GatewayConfig) => config.AUTH_MODE === 'oidc')
  @IsString({ message: 'is required when AUTH_MODE is oidc' })
  readonly AUTH_OIDC_ISSUER?: string;

  @ConfigVariable('with AUTH_MODE=oidc: the audience (aud) its tokens must carry, e.g. sangeyipi; unset accepts any')
  @IsOptional()
  @IsString({ message: 'must be text' })
  readonly AUTH_OIDC_AUDIENCE?: string;

  /** Each routed service and its base URL, without a trailing slash. */
  upstreams(): Map<RoutedService, string> {
    const urls: Record<RoutedService, string> = {
      catalog: this.SERVICE_URL_CATALOG,
      cases: this.SERVICE_URL_CASES,
      projects: this.SERVICE_URL_PROJECTS,
      supervision: this.SERVICE_URL_SUPERVISION,
      notifications: this.SERVICE_URL_NOTIFICATIONS,
      analytics: this.SERVICE_URL_ANALYTICS,
    };
    return new Map(ROUTED_SERVICES.map((service) => [service, urls[service].replace(/\/+$/, '')]));
  }
}
