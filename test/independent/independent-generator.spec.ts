/**
 * The independent synthetic data set (scripts/independent/generator.ts): deterministic by seed, and its ground
 * truth only references records that exist and agrees with itself.
 */
import { generateIndependent, type IndependentDataset } from '../../scripts/independent/generator.js';

const cases: { name: string; seed: number; reports: number; victims: number }[] = [
  { name: 'seed 1, small', seed: 1, reports: 50, victims: 40 },
  { name: 'seed 2, small', seed: 2, reports: 50, victims: 40 },
  { name: 'seed 7, tiny', seed: 7, reports: 20, victims: 15 },
];

const cache = new Map<string, IndependentDataset>();
function data(c: (typeof cases)[number]): IndependentDataset {
  const key = `${c.seed}:${c.reports}:${c.victims}`;
  if (!cache.has(key)) cache.set(key, generateIndependent(c));
  return cache.get(key)!;
}

describe('independent generator', () => {
  it.each(cases)('$name: the same seed gives the same data set', (c) => {
    expect(JSON.stringify(generateIndependent(c))).toBe(JSON.stringify(data(c)));
  });

  it('different seeds give different data sets', () => {
    expect(JSON.stringify(data(cases[0]).victims)).not.toBe(JSON.stringify(data(cases[1]).victims));
  });

  it.each(cases)('$name: sizes as asked and nothing refused by the API validation', (c) => {
    const d = data(c);
    expect(d.rejected).toEqual([]);
    expect(d.reports).toHaveLength(c.reports);
    expect(d.victims).toHaveLength(c.victims);
    expect(d.reports.every((r) => r.kind === 'missing_report')).toBe(true);
    expect(d.victims.every((v) => v.kind === 'suspected_victim')).toBe(true);
  });

  it.each(cases)('$name: every true pair references existing records; truth is consistent', (c) => {
    const d = data(c);
    const reportIds = new Set(d.reports.map((r) => r.id));
    const victimIds = new Set(d.victims.map((v) => v.id));
    expect(reportIds.size).toBe(d.reports.length);
    expect(victimIds.size).toBe(d.victims.length);
    expect(d.truePairs.length).toBeGreaterThan(0);
    for (const tp of d.truePairs) {
      expect(reportIds.has(tp.reportId)).toBe(true);
      expect(victimIds.has(tp.victimId)).toBe(true);
    }
    expect(new Set(d.truePairs.map((p) => `${p.reportId}|${p.victimId}`)).size).toBe(d.truePairs.length);
    // victimTruth and reportTruth are parallel to the records.
    expect(d.victimTruth.map((t) => t.victimId)).toEqual(d.victims.map((v) => v.id));
    expect(d.reportTruth.map((t) => t.reportId)).toEqual(d.reports.map((r) => r.id));
    // A victim's report ids are exactly its true pairs, and they are the reports of the same person.
    const personOfReport = new Map(d.reportTruth.map((t) => [t.reportId, t.personId]));
    for (const t of d.victimTruth) {
      const pairs = d.truePairs.filter((p) => p.victimId === t.victimId).map((p) => p.reportId);
      expect(pairs.sort()).toEqual([...t.reportIds].sort());
      for (const r of t.reportIds) expect(personOfReport.get(r)).toBe(t.personId);
      if (t.negativeKind !== null) expect(t.reportIds).toEqual([]);
      else expect(t.reportIds.length).toBeGreaterThan(0);
      // A victim with no report is never a person who was reported.
      if (t.reportIds.length === 0) expect([...personOfReport.values()]).not.toContain(t.personId);
    }
  });
});
