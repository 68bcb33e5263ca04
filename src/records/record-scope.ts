import type { Actor } from '../auth/actor.js';

/**
 * Which person records a caller may read directly (reads through an alert follow the alert's rule instead):
 * admins all; investigators and partners with records:read those of their country; submitters those of their
 * own organization. A key with several roles gets the union.
 */
export interface RecordScope {
  all: boolean;
  country: 'MX' | 'GT' | null;
  organizationId: string | null;
}

export function recordScope(actor: Pick<Actor, 'roles' | 'scopes' | 'country' | 'organizationId'>): RecordScope {
  if (actor.roles.includes('admin')) return { all: true, country: null, organizationId: null };
  const byCountry = actor.roles.includes('investigator') || (actor.roles.includes('partner') && actor.scopes.includes('records:read'));
  return {
    all: false,
    country: byCountry ? actor.country : null,
    organizationId: actor.roles.includes('submitter') ? actor.organizationId : null,
  };
}

export function inRecordScope(scope: RecordScope, record: { country: string; organizationId: string }): boolean {
  return scope.all || record.country === scope.country || record.organizationId === scope.organizationId;
}
