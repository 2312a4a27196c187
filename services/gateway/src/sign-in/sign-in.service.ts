import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { AuthenticatedUser } from '@sangeyipi/platform';
import { compare, hashSync } from 'bcryptjs';
import { GatewayConfig } from '../config/gateway-config.schema';
import { AccessTokenIssuer } from './access-token.issuer';
import { DEMO_PASSWORD, DEMO_USERS } from './demo-users';
import { BCRYPT_ROUNDS, UserDirectory } from './user-directory.repository';

export interface SignedIn {
  accessToken: string;
  tokenType: 'Bearer';
  expiresAt: string;
  user: AuthenticatedUser;
}

/** Compared against when the user name is unknown, so that the answer takes as long as for a known one. */
const UNKNOWN_USER_HASH = hashSync('no such user', BCRYPT_ROUNDS);

/** The local sign-in: a user name and password against the directory's bcrypt hash, answered with a platform token. */
@Injectable()
export class SignInService implements OnApplicationBootstrap {
  private readonly logger = new Logger('SignIn');

  constructor(
    private readonly config: GatewayConfig,
    private readonly directory: UserDirectory,
    private readonly issuer: AccessTokenIssuer,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.AUTH_DEMO_USERS) return;
    const added = await this.directory.addMissing(DEMO_USERS, DEMO_PASSWORD);
    this.logger.warn(`demo users are on (AUTH_DEMO_USERS=true): ${added} added, ${DEMO_USERS.length} in all; never use this in production`);
  }

  /** The token for a right user name and password; undefined otherwise (the caller cannot tell which was wrong). */
  async signIn(username: string, password: string): Promise<SignedIn | undefined> {
    const user = await this.directory.findByUsername(username);
    const matches = await compare(password, user?.passwordHash ?? UNKNOWN_USER_HASH);
    if (!user || !matches || user.disabled) return undefined;
    const caller: AuthenticatedUser = { userId: user.userId, roles: user.roles, unitId: user.unitId, regionCode: user.regionCode, name: user.displayName };
    const { accessToken, expiresAt } = await this.issuer.issue(caller);
    return { accessToken, tokenType: 'Bearer', expiresAt, user: caller };
  }
}
