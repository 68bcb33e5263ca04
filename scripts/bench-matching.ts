/**
 * Benchmark of the matching service end to end, as a partner and an investigator would use it:
 *   1. starts the built service (dist/src/main.js) as a child process on its own database;
 *   2. ingests N reports and M victims from the synthetic generator through the batch API (--ingest-parallel
 *      requests of 1,000 records in flight, default 2);
 *   3. runs a full matching run and times it (request → run finished), then a second full run while autocannon
 *      queries GET /api/v1/alerts, for the p99 latency of the queue during a run;
 *   4. adds 1,000 new records and times an incremental run;
 *   5. reports the service process's peak resident memory (VmHWM, worker thread included).
 *
 *   npm run bench:matching -- --reports 100000 --victims 50000
 *
 * Uses DATABASE_URL when set (a database it may fill), else an embedded PostgreSQL in a temporary folder.
 */
import autocannon from 'autocannon';
import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedPostgres } from '../src/database/embedded-postgres.js';
import { toApiBody } from '../src/matching/synthetic/api-body.js';
import { generateDataset } from '../src/matching/synthetic/generator.js';
import { ApiClient } from './lib/api-client.js';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const REPORTS = arg('reports', 100_000);
const VICTIMS = arg('victims', 50_000);
const SEED = arg('seed', 1);
const PORT = arg('port', 3555);
/** Batch requests (1,000 records each) in flight while ingesting. */
const INGEST_PARALLEL = arg('ingest-parallel', 2);
const ADMIN = 'cbmp_00000000000000be_benchmark-admin-key-000000000';
const BASE = `http://127.0.0.1:${PORT}`;
const client = new ApiClient(BASE);
const api = client.call.bind(client);
const ingest = (path: string, key: string, bodies: Record<string, unknown>[]) => client.ingest(path, key, bodies, INGEST_PARALLEL);
const waitForRun = (id: string) => client.waitForRun(ADMIN, id);

function peakRssMiB(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmHWM:'));
  return Math.round(Number(line?.replace(/\D+/g, '') ?? 0) / 1024);
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'cbmp-bench-matching-'));
  chmodSync(dir, 0o755);
  const embedded = process.env.DATABASE_URL ? null : await startEmbeddedPostgres(dir, 54391, { persistent: false });
  const url = process.env.DATABASE_URL ?? embedded!.url;
  const service = spawn(process.execPath, ['dist/src/main.js'], {
    // The queue load (20 requests/s from one key) is above the default per-key rate limit: this measures speed, not the policy.
    env: { ...process.env, DATABASE_URL: url, PORT: String(PORT), BOOTSTRAP_ADMIN_KEY: ADMIN, MATCHING_CRON: 'off', LOG_LEVEL: 'warn', RATE_LIMIT_PER_MINUTE: '1000000' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const figures: Record<string, unknown> = { reports: REPORTS, victims: VICTIMS, seed: SEED };
  try {
    await client.waitUntilUp();
    const gt = (await api('POST', '/api/v1/api-keys', ADMIN, { organization: 'Bench GT', country: 'GT', roles: ['submitter'] })).key;
    const mx = (await api('POST', '/api/v1/api-keys', ADMIN, { organization: 'Bench MX', country: 'MX', roles: ['submitter'] })).key;
    const investigator = (await api('POST', '/api/v1/api-keys', ADMIN, { organization: 'Bench investigators', country: 'MX', roles: ['investigator'] })).key;

    const data = generateDataset({ seed: SEED, reports: REPORTS, victims: VICTIMS });
    const byCountry = (records: typeof data.reports) => ({
      GT: records.filter((r) => r.country === 'GT').map(toApiBody),
      MX: records.filter((r) => r.country !== 'GT').map(toApiBody),
    });
    const reports = byCountry(data.reports);
    const victims = byCountry(data.victims);
    let t = performance.now();
    let failed = await ingest('/api/v1/missing-reports/batch', gt, reports.GT);
    failed += await ingest('/api/v1/missing-reports/batch', mx, reports.MX);
    failed += await ingest('/api/v1/suspected-victims/batch', gt, victims.GT);
    failed += await ingest('/api/v1/suspected-victims/batch', mx, victims.MX);
    const ingestSeconds = (performance.now() - t) / 1000;
    figures.ingest = { records: data.reports.length + data.victims.length, failed, seconds: +ingestSeconds.toFixed(1), recordsPerSecond: Math.round((data.reports.length + data.victims.length) / ingestSeconds), inFlight: INGEST_PARALLEL };

    t = performance.now();
    const first = await waitForRun((await api('POST', '/api/v1/matching/runs', ADMIN, { mode: 'full' })).run.id);
    figures.fullRun = { wallSeconds: +((performance.now() - t) / 1000).toFixed(1), status: first.status, error: first.error, pairsCompared: first.pairsCompared, alerts: first.alerts, timingsMs: first.timingsMs };

    t = performance.now();
    const second = (await api('POST', '/api/v1/matching/runs', ADMIN, { mode: 'full' })).run.id;
    // A steady 20 requests a second from 2 connections: investigators working the queue, not a saturation test.
    let stopLoad = () => {};
    const loadDone = new Promise<autocannon.Result>((resolve, reject) => {
      const instance = autocannon(
        { url: `${BASE}/api/v1/alerts?limit=50`, headers: { Authorization: `Bearer ${investigator}` }, connections: 2, overallRate: 20, duration: 600 },
        (err, result) => (err ? reject(err) : resolve(result)),
      );
      stopLoad = () => instance.stop();
    });
    const rerun = await waitForRun(second);
    stopLoad();
    const loadResult = await loadDone;
    const latency = loadResult.latency;
    figures.fullRerunUnderLoad = { wallSeconds: +((performance.now() - t) / 1000).toFixed(1), status: rerun.status, alerts: rerun.alerts };
    figures.alertsQueueDuringRun = { requests: loadResult.requests.total, p50ms: latency.p50, p99ms: latency.p99, maxMs: latency.max, non2xx: loadResult.non2xx };

    const fresh = generateDataset({ seed: SEED + 1000, reports: 500, victims: 500 });
    const rename = (prefix: string) => (b: Record<string, unknown>) => ({ ...b, sourceRecordId: `${prefix}-${b.sourceRecordId}` });
    await ingest('/api/v1/missing-reports/batch', gt, fresh.reports.map(toApiBody).map(rename('NEW')));
    await ingest('/api/v1/suspected-victims/batch', mx, fresh.victims.map(toApiBody).map(rename('NEW')));
    t = performance.now();
    const incremental = await waitForRun((await api('POST', '/api/v1/matching/runs', ADMIN, { mode: 'incremental' })).run.id);
    figures.incrementalAfter1000 = { wallSeconds: +((performance.now() - t) / 1000).toFixed(2), status: incremental.status, recordsConsidered: incremental.recordsConsidered, alerts: incremental.alerts, timingsMs: incremental.timingsMs };
    figures.servicePeakRssMiB = peakRssMiB(service.pid!);
    console.log(JSON.stringify(figures, null, 2));
  } finally {
    service.kill('SIGTERM');
    await new Promise((r) => service.once('exit', r));
    if (embedded) await embedded.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
