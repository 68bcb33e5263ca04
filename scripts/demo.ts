/**
 * Fills a running service with generated records through its API and runs the matching, so that a newcomer sees
 * a filled alert queue within a minute.
 *
 *   npm start                         # in one terminal; note the admin key it prints on the first start
 *   npm run demo -- --key cbmp_…      # in another (or CBMP_ADMIN_KEY=cbmp_… npm run demo)
 *
 * Options: --url (default http://localhost:3000), --reports 3000, --victims 2000, --seed 7.
 * It also creates two investigator accounts for the review console (/console), one per country, and prints their
 * passwords once.
 * The records are synthetic (src/matching/synthetic): no real person is in them.
 */
import { randomBytes } from 'node:crypto';
import { toApiBody } from '../src/matching/synthetic/api-body.js';
import { generateDataset } from '../src/matching/synthetic/generator.js';
import { ApiClient } from './lib/api-client.js';

function option(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
}

async function main(): Promise<void> {
  const adminKey = option('key') ?? process.env.CBMP_ADMIN_KEY;
  if (!adminKey) throw new Error('give the admin key printed at the first start: npm run demo -- --key cbmp_…');
  const client = new ApiClient(option('url') ?? 'http://localhost:3000');
  const seed = Number(option('seed') ?? 7);
  const data = generateDataset({ seed, reports: Number(option('reports') ?? 3000), victims: Number(option('victims') ?? 2000) });
  await client.waitUntilUp();

  const started = performance.now();
  const keys = {
    GT: await client.createKey(adminKey, `Demo: Ministerio Público de Guatemala (semilla ${seed})`, 'GT', ['submitter']),
    MX: await client.createKey(adminKey, `Demo: Comisión de Búsqueda de México (semilla ${seed})`, 'MX', ['submitter']),
  };
  let failed = 0;
  for (const [path, records] of [['/api/v1/missing-reports/batch', data.reports], ['/api/v1/suspected-victims/batch', data.victims]] as const) {
    for (const country of ['GT', 'MX'] as const) {
      const bodies = records.filter((r) => (r.country === 'GT') === (country === 'GT')).map((r) => ({ ...toApiBody(r), sourceRecordId: `DEMO${seed}-${r.id}` }));
      failed += await client.ingest(path, keys[country], bodies);
    }
  }
  console.log(`submitted ${data.reports.length} missing-person reports and ${data.victims.length} suspected-victim records (${failed} refused)`);
  const run = await client.runMatching(adminKey, 'full');
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`matching run ${run.status}: ${run.pairsCompared} pairs compared, ${run.alerts.created} alerts raised (${seconds} s in all)`);
  console.log(`the queue: curl -H "Authorization: Bearer <admin key>" "${client.baseUrl}/api/v1/alerts?limit=10"`);
  console.log(`\nthe review console: ${client.baseUrl}/console — investigator accounts (passwords shown only now):`);
  for (const country of ['MX', 'GT'] as const) {
    const email = `investigacion.${country.toLowerCase()}.${seed}.${randomBytes(3).toString('hex')}@demo.example`;
    const password = randomBytes(12).toString('base64url');
    const organization = country === 'MX' ? `Demo: Fiscalía Especializada en Trata de Personas (semilla ${seed})` : `Demo: Fiscalía contra la Trata de Personas (semilla ${seed})`;
    const displayName = country === 'MX' ? 'Investigadora de demostración (MX)' : 'Investigador de demostración (GT)';
    await client.createAccount(adminKey, { email, password, displayName, organization, country, roles: ['investigator'] });
    console.log(`  ${country}: ${email}  ${password}`);
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
