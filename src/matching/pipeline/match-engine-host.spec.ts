import { matchingPair } from '../../../test/factories/matching.js';
import type { VersionedRecord } from './match-session.js';
import { createEngineHost, InlineEngineHost, type MatchEngineHost, workerScriptPath } from './match-engine-host.js';

/** Feature records as the repository builds them (the factory's API bodies plus id, kind, version, country). */
function records(): VersionedRecord[] {
  const out: VersionedRecord[] = [];
  for (let n = 0; n < 6; n++) {
    const { report, victim } = matchingPair(n);
    out.push({ ...(report as object), id: `r${n}`, kind: 'missing_report', version: 1, country: 'GT', languageCodes: [] } as unknown as VersionedRecord);
    out.push({ ...(victim as object), id: `v${n}`, kind: 'suspected_victim', version: 1, country: 'MX', languageCodes: [] } as unknown as VersionedRecord);
  }
  return out;
}

/** Reads every kept pair, in slices of 3 (so slicing itself is exercised). */
async function drain(host: MatchEngineHost) {
  const pairs = [];
  for (let chunk = await host.next(3); chunk.length > 0; chunk = await host.next(3)) pairs.push(...chunk);
  return pairs;
}

describe.each([
  ['worker thread', () => createEngineHost('worker')],
  ['inline', () => new InlineEngineHost()],
] as [string, () => MatchEngineHost][])('match engine host: %s', (_name, make) => {
  let host: MatchEngineHost;
  beforeAll(() => {
    host = make();
  });
  afterAll(async () => host.close());

  it('is what it says (the worker script is built by `npm run build`, which `npm test` runs first)', () => {
    if (_name === 'worker thread') {
      expect(workerScriptPath()).not.toBeNull();
      expect(host.kind).toBe('worker');
    } else expect(host.kind).toBe('inline');
  });

  it('syncs only new versions and finds the true pairs', async () => {
    expect(await host.sync(records())).toBe(12);
    expect(await host.sync(records())).toBe(0);
    const outcome = await host.run({ mode: 'full', changedIds: [], known: [] });
    const pairs = await drain(host);
    expect(pairs).toHaveLength(outcome.kept);
    const found = new Set(pairs.map((p) => `${p.reportId}-${p.victimId}`));
    for (let n = 0; n < 6; n++) expect(found).toContain(`r${n}-v${n}`);
    expect(pairs.every((p) => p.probability >= outcome.threshold)).toBe(true);
  });

  it('incremental: only pairs touching the changed records, plus stored alerts whose score changed', async () => {
    const outcome = await host.run({ mode: 'incremental', changedIds: ['v2'], known: [{ reportId: 'r0', victimId: 'v5', weight: 0, reportVersion: 1, victimVersion: 1, modelVersion: 'old' }] });
    const pairs = await drain(host);
    for (const p of pairs) expect(p.victimId === 'v2' || (p.reportId === 'r0' && p.victimId === 'v5')).toBe(true);
    expect(pairs.some((p) => p.reportId === 'r2' && p.victimId === 'v2')).toBe(true);
    expect(pairs.some((p) => p.reportId === 'r0' && p.victimId === 'v5')).toBe(true);
    expect(outcome.victimsConsidered).toBe(1);
    expect(outcome.reportsConsidered).toBe(0);
  });

  it('a stored alert scored exactly as before is not handed back; a changed one is', async () => {
    await host.run({ mode: 'full', changedIds: [], known: [] });
    const first = (await drain(host)).find((p) => p.reportId === 'r1' && p.victimId === 'v1')!;
    const stored = { reportId: 'r1', victimId: 'v1', weight: first.weight, reportVersion: 1, victimVersion: 1, modelVersion: first.evidence.modelVersion };
    const same = await host.run({ mode: 'full', changedIds: [], known: [stored] });
    expect(same.unchanged).toBe(1);
    expect((await drain(host)).some((p) => p.reportId === 'r1' && p.victimId === 'v1')).toBe(false);
    const other = await host.run({ mode: 'full', changedIds: [], known: [{ ...stored, weight: first.weight - 1 }] });
    expect(other.unchanged).toBe(0);
    expect((await drain(host)).some((p) => p.reportId === 'r1' && p.victimId === 'v1')).toBe(true);
  });

  it('start, then next while scoring goes on, then summary: what run() gives', async () => {
    const expected = await host.run({ mode: 'full', changedIds: [], known: [] });
    const expectedPairs = (await drain(host)).map((p) => `${p.reportId}|${p.victimId}|${p.weight}`);
    expect((await host.start({ mode: 'full', changedIds: [], known: [] })).threshold).toBe(expected.threshold);
    const pairs = (await drain(host)).map((p) => `${p.reportId}|${p.victimId}|${p.weight}`);
    expect(pairs).toEqual(expectedPairs);
    const summary = await host.summary();
    expect(summary.kept).toBe(expected.kept);
    expect(summary.pairsCompared).toBe(expected.pairsCompared);
  });

  it('starts empty after a reset', async () => {
    await host.reset();
    expect((await host.run({ mode: 'full', changedIds: [], known: [] })).kept).toBe(0);
    expect(await host.next(10)).toEqual([]);
  });
});
