import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuditService } from '../audit/audit.service.js';
import { ForbiddenError, UnauthenticatedError } from '../common/errors.js';
import { allowedBy, type AuthenticatedRequest, PUBLIC_KEY, ROLES_KEY, SCOPE_KEY } from './actor.js';
import type { Role, Scope } from './api-key.entity.js';
import { ApiKeysService } from './api-keys.service.js';

/** Every route needs `Authorization: Bearer <key>` unless marked @Public(); @Roles() narrows who may call it. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly keys: ApiKeysService,
    private readonly audit: AuditService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const header = request.headers.authorization;
    const presented = header?.startsWith('Bearer ') ? header.slice(7).trim() : undefined;
    if (!presented) {
      throw new UnauthenticatedError('An API key is required', [{ field: 'Authorization', reason: 'is missing; send "Bearer <key>"' }]);
    }
    const resolved = await this.keys.verify(presented);
    if (!resolved) {
      throw new UnauthenticatedError('The API key is unknown, revoked or expired', [{ field: 'Authorization', reason: 'is not a valid key' }]);
    }
    request.actor = { ...resolved, ip: request.ip ?? null, requestId: request.id === undefined ? null : String(request.id) };
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
}
