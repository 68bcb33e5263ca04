import { alertPriority, forensicComparability } from './alert-priority.js';

const today = new Date('2026-11-28T00:00:00Z');
const base = { probability: 0.5, minor: false, crossBorder: false, foundDate: null as string | null, today };

describe('alertPriority', () => {
  it.each([
    { name: 'probability only', input: base, expected: 50 },
    { name: 'a minor adds 30', input: { ...base, minor: true }, expected: 80 },
    { name: 'cross-border adds 10', input: { ...base, crossBorder: true }, expected: 60 },
    { name: 'found today adds 10', input: { ...base, foundDate: '2026-11-28' }, expected: 60 },
    { name: 'found half a year ago adds about 5', input: { ...base, foundDate: '2026-05-31' }, expected: 55.041 },
    { name: 'found over a year ago adds nothing', input: { ...base, foundDate: '2024-01-01' }, expected: 50 },
    { name: 'forensically comparable adds 15', input: { ...base, forensicComparable: true }, expected: 65 },
    { name: 'not comparable adds nothing', input: { ...base, forensicComparable: false }, expected: 50 },
    { name: 'found today, late in the day, still adds 10 (whole days)', input: { ...base, foundDate: '2026-11-28', today: new Date('2026-11-28T23:59:00Z') }, expected: 60 },
    { name: 'a run seconds later gives the same points', input: { ...base, foundDate: '2026-05-31', today: new Date('2026-11-28T17:03:41Z') }, expected: 55.041 },
    { name: 'everything', input: { probability: 1, minor: true, crossBorder: true, foundDate: '2026-11-28', today, forensicComparable: true }, expected: 165 },
  ])('$name → $expected', ({ input, expected }) => {
    expect(alertPriority(input)).toBeCloseTo(expected, 2);
  });

  it('puts a minor at 0.5 before an adult at 0.75', () => {
    expect(alertPriority({ ...base, minor: true })).toBeGreaterThan(alertPriority({ ...base, probability: 0.75 }));
  });

  it('puts a comparable pair at 0.6 before a non-comparable one at 0.7', () => {
    expect(alertPriority({ ...base, probability: 0.6, forensicComparable: true })).toBeGreaterThan(alertPriority({ ...base, probability: 0.7 }));
  });
});

describe('forensicComparability', () => {
  const none = { dnaSampleTaken: null, familyReferenceSamples: null, fingerprintRecordIds: null };
  it.each([
    ['nothing known', none, none, []],
    ['DNA from the body and family samples', { ...none, familyReferenceSamples: true }, { ...none, dnaSampleTaken: true }, ['DNA']],
    ['DNA from the body, no family samples', { ...none, familyReferenceSamples: false }, { ...none, dnaSampleTaken: true }, []],
    ['family samples, no DNA taken', { ...none, familyReferenceSamples: true }, { ...none, dnaSampleTaken: false }, []],
    ['fingerprints on both sides', { ...none, fingerprintRecordIds: ['A-1'] }, { ...none, fingerprintRecordIds: ['B-2'] }, ['fingerprint']],
    ['fingerprints on one side only', { ...none, fingerprintRecordIds: ['A-1'] }, { ...none, fingerprintRecordIds: [] }, []],
    ['both ways', { dnaSampleTaken: null, familyReferenceSamples: true, fingerprintRecordIds: ['A-1'] }, { dnaSampleTaken: true, familyReferenceSamples: null, fingerprintRecordIds: ['B-2'] }, ['DNA', 'fingerprint']],
  ])('%s', (_name, report, victim, expected) => {
    expect(forensicComparability(report, victim)).toEqual(expected);
  });
});
