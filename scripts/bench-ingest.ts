/**
 * Benchmark: batch ingest alone. Generates records (seed 1), starts the app in this process on a fresh database and
 * sends them through the batch API (1,000 a call, 2 calls in flight), printing records per second.
 *
 *   npm run bench:ingest -- --reports 20000 --victims 10000 [--without-name-search]
 *
 * --without-name-search drops the folded-name column and its trigram index after migrating, to measure what the
 * console's name search costs ingest. Uses DATABASE_URL when set (it must name an empty database), else an
 * embedded PostgreSQL in a temporary folder (removed afterwards).
 */
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { createApp } from '../src/app.factory.js';
import { ApiKeysService } from '../src/auth/api-keys.service.js';
import { loadConfig } from '../src/config/app-config.js';
import { startEmbeddedPostgres } from '../src/database/embedded-postgres.js';
import { runMigrations } from '../src/database/migrate.js';
import { toApiBody } from '../src/matching/synthetic/api-body.js';
import { generateDataset } from '../src/matching/synthetic/generator.js';
import { ApiClient } from './lib/api-client.js';

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}

async function main(): Promise<void> {
  const withoutSearch = process.argv.includes('--without-name-search');
  const data = generateDataset({ seed: 1, reports: option('reports', 20_000), victims: option('victims', 10_000) });
  const dir = mkdtempSync(join(tmpdir(), 'cbmp-bench-'));
  chmodSync(dir, 0o755);
  const embedded = process.env.DATABASE_URL ? null : await startEmbeddedPostgres(dir, 54392, { persistent: false });
  const url = process.env.DATABASE_URL ?? embedded!.url;
  try {
    await runMigrations(url);
    if (withoutSearch) {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      await client.query(`DROP INDEX person_records_name_trgm; ALTER TABLE person_records DROP COLUMN search_name`);
      await client.end();
    }
    const app = await createApp(loadConfig({ LOG_LEVEL: 'silent', MATCHING_CRON: 'off', DELIVERY_INTERVAL_MS: '0', RATE_LIMIT_PER_MINUTE: '1000000' }), url, { logs: false });
    await app.listen(0, '127.0.0.1');
    const api = new ApiClient(`http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`);
    const adminKey = (await app.get(ApiKeysService).bootstrap(undefined, 'MX'))!;
    const key = await api.createKey(adminKey, 'Bench', 'MX', ['submitter']);
    const started = performance.now();
    let records = 0;
    let failed = 0;
    for (const [path, list] of [['/api/v1/missing-reports/batch', data.reports], ['/api/v1/suspected-victims/batch', data.victims]] as const) {
      const bodies = list.map((r) => ({ ...toApiBody(r), sourceRecordId: `B-${r.id}` }));
      records += bodies.length;
      failed += await api.ingest(path, key, bodies);
    }
    const seconds = (performance.now() - started) / 1000;
    console.log(JSON.stringify({ records, failed, nameSearchIndex: !withoutSearch, seconds: +seconds.toFixed(1), recordsPerSecond: Math.round(records / seconds) }));
    await app.close();
  } finally {
    if (embedded) await embedded.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
