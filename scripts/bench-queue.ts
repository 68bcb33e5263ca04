/**
 * Benchmark: the review console's requests against a queue of 100,000 alerts, signed in with a session cookie as
 * the console is. Fills the database directly with SQL (records and alerts need not be realistic to measure the
 * queries: what matters is the row counts and the spread of statuses, countries, priorities), then measures each
 * request with autocannon (2 connections, a few seconds each) and prints p50/p99 per request.
 *
 *   npm run bench:queue -- --alerts 100000
 *
 * Uses DATABASE_URL when set, else an embedded PostgreSQL in a temporary folder (removed afterwards).
 */
import autocannon from 'autocannon';
import pg from 'pg';
import { numberOption, runBench, withBenchApp } from './lib/bench-app.js';

const ALERTS = numberOption('alerts', 100_000);
const RECORDS = numberOption('records', 40_000);
const SECONDS = numberOption('seconds', 4);

/** Fills the database; answers how many alerts it holds (pairs that came out twice were skipped). */
async function fill(url: string, keyId: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const [{ org }] = (await client.query(`SELECT organization_id AS org FROM api_keys WHERE id = $1`, [keyId])).rows;
    // Half reports, half victims; a third Guatemalan; surnames from a small list so that the name search has
    // realistic block sizes.
    await client.query(
      `INSERT INTO person_records (kind, organization_id, country, source_record_id, version, content_hash, given_names, first_surname,
                                   second_surname, name_source, sex, condition)
       SELECT CASE WHEN i % 2 = 0 THEN 'missing_report' ELSE 'suspected_victim' END, $1, CASE WHEN i % 3 = 0 THEN 'GT' ELSE 'MX' END,
              'BENCH-' || i, 1, md5(i::text),
              (ARRAY['María José','José Luis','Ixchel','Juan','Rosa','Pedro','Guadalupe','Ana'])[1 + i % 8],
              (ARRAY['Hernández','Peña','Coc','Caal','Pérez','López','Tzoc','Xicay','Quej','García','Martínez','Ramírez'])[1 + (i / 7) % 12],
              (ARRAY['Hernández','Ajú','Chávez','Tun','Cux','Sánchez'])[1 + (i / 3) % 6],
              'parts', CASE WHEN i % 2 = 0 THEN 'female' ELSE 'male' END, CASE WHEN i % 2 = 1 THEN 'alive' END
       FROM generate_series(1, $2::int) AS i`,
      [org, RECORDS],
    );
    await client.query(`INSERT INTO matching_runs (mode, trigger, model_version, status) VALUES ('full', 'api', 'bench', 'succeeded')`);
    await client.query(
      `WITH r AS (SELECT id, country, row_number() OVER (ORDER BY id) AS n FROM person_records WHERE kind = 'missing_report'),
            v AS (SELECT id, country, row_number() OVER (ORDER BY id) AS n FROM person_records WHERE kind = 'suspected_victim'),
            nr AS (SELECT count(*) AS c FROM r), pairs AS (
              SELECT DISTINCT ON (ri, vi) ri, vi, i FROM (
                -- i = a·n + b gives the report b and the victim (7a + 3b) mod n: distinct pairs while i < 7n.
                SELECT i, 1 + i % (SELECT c FROM nr) AS ri, 1 + (7 * (i / (SELECT c FROM nr)) + 3 * i) % (SELECT c FROM nr) AS vi
                FROM generate_series(1::bigint, $1::bigint) AS i) x)
       INSERT INTO alerts (missing_report_id, suspected_victim_id, report_country, victim_country, cross_border, minor, match_weight,
                           probability, priority, evidence, report_version, victim_version, model_version, status, created_at)
       SELECT r.id, v.id, r.country, v.country, r.country <> v.country, p.i % 11 = 0, 5 + (p.i % 200) / 10.0,
              0.5 + (p.i % 50) / 100.0, (p.i * 37 % 1000) / 10.0, '{"comparisons":[]}', 1, 1, 'bench',
              (ARRAY['pending','pending','pending','pending','in_review','rejected','confirmed','needs_info','withdrawn'])[1 + p.i % 9],
              now() - make_interval(mins => p.i::int)
       FROM pairs p JOIN r ON r.n = p.ri JOIN v ON v.n = p.vi
       ON CONFLICT DO NOTHING`,
      [ALERTS],
    );
    await client.query('ANALYZE');
    return (await client.query(`SELECT count(*)::int AS count FROM alerts`)).rows[0].count as number;
  } finally {
    await client.end();
  }
}

async function measure(url: string, headers: Record<string, string>): Promise<{ p50: number; p99: number; requests: number; non2xx: number }> {
  const result = await autocannon({ url, connections: 2, duration: SECONDS, headers });
  return { p50: result.latency.p50, p99: result.latency.p99, requests: result.requests.total, non2xx: result.non2xx };
}

async function main(): Promise<void> {
  await withBenchApp({ embeddedPort: 54391, env: { SESSION_COOKIE_SECURE: 'false' } }, async ({ url, base, adminKey }) => {
    const json = { 'Content-Type': 'application/json' };
    const account = { email: 'bench@example.org', password: 'contraseña de prueba', displayName: 'Bench', organization: 'Bench MX', country: 'MX', roles: ['investigator'] };
    const created = await fetch(`${base}/api/v1/accounts`, { method: 'POST', headers: { ...json, Authorization: `Bearer ${adminKey}` }, body: JSON.stringify(account) });
    const { keyId } = (await created.json()) as { keyId: string };
    const t0 = performance.now();
    const count = await fill(url, keyId);
    const fillSeconds = (performance.now() - t0) / 1000;
    const signIn = await fetch(`${base}/api/v1/session`, { method: 'POST', headers: json, body: JSON.stringify({ email: account.email, password: account.password }) });
    const cookie = signIn.headers.getSetCookie()[0].split(';')[0];
    const headers = { Cookie: cookie };
    // A cursor deep in the queue: follow 40 pages of 50.
    let cursor: string | null = null;
    for (let page = 0; page < 40; page++) {
      const body = (await (await fetch(`${base}/api/v1/alerts?limit=50${cursor ? `&cursor=${cursor}` : ''}`, { headers })).json()) as { nextCursor: string | null };
      cursor = body.nextCursor;
    }
    const requests: [string, string][] = [
      ['queue, first page (default sort -priority)', '/api/v1/alerts?limit=50'],
      ['queue, page 41 (cursor)', `/api/v1/alerts?limit=50&cursor=${cursor}`],
      ['queue, status=pending', '/api/v1/alerts?limit=50&status=pending'],
      ['queue, country=GT, crossBorder, minor', '/api/v1/alerts?limit=50&country=GT&crossBorder=true&minor=true'],
      ['queue, minProbability=0.9, sort -weight', '/api/v1/alerts?limit=50&minProbability=0.9&sort=-weight'],
      ['queue, assignedTo=me', '/api/v1/alerts?limit=50&assignedTo=me'],
      ['counts per status (summary)', '/api/v1/alerts/summary'],
      ['name search "Ernandes"', '/api/v1/records/search?q=Ernandes'],
      ['name search "maria jose quej"', `/api/v1/records/search?q=${encodeURIComponent('maria jose quej')}`],
    ];
    const rows: Record<string, unknown>[] = [];
    for (const [label, path] of requests) rows.push({ request: label, ...(await measure(`${base}${path}`, headers)) });
    console.log(JSON.stringify({ alerts: count, records: RECORDS, fillSeconds: +fillSeconds.toFixed(1), connections: 2, secondsEach: SECONDS, results: rows }, null, 2));
  });
}

runBench(main);
