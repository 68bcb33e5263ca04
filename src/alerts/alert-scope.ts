import type { Actor } from '../auth/actor.js';

/**
 * Which alerts a caller may see: admins all; investigators and partners with alerts:read those in which at least
 * one record belongs to their country (a cross-border alert is seen from both sides). Both records of a visible
 * alert are shown with it, the other country's included; nothing else of the other country is.
 */
export interface AlertScope {
  all: boolean;
  country: 'MX' | 'GT' | null;
}

export function alertScope(actor: Pick<Actor, 'roles' | 'scopes' | 'country'>): AlertScope {
  if (actor.roles.includes('admin')) return { all: true, country: null };
  const byCountry = actor.roles.includes('investigator') || (actor.roles.includes('partner') && actor.scopes.includes('alerts:read'));
  return { all: false, country: byCountry ? actor.country : null };
}

export function inAlertScope(scope: AlertScope, alert: { reportCountry: string; victimCountry: string }): boolean {
  return scope.all || (scope.country !== null && (alert.reportCountry === scope.country || alert.victimCountry === scope.country));
}
