import { generateDataset } from './generator.js';

describe('synthetic generator', () => {
  it.each([1, 7])('is deterministic for seed %p', (seed) => {
    const a = generateDataset({ seed, reports: 300, victims: 200 });
    const b = generateDataset({ seed, reports: 300, victims: 200 });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
  });

  it('differs between seeds', () => {
    const a = generateDataset({ seed: 1, reports: 300, victims: 200 });
    const b = generateDataset({ seed: 2, reports: 300, victims: 200 });
    expect(JSON.stringify(a.reports)).not.toBe(JSON.stringify(b.reports));
  });

  it('produces the requested sizes, consistent ground truth and every case type', () => {
    const d = generateDataset({ seed: 3, reports: 1000, victims: 600 });
    expect(d.reports.length).toBe(1000);
    expect(d.victims.length).toBe(600);
    const reportIds = new Set(d.reports.map((r) => r.id));
    const victimIds = new Set(d.victims.map((v) => v.id));
    for (const p of d.truePairs) {
      expect(reportIds.has(p.reportId)).toBe(true);
      expect(victimIds.has(p.victimId)).toBe(true);
    }
    const cases = new Set(d.victimTruth.map((t) => t.nameCase));
    expect([...cases].sort()).toEqual(['alias_only', 'false_name', 'named', 'nameless']);
    const negatives = new Set(d.victimTruth.map((t) => t.negativeKind));
    expect(negatives).toEqual(new Set([null, 'sibling', 'same_name', 'other']));
    expect(d.victims.some((v) => v.condition === 'deceased' && !v.givenNames && !v.fullName)).toBe(true);
  });
});
