/**
 * Benchmark: import a generated CSV of N missing-person rows through the real HTTP endpoint, streamed,
 * and report rows per second and the process's peak resident memory.
 *
 *   npm run bench:import -- --rows 50000
 *
 * Uses DATABASE_URL when set, else an embedded PostgreSQL in a temporary folder (removed afterwards).
 */
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { createApp } from '../src/app.factory.js';
import { ApiKeysService } from '../src/auth/api-keys.service.js';
import { loadConfig } from '../src/config/app-config.js';
import { startEmbeddedPostgres } from '../src/database/embedded-postgres.js';
import { runMigrations } from '../src/database/migrate.js';

const rowsArg = process.argv.indexOf('--rows');
const ROWS = rowsArg > 0 ? Number(process.argv[rowsArg + 1]) : 50_000;
const GIVEN = ['María José', 'José Luis', 'Ixchel', 'Begoña', 'Juan Carlos', 'Rosa', 'Pedro'];
const SURNAMES = ['Hernández', 'Peña', 'Coc', 'Caal', "B'alam", 'Pérez', 'López', 'Tzoc', 'Xicay'];
const HEADER =
  'sourceRecordId,givenNames,firstSurname,secondSurname,sex,languages,heightCm,dateOfBirth,lastSeenDate,lastSeenPlace.country,lastSeenPlace.admin1Code,mark1.type,mark1.bodyRegion,mark1.side,mark1.description,document1.type,document1.number\n';

function* csvLines(): Generator<string> {
  yield HEADER;
  for (let i = 0; i < ROWS; i++) {
    const g = GIVEN[i % GIVEN.length];
    const s1 = SURNAMES[i % SURNAMES.length];
    const s2 = SURNAMES[(i * 7) % SURNAMES.length];
    yield `BENCH-${i},${g},${s1},${s2},${i % 2 ? 'male' : 'female'},Español|K'iche',${140 + (i % 50)},${1960 + (i % 50)},2026-0${1 + (i % 9)}-1${i % 10},GT,${String(1 + (i % 22)).padStart(2, '0')},tattoo,forearm,left,"rosa con el nombre ""Lupita"" ${i}",DPI,1587564440904\n`;
  }
}

async function main(): Promise<void> {
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100);
  const dir = mkdtempSync(join(tmpdir(), 'cbmp-bench-'));
  chmodSync(dir, 0o755);
  const embedded = process.env.DATABASE_URL ? null : await startEmbeddedPostgres(dir, 54390, { persistent: false });
  const url = process.env.DATABASE_URL ?? embedded!.url;
  try {
    await runMigrations(url);
    const config = loadConfig({ LOG_LEVEL: 'silent' });
    const app = await createApp(config, url, { logs: false });
    await app.listen(0, '127.0.0.1');
    const port = (app.getHttpServer().address() as { port: number }).port;
    const key = (await app.get(ApiKeysService).bootstrap(undefined, 'MX'))!;
    const boundary = 'benchboundary';
    const body = Readable.from(
      (function* () {
        yield `--${boundary}\r\nContent-Disposition: form-data; name="kind"\r\n\r\nmissing_report\r\n`;
        yield `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="bench.csv"\r\nContent-Type: text/csv\r\n\r\n`;
        yield* csvLines();
        yield `\r\n--${boundary}--\r\n`;
      })(),
    );
    const started = process.hrtime.bigint();
    const answer = await new Promise<{ status: number; summary: unknown }>((resolve, reject) => {
      const req = request(
        { host: '127.0.0.1', port, path: '/api/v1/imports', method: 'POST', headers: { Authorization: `Bearer ${key}`, 'Content-Type': `multipart/form-data; boundary=${boundary}` } },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, summary: JSON.parse(Buffer.concat(chunks).toString()).summary }));
        },
      );
      req.on('error', reject);
      body.pipe(req);
    });
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    clearInterval(sampler);
    console.log(JSON.stringify({ rows: ROWS, status: answer.status, summary: answer.summary, seconds: +seconds.toFixed(1), rowsPerSecond: Math.round(ROWS / seconds), peakRssMiB: Math.round(peakRss / 2 ** 20) }));
    await app.close();
  } finally {
    clearInterval(sampler);
    if (embedded) await embedded.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
