import type { Role, Scope } from '../auth/api-key.entity.js';
import { alertScope, inAlertScope } from './alert-scope.js';

describe('alert scope', () => {
  it.each<[string, Role[], Scope[], 'MX' | 'GT', [string, string], boolean]>([
    ['admin sees a GT-only alert from MX', ['admin'], [], 'MX', ['GT', 'GT'], true],
    ['MX investigator, MX report and GT victim', ['investigator'], [], 'MX', ['MX', 'GT'], true],
    ['GT investigator, the same cross-border alert', ['investigator'], [], 'GT', ['MX', 'GT'], true],
    ['GT investigator, GT report and MX victim', ['investigator'], [], 'GT', ['GT', 'MX'], true],
    ['GT investigator, MX-only alert', ['investigator'], [], 'GT', ['MX', 'MX'], false],
    ['MX investigator, GT-only alert', ['investigator'], [], 'MX', ['GT', 'GT'], false],
    ['partner with alerts:read, own country', ['partner'], ['alerts:read'], 'MX', ['MX', 'MX'], true],
    ['partner without alerts:read', ['partner'], ['records:read'], 'MX', ['MX', 'MX'], false],
    ['submitter', ['submitter'], [], 'MX', ['MX', 'MX'], false],
  ])('%s → %s', (_name, roles, scopes, country, [reportCountry, victimCountry], expected) => {
    expect(inAlertScope(alertScope({ roles, scopes, country }), { reportCountry, victimCountry })).toBe(expected);
  });
});
