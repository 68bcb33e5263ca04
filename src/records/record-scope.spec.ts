import type { Role, Scope } from '../auth/api-key.entity.js';
import { inRecordScope, recordScope } from './record-scope.js';

const ORG = '00000000-0000-4000-8000-000000000001';
const OTHER = '00000000-0000-4000-8000-000000000002';
const actor = (roles: Role[], scopes: Scope[] = []) => ({ roles, scopes, country: 'MX' as const, organizationId: ORG });

describe('record scope', () => {
  it.each<[string, Role[], Scope[], { country: string; organizationId: string }, boolean]>([
    ['admin, other country and organization', ['admin'], [], { country: 'GT', organizationId: OTHER }, true],
    ['investigator, own country', ['investigator'], [], { country: 'MX', organizationId: OTHER }, true],
    ['investigator, other country', ['investigator'], [], { country: 'GT', organizationId: OTHER }, false],
    ['submitter, own organization', ['submitter'], [], { country: 'MX', organizationId: ORG }, true],
    ['submitter, another organization of its country', ['submitter'], [], { country: 'MX', organizationId: OTHER }, false],
    ['partner with records:read, own country', ['partner'], ['records:read'], { country: 'MX', organizationId: OTHER }, true],
    ['partner with records:read, other country', ['partner'], ['records:read'], { country: 'GT', organizationId: OTHER }, false],
    ['partner without records:read', ['partner'], ['records:write'], { country: 'MX', organizationId: OTHER }, false],
    ['submitter and investigator: the union', ['submitter', 'investigator'], [], { country: 'MX', organizationId: OTHER }, true],
  ])('%s → %s', (_name, roles, scopes, record, expected) => {
    expect(inRecordScope(recordScope(actor(roles, scopes)), record)).toBe(expected);
  });
});
