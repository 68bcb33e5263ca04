/**
 * npm run bench:session -- [--seed 1] [--reports 100000] [--victims 50000] [--new 1000]
 *
 * The engine side of a matching run without the database or HTTP: a MatchSession (what the service's engine
 * thread holds) is synced with the generator's records, runs a full run, then gets `--new` new records (half
 * reports, half victims) and runs an incremental run. Prints the time of each step and the heap and resident
 * memory after it. Aggregate figures only.
 */
import { MatchSession, type VersionedRecord } from '../src/matching/pipeline/match-session.js';
import { generateDataset } from '../src/matching/synthetic/generator.js';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] !== undefined ? Number(process.argv[i + 1]) : fallback;
}
const SEED = arg('seed', 1);
const REPORTS = arg('reports', 100_000);
const VICTIMS = arg('victims', 50_000);
const NEW = arg('new', 1_000);

const mib = (n: number) => Math.round(n / 2 ** 20);
function memory(): string {
  const before = process.memoryUsage();
  // With node --expose-gc, also the heap that stays after a collection (what the step keeps).
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) return `heap ${mib(before.heapUsed)} MiB, rss ${mib(before.rss)} MiB`;
  gc();
  const after = process.memoryUsage();
  return `heap ${mib(before.heapUsed)} MiB (kept ${mib(after.heapUsed)}, array buffers ${mib(after.arrayBuffers)}), rss ${mib(before.rss)} MiB`;
}
function step<T>(name: string, work: () => T): T {
  const t = performance.now();
  const out = work();
  console.log(`${name.padEnd(28)} ${((performance.now() - t) / 1000).toFixed(2).padStart(7)} s   ${memory()}`);
  return out;
}

const versioned = (records: { id: string }[], prefix = ''): VersionedRecord[] =>
  records.map((r) => ({ ...(r as VersionedRecord), id: prefix + r.id, version: 1 }));

const data = step('generate', () => generateDataset({ seed: SEED, reports: REPORTS, victims: VICTIMS }));
const all = versioned([...data.reports, ...data.victims]);
(data as unknown as { reports: unknown; victims: unknown }).reports = null;
(data as unknown as { reports: unknown; victims: unknown }).victims = null;
const session = new MatchSession();
step('sync (prepare)', () => {
  for (let i = 0; i < all.length; i += 5_000) session.sync(all.slice(i, i + 5_000));
});
all.length = 0;
const full = step('full run', () => session.run({ mode: 'full', changedIds: [], known: [] }));
console.log(`  pairs ${full.pairsCompared}, kept ${full.kept}, timings ${JSON.stringify(full.timingsMs)}`);
step('read kept pairs', () => {
  let n = 0;
  for (let chunk = session.next(2_000); chunk.length > 0; chunk = session.next(2_000)) n += chunk.length;
  return n;
});
const fresh = generateDataset({ seed: SEED + 1000, reports: NEW / 2, victims: NEW / 2 });
const added = versioned([...fresh.reports, ...fresh.victims], 'new-');
step(`sync ${added.length} new`, () => session.sync(added));
const inc = step('incremental run', () => session.run({ mode: 'incremental', changedIds: added.map((r) => r.id), known: [] }));
console.log(`  pairs ${inc.pairsCompared}, kept ${inc.kept}, timings ${JSON.stringify(inc.timingsMs)}`);
step('read kept pairs', () => {
  let n = 0;
  for (let chunk = session.next(2_000); chunk.length > 0; chunk = session.next(2_000)) n += chunk.length;
  return n;
});
const inc2 = step('incremental, nothing new', () => session.run({ mode: 'incremental', changedIds: [], known: [] }));
console.log(`  pairs ${inc2.pairsCompared}, timings ${JSON.stringify(inc2.timingsMs)}`);
