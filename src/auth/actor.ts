import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Request } from 'express';
import type { ResolvedSession } from '../accounts/accounts.service.js';
import type { Role, Scope } from './api-key.entity.js';

/** Who is calling: resolved by the AuthGuard from an API key, or from a console session (then accountId is set). */
export interface Actor {
  keyId: string;
  organizationId: string;
  organizationName: string;
  country: 'MX' | 'GT';
  roles: Role[];
  /** Partner scopes (empty for keys without the partner role). */
  scopes: Scope[];
  /** Set when a person signed in to the console: their account and session (keyId is then the account's principal). */
  accountId?: string;
  sessionId?: string;
  ip: string | null;
  requestId: string | null;
}

/** `consoleSession` is set by the AuthGuard when a person's session cookie, not a key, authenticated the request. */
export type AuthenticatedRequest = Request & { actor?: Actor; consoleSession?: ResolvedSession; id?: string | number };

export const ROLES_KEY = 'roles';
/** Roles allowed on a route (any of them). */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

export const SCOPE_KEY = 'partnerScope';
/**
 * The scope a partner key needs on this route. Roles other than partner listed in @Roles() are not affected;
 * the partner role alone passes only with the scope.
 */
export const PartnerScope = (scope: Scope) => SetMetadata(SCOPE_KEY, scope);

/** Whether the actor is allowed by @Roles() (and, for a partner-only match, by @PartnerScope()). */
export function allowedBy(actor: Pick<Actor, 'roles' | 'scopes'>, roles: Role[] | undefined, scope: Scope | undefined): boolean {
  if (!roles) return true;
  if (actor.roles.some((role) => role !== 'partner' && roles.includes(role))) return true;
  return roles.includes('partner') && actor.roles.includes('partner') && (!scope || actor.scopes.includes(scope));
}

export const PUBLIC_KEY = 'public';
/** A route that needs no API key (health, docs). */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

export const CurrentActor = createParamDecorator((_data: unknown, ctx: ExecutionContext): Actor => {
  const actor = ctx.switchToHttp().getRequest<AuthenticatedRequest>().actor;
  if (!actor) throw new Error('CurrentActor used on a route without authentication');
  return actor;
});
