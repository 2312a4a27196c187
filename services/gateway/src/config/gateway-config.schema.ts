import { ConfigVariable, ServiceConfig } from '@sangeyipi/platform';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, ValidateIf } from 'class-validator';

export const AUTH_MODES = ['local', 'oidc'] as const;
export type AuthMode = (typeof AUTH_MODES)[number];

/** `catalog=http://127.0.0.1:3001,cases=http://…`: one upstream per routed service. */
const UPSTREAM_LIST = /^[a-z][a-z0-9-]*=https?:\/\/[^\s,]+(,[a-z][a-z0-9-]*=https?:\/\/[^\s,]+)*$/;

/** The ports of deploy/local/services.conf, so that `npm start` needs no gateway settings. */
export const LOCAL_UPSTREAMS =
  'catalog=http://127.0.0.1:3001,cases=http://127.0.0.1:3002,projects=http://127.0.0.1:3003,supervision=http://127.0.0.1:3004,' +
  'notifications=http://127.0.0.1:3005,analytics=http://127.0.0.1:3006';

const toBoolean = () => Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value));

/** The gateway's own environment variables, beside those every service reads. */
export class GatewayConfig extends ServiceConfig {
  @ConfigVariable('the services behind /api/<service>/…, as name=url pairs separated by commas, e.g. catalog=http://catalog:3000,cases=http://cases:3000')
  @IsOptional()
  @Matches(UPSTREAM_LIST, { message: 'must list name=http(s)://host:port pairs separated by commas' })
  readonly GATEWAY_UPSTREAMS: string = LOCAL_UPSTREAMS;

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
}
