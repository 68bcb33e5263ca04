import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { timingSafeEqual } from 'node:crypto';
import { AccountsService } from '../accounts/accounts.service.js';
import { AuditService } from '../audit/audit.service.js';
import { ForbiddenError, UnauthenticatedError } from '../common/errors.js';
import { allowedBy, type Actor, type AuthenticatedRequest, PUBLIC_KEY, ROLES_KEY, SCOPE_KEY } from './actor.js';
import type { Role, Scope } from './api-key.entity.js';
import { ApiKeysService } from './api-keys.service.js';

/** The console's session cookie, and the header that must repeat the session's CSRF token on unsafe requests. */
export const SESSION_COOKIE = 'cbmp_session';
export const CSRF_HEADER = 'x-csrf-token';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function sameToken(presented: string, expected: string): boolean {
  const a = Buffer.from(presented);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Every route needs a caller unless marked @Public(): `Authorization: Bearer <key>` (systems), or else the console's
 * session cookie, with `X-CSRF-Token` on unsafe methods (people). A Bearer header is never combined with the cookie.
 * @Roles() then narrows who may call the route.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly keys: ApiKeysService,
    private readonly accounts: AccountsService,
    private readonly audit: AuditService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const origin = { ip: request.ip ?? null, requestId: request.id === undefined ? null : String(request.id) };
    const resolved = await this.authenticate(request);
    request.actor = { ...resolved, ...origin };
    const allowed = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    const scope = this.reflector.getAllAndOverride<Scope | undefined>(SCOPE_KEY, targets);
    if (!allowedBy(resolved, allowed, scope)) {
      await this.audit.record(
        { action: 'access.denied', entityType: 'route', entityId: `${request.method} ${request.route?.path ?? request.path}`, details: { needed: allowed, scope: scope ?? null } },
        request.actor,
      );
      const partnerOnly = allowed!.includes('partner') && resolved.roles.includes('partner') && scope;
      throw new ForbiddenError(
        partnerOnly ? `This action needs one of the roles: ${allowed!.join(', ')} (partner keys need the scope ${scope})` : `This action needs one of the roles: ${allowed!.join(', ')}`,
      );
    }
    return true;
  }

  private async authenticate(request: AuthenticatedRequest): Promise<Omit<Actor, 'ip' | 'requestId'>> {
    const header = request.headers.authorization;
    if (header !== undefined) {
      const presented = header.startsWith('Bearer ') ? header.slice(7).trim() : undefined;
      if (!presented) throw new UnauthenticatedError('The Authorization header must be "Bearer <key>"', [{ field: 'Authorization', reason: 'is not "Bearer <key>"' }]);
      const key = await this.keys.verify(presented);
      if (!key) throw new UnauthenticatedError('The API key is unknown, revoked or expired', [{ field: 'Authorization', reason: 'is not a valid key' }]);
      return key;
    }
    const token = (request.cookies as Record<string, unknown> | undefined)?.[SESSION_COOKIE];
    if (typeof token !== 'string' || token === '') {
      throw new UnauthenticatedError('An API key or a console session is required', [
        { field: 'Authorization', reason: 'is missing; send "Bearer <key>", or sign in to the console' },
      ]);
    }
    const session = await this.accounts.resolve(token);
    if (!session) throw new UnauthenticatedError('The session has ended or expired; sign in again', [{ field: SESSION_COOKIE, reason: 'is not a live session' }]);
    if (!SAFE_METHODS.has(request.method)) {
      const presented = request.headers[CSRF_HEADER];
      if (typeof presented !== 'string' || !sameToken(presented, session.csrfToken)) {
        throw new ForbiddenError('Requests that change something need the session\'s CSRF token', [
          { field: 'X-CSRF-Token', reason: typeof presented === 'string' ? 'does not match the session' : 'is missing' },
        ]);
      }
    }
    request.consoleSession = session;
    return session.actor;
  }
}
