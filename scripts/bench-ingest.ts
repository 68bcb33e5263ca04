/**
 * Benchmark: batch ingest alone. Generates records (seed 1), starts the app in this process on a fresh database and
 * sends them through the batch API (1,000 a call, --parallel calls in flight, default 2), printing records per second.
 *
 *   npm run bench:ingest -- --reports 20000 --victims 10000 [--parallel 2] [--without-name-search]
 *
 * --without-name-search drops the folded-name column and its trigram index after migrating, to measure what the
 * console's name search costs ingest. Uses DATABASE_URL when set (it must name an empty database), else an
 * embedded PostgreSQL in a temporary folder (removed afterwards).
 */
import pg from 'pg';
import { toApiBody } from '../src/matching/synthetic/api-body.js';
import { generateDataset } from '../src/matching/synthetic/generator.js';
import { ApiClient } from './lib/api-client.js';
import { numberOption, runBench, withBenchApp } from './lib/bench-app.js';

async function main(): Promise<void> {
  const withoutSearch = process.argv.includes('--without-name-search');
  const parallel = numberOption('parallel', 2);
  const data = generateDataset({ seed: 1, reports: numberOption('reports', 20_000), victims: numberOption('victims', 10_000) });
  const dropNameSearch = async (url: string) => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query(`DROP INDEX person_records_name_trgm; ALTER TABLE person_records DROP COLUMN search_name`);
    await client.end();
  };
  await withBenchApp({ embeddedPort: 54392, afterMigrations: withoutSearch ? dropNameSearch : undefined }, async ({ base, adminKey }) => {
    const api = new ApiClient(base);
    const key = await api.createKey(adminKey, 'Bench', 'MX', ['submitter']);
    const started = performance.now();
    let records = 0;
    let failed = 0;
    for (const [path, list] of [['/api/v1/missing-reports/batch', data.reports], ['/api/v1/suspected-victims/batch', data.victims]] as const) {
      const bodies = list.map((r) => ({ ...toApiBody(r), sourceRecordId: `B-${r.id}` }));
      records += bodies.length;
      failed += await api.ingest(path, key, bodies, parallel);
    }
    const seconds = (performance.now() - started) / 1000;
    console.log(JSON.stringify({ records, failed, inFlight: parallel, nameSearchIndex: !withoutSearch, seconds: +seconds.toFixed(1), recordsPerSecond: Math.round(records / seconds) }));
  });
}

runBench(main);
