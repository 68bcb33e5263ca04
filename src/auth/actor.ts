import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Request } from 'express';
import type { Role } from './api-key.entity.js';

/** Who is calling: resolved from the API key by the AuthGuard. */
export interface Actor {
  keyId: string;
  organizationId: string;
  organizationName: string;
  country: 'MX' | 'GT';
  roles: Role[];
  ip: string | null;
  requestId: string | null;
}

export type AuthenticatedRequest = Request & { actor?: Actor; id?: string | number };

export const ROLES_KEY = 'roles';
/** Roles allowed on a route (any of them). */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

export const PUBLIC_KEY = 'public';
/** A route that needs no API key (health, docs). */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

export const CurrentActor = createParamDecorator((_data: unknown, ctx: ExecutionContext): Actor => {
  const actor = ctx.switchToHttp().getRequest<AuthenticatedRequest>().actor;
  if (!actor) throw new Error('CurrentActor used on a route without authentication');
  return actor;
});
