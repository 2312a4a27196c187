import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import type { AuthenticatedUser, Role } from './roles';

export const PUBLIC_ROUTE = 'auth:public';
export const REQUIRED_ROLES = 'auth:roles';

/** Anyone may call this route, without a token (published catalogs, bulletins, health). */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);

/** Only callers holding one of these roles may call this route; others get 403. */
export const Roles = (...roles: Role[]) => SetMetadata(REQUIRED_ROLES, roles);

/** The verified caller of this request (undefined on a public route called without a token). */
export const CurrentUser = createParamDecorator(
  (_data: unknown, context: ExecutionContext): AuthenticatedUser | undefined => context.switchToHttp().getRequest().user,
);
