import { alertPriority } from './alert-priority.js';

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
    { name: 'everything', input: { probability: 1, minor: true, crossBorder: true, foundDate: '2026-11-28', today }, expected: 150 },
  ])('$name → $expected', ({ input, expected }) => {
    expect(alertPriority(input)).toBeCloseTo(expected, 2);
  });

  it('puts a minor at 0.5 before an adult at 0.75', () => {
    expect(alertPriority({ ...base, minor: true })).toBeGreaterThan(alertPriority({ ...base, probability: 0.75 }));
  });
});
