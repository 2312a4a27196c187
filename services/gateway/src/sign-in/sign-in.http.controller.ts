import { Body, Controller, Get, Headers, HttpCode, HttpException, HttpStatus, NotFoundException, Post, Req, UnauthorizedException } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags, ApiTooManyRequestsResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { Public, type AuthenticatedUser } from '@sangeyipi/platform';
import { GatewayConfig } from '../config/gateway-config.schema';
import { EdgeTokenVerifier, RefusedTokenError } from '../edge/edge-token.verifier';
import { RateLimiter } from '../edge/rate-limiter';
import { DEMO_USERS } from './demo-users';
import { SignInDto } from './sign-in.dto';
import { SignInService, type SignedIn } from './sign-in.service';

/**
 * Sign-in and "who am I". Marked @Public for the platform's guard, which knows only the platform's
 * own tokens: the gateway checks tokens here itself (local or OIDC).
 */
@ApiTags('sign-in')
@Public()
@Controller('auth')
export class SignInHttpController {
  constructor(
    private readonly config: GatewayConfig,
    private readonly signIn: SignInService,
    private readonly verifier: EdgeTokenVerifier,
    private readonly rateLimiter: RateLimiter,
  ) {}

  @Post('sign-in')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Sign in with the local user directory: answers a bearer token (HS256, issuer sangeyipi)' })
  @ApiOkResponse({ description: '{ accessToken, tokenType, expiresAt, user }' })
  @ApiUnauthorizedResponse({ description: 'Wrong user name or password' })
  @ApiTooManyRequestsResponse({ description: 'Too many attempts for this user name from this address' })
  async signInLocally(@Body() body: SignInDto, @Req() request: { ip?: string }): Promise<SignedIn> {
    if (this.config.AUTH_MODE !== 'local') throw new NotFoundException('sign-in is at the OIDC issuer; the gateway accepts its tokens');
    const attempts = await this.rateLimiter.take('sign-in', `${request.ip}:${body.username.toLowerCase()}`, this.config.GATEWAY_SIGN_IN_ATTEMPTS_PER_MINUTE);
    if (!attempts.allowed) throw new HttpException(`too many sign-in attempts; try again in ${attempts.resetSeconds} s`, HttpStatus.TOO_MANY_REQUESTS);
    const signedIn = await this.signIn.signIn(body.username, body.password);
    if (!signedIn) throw new UnauthorizedException('wrong user name or password');
    return signedIn;
  }

  @Get('me')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'The caller the bearer token names' })
  @ApiUnauthorizedResponse({ description: 'No token, or a tampered, expired or wrongly signed one' })
  async me(@Headers('authorization') authorization?: string): Promise<AuthenticatedUser> {
    const token = authorization?.match(/^Bearer\s+(\S+)$/i)?.[1];
    if (!token) throw new UnauthorizedException('a bearer token is required');
    try {
      return await this.verifier.verify(token);
    } catch (error) {
      if (error instanceof RefusedTokenError) throw new UnauthorizedException(error.message);
      throw error;
    }
  }

  @Get('options')
  @ApiOperation({ summary: 'How to sign in here, and the demo users when they are on' })
  options(): { mode: string; demoUsers: { username: string; displayName: string; roles: string[] }[] } {
    return {
      mode: this.config.AUTH_MODE,
      demoUsers: this.config.AUTH_DEMO_USERS && this.config.AUTH_MODE === 'local' ? DEMO_USERS.map(({ username, displayName, roles }) => ({ username, displayName, roles })) : [],
    };
  }
}
