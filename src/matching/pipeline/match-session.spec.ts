import type { MatchRecord } from '../engine/index.js';
import { MODEL_DEFAULT } from '../engine/index.js';
import { generateDataset } from '../synthetic/generator.js';
import { deploymentPrior, isMinor, MatchSession, TRAINING_REPORTS, type VersionedRecord, WARM_REBUILD_SHARE } from './match-session.js';

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

describe('MatchSession: incremental runs on the warm index', () => {
  // Review threshold 0: every candidate pair is kept, so kept pairs = candidate pairs, whatever the weights.
  const everyPair = { ...MODEL_DEFAULT, thresholds: { ...MODEL_DEFAULT.thresholds, review: 0 } };
  const data = generateDataset({ seed: 11, reports: 900, victims: 600 });
  const all: VersionedRecord[] = [...data.reports, ...data.victims].map((r) => ({ ...r, version: 1 }));
  const pairSet = (session: MatchSession, touching?: Set<string>) => {
    const out = new Set<string>();
    for (let chunk = session.next(5_000); chunk.length > 0; chunk = session.next(5_000)) {
      for (const p of chunk) if (!touching || touching.has(p.reportId) || touching.has(p.victimId)) out.add(`${p.reportId}|${p.victimId}`);
    }
    return out;
  };

  it.each([
    { case: 'new reports and new victims', newReports: 20, newVictims: 20 },
    { case: 'new victims only', newReports: 0, newVictims: 30 },
    { case: 'new reports only', newReports: 30, newVictims: 0 },
  ])('$case: the pairs a full run over everything has for the new records', ({ newReports, newVictims }) => {
    const fresh = new Set(
      [...data.reports.slice(data.reports.length - newReports), ...data.victims.slice(data.victims.length - newVictims)].map((r) => r.id),
    );
    expect(fresh.size).toBe(newReports + newVictims);
    expect(fresh.size).toBeLessThan(WARM_REBUILD_SHARE * all.length); // the warm index is reused, not rebuilt

    const reference = new MatchSession(everyPair);
    reference.sync(all);
    reference.run({ mode: 'full', changedIds: [], known: [] });
    const expected = pairSet(reference, fresh);

    const session = new MatchSession(everyPair);
    session.sync(all.filter((r) => !fresh.has(r.id)));
    session.run({ mode: 'full', changedIds: [], known: [] });
    pairSet(session);
    session.sync(all.filter((r) => fresh.has(r.id)));
    const summary = session.run({ mode: 'incremental', changedIds: [...fresh], known: [] });
    expect(summary.timingsMs.index).toBeDefined();
    const got = pairSet(session);

    expect(expected.size).toBeGreaterThan(20);
    expect([...expected].filter((p) => !got.has(p))).toEqual([]);
    expect([...got].filter((p) => !expected.has(p))).toEqual([]);
  });

  it('a changed record is rescored from its new version, in place', () => {
    const session = new MatchSession(everyPair);
    session.sync(all);
    session.run({ mode: 'full', changedIds: [], known: [] });
    pairSet(session);
    const victim = data.victims.find((v) => v.firstSurname && v.givenNames)!;
    const report = data.reports.find((r) => r.firstSurname && r.givenNames && r.firstSurname !== victim.firstSurname)!;
    // The victim now carries exactly the report's name, sex and birth date: the two must become a candidate pair.
    const changed = { ...victim, givenNames: report.givenNames, firstSurname: report.firstSurname, secondSurname: report.secondSurname, sex: report.sex, dateOfBirth: report.dateOfBirth, version: 2 };
    expect(session.sync([changed])).toBe(1);
    expect(session.size).toBe(all.length);
    session.run({ mode: 'incremental', changedIds: [victim.id], known: [] });
    const pairs: { reportId: string; victimVersion: number }[] = [];
    for (let chunk = session.next(5_000); chunk.length > 0; chunk = session.next(5_000)) pairs.push(...chunk);
    expect(pairs.some((p) => p.reportId === report.id)).toBe(true);
    expect(pairs.every((p) => p.victimVersion === 2)).toBe(true);
  });
});

describe('MatchSession: a full run scored in slices while its pairs are read', () => {
  const data = generateDataset({ seed: 12, reports: 700, victims: 400 });
  const all: VersionedRecord[] = [...data.reports, ...data.victims].map((r) => ({ ...r, version: 1 }));
  const read = (session: MatchSession, max: number) => {
    const out: string[] = [];
    for (let chunk = session.next(max); chunk.length > 0; chunk = session.next(max)) for (const p of chunk) out.push(`${p.reportId}|${p.victimId}|${p.weight}|${p.rules.join(',')}`);
    return out;
  };

  it.each([
    { case: 'read in slices of 7 while scoring goes on', max: 7, advanceBetween: 0 },
    { case: 'read in slices of 50, scoring 13 reports between reads', max: 50, advanceBetween: 13 },
    { case: 'read after everything was scored', max: 1_000, advanceBetween: Number.MAX_SAFE_INTEGER },
  ])('$case: the same pairs, in the same order, and the same counts as run()', ({ max, advanceBetween }) => {
    const stored = { reportId: data.reports[0].id, victimId: data.victims[0].id, weight: 0, reportVersion: 1, victimVersion: 1, modelVersion: 'old' };
    const reference = new MatchSession();
    reference.sync(all);
    const expectedSummary = reference.run({ mode: 'full', changedIds: [], known: [stored] });
    const expected = read(reference, 10_000);

    const session = new MatchSession();
    session.sync(all);
    expect(session.start({ mode: 'full', changedIds: [], known: [stored] }).threshold).toBe(expectedSummary.threshold);
    expect(session.scoring).toBe(true);
    expect(() => session.summary()).toThrow(/no finished/);
    const got: string[] = [];
    for (;;) {
      if (advanceBetween > 0) session.advance(advanceBetween);
      const chunk = session.next(max);
      if (chunk.length === 0) break;
      for (const p of chunk) got.push(`${p.reportId}|${p.victimId}|${p.weight}|${p.rules.join(',')}`);
    }
    expect(session.scoring).toBe(false);
    expect(expected.length).toBeGreaterThan(50);
    expect(got).toEqual(expected);
    // The stored alert blocking does not propose is rescored at the end and handed back (its score changed).
    expect(got.some((p) => p.startsWith(`${stored.reportId}|${stored.victimId}|`))).toBe(true);
    const summary = session.summary();
    expect({ ...summary, timingsMs: null }).toEqual({ ...expectedSummary, timingsMs: null });
    expect(summary.kept).toBe(expected.length);
  });

  it('a new start abandons a run that was not finished', () => {
    const session = new MatchSession();
    session.sync(all);
    session.start({ mode: 'full', changedIds: [], known: [] });
    session.next(5);
    const summary = session.run({ mode: 'full', changedIds: [], known: [] });
    expect(read(session, 10_000)).toHaveLength(summary.kept);
  });
});
