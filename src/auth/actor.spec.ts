import { allowedBy } from './actor.js';
import type { Role, Scope } from './api-key.entity.js';

describe('allowedBy (roles and partner scopes on a route)', () => {
  it.each<[string, Role[], Scope[], Role[] | undefined, Scope | undefined, boolean]>([
    ['no @Roles: any key', ['submitter'], [], undefined, undefined, true],
    ['a listed role', ['investigator'], [], ['investigator', 'admin'], undefined, true],
    ['an unlisted role', ['submitter'], [], ['investigator', 'admin'], undefined, false],
    ['partner listed, no scope needed', ['partner'], ['records:write'], ['partner'], undefined, true],
    ['partner listed, with the scope', ['partner'], ['records:read', 'alerts:read'], ['investigator', 'partner'], 'alerts:read', true],
    ['partner listed, without the scope', ['partner'], ['records:write'], ['investigator', 'partner'], 'alerts:read', false],
    ['partner not listed, even with the scope', ['partner'], ['alerts:read'], ['investigator'], 'alerts:read', false],
    ['partner and submitter: the submitter role passes without the scope', ['partner', 'submitter'], [], ['submitter', 'partner'], 'records:write', true],
  ])('%s → %s', (_name, roles, scopes, allowed, scope, expected) => {
    expect(allowedBy({ roles, scopes }, allowed, scope)).toBe(expected);
  });
});
