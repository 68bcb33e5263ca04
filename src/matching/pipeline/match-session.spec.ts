import type { MatchRecord } from '../engine/index.js';
import { MODEL_DEFAULT } from '../engine/index.js';
import { deploymentPrior, isMinor, TRAINING_REPORTS } from './match-session.js';

const report = (o: Partial<MatchRecord>): MatchRecord => ({ id: 'r', kind: 'missing_report', country: 'GT', sex: 'female', ...o });
const victim = (o: Partial<MatchRecord>): MatchRecord => ({ id: 'v', kind: 'suspected_victim', country: 'MX', sex: 'female', ...o });

describe('isMinor', () => {
  it.each([
    { name: 'age at event 17', record: report({ ageAtEvent: 17 }), expected: true },
    { name: 'age at event 18', record: report({ ageAtEvent: 18 }), expected: false },
    { name: 'birthday not yet reached at 18th year', record: report({ dateOfBirth: '2008-06-15', lastSeenDate: '2026-06-14' }), expected: true },
    { name: 'birthday reached', record: report({ dateOfBirth: '2008-06-15', lastSeenDate: '2026-06-15' }), expected: false },
    { name: 'year-only birth, could still be 17', record: report({ dateOfBirth: '2008', lastSeenDate: '2026-03-01' }), expected: true },
    { name: 'year-only birth, surely adult', record: report({ dateOfBirth: '2000', lastSeenDate: '2026-03-01' }), expected: false },
    { name: 'no dates at all', record: report({}), expected: false },
    { name: 'victim estimated 15–19', record: victim({ estimatedAgeMin: 15, estimatedAgeMax: 19 }), expected: true },
    { name: 'victim estimated 18–25', record: victim({ estimatedAgeMin: 18, estimatedAgeMax: 25 }), expected: false },
    { name: 'victim with a birth date', record: victim({ dateOfBirth: '2012-01-01', foundDate: '2026-02-01' }), expected: true },
  ])('$name → $expected', ({ record, expected }) => expect(isMinor(record)).toBe(expected));
});

describe('deploymentPrior', () => {
  const λ = MODEL_DEFAULT.prior;
  it.each([
    { reports: 0, expected: λ },
    { reports: 10, expected: λ },
    { reports: TRAINING_REPORTS, expected: λ },
    { reports: 2 * TRAINING_REPORTS - 1, expected: λ },
    { reports: 2 * TRAINING_REPORTS, expected: λ / 2 },
    { reports: 100_000, expected: λ / 16 }, // 100,000 / 5,000 = 20: four doublings
    { reports: 160_000, expected: λ / 32 },
  ])('$reports reports → λ $expected', ({ reports, expected }) => {
    expect(deploymentPrior(MODEL_DEFAULT, reports)).toBeCloseTo(expected, 15);
  });

  it('never exceeds the model prior and never rises as reports grow', () => {
    let previous = Infinity;
    for (let r = 1; r < 1_000_000; r = Math.ceil(r * 1.7)) {
      const p = deploymentPrior(MODEL_DEFAULT, r);
      expect(p).toBeLessThanOrEqual(λ);
      expect(p).toBeLessThanOrEqual(previous);
      previous = p;
    }
  });
});
