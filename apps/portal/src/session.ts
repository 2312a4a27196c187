/** Who is signed in, from the gateway's sign-in answer; kept for the browser tab only (sessionStorage). */
export interface SessionUser {
  userId: string;
  roles: string[];
  unitId?: string;
  regionCode?: string;
  name?: string;
}

export interface Session {
  accessToken: string;
  expiresAt: string;
  user: SessionUser;
}

const KEY = 'sangeyipi.session';

export function loadSession(): Session | undefined {
  try {
    const session = JSON.parse(sessionStorage.getItem(KEY) ?? 'null') as Session | null;
    return session && Date.parse(session.expiresAt) > Date.now() ? session : undefined;
  } catch {
    return undefined;
  }
}

export function saveSession(session: Session | undefined): void {
  if (session) sessionStorage.setItem(KEY, JSON.stringify(session));
  else sessionStorage.removeItem(KEY);
}

export const hasRole = (session: Session | undefined, ...roles: string[]): boolean => !!session && roles.some((role) => session.user.roles.includes(role));

export const STAFF_ROLES = ['clerk', 'reviewer', 'decider', 'unit_admin'];
