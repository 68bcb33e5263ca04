import { DataSource } from 'typeorm';
import { AlertWriter } from '../../src/alerts/alert-writer.service.js';
import { MODEL_DEFAULT } from '../../src/matching/engine/index.js';
import { MatchSession } from '../../src/matching/pipeline/match-session.js';
import { MatchFeaturesRepository } from '../../src/matching/runs/match-features.repository.js';
import { MatchingRunsService } from '../../src/matching/runs/matching-runs.service.js';
import { matchingPair } from '../factories/matching.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/** Alerts by the two records' source ids (database ids differ between databases), without run ids or times. */
async function alertSnapshot(ds: DataSource) {
  return ds.query(`
    SELECT r.source_record_id AS report, v.source_record_id AS victim, a.status, round(a.match_weight::numeric, 9) AS weight,
           a.evidence_version, a.review_round, a.priority
    FROM alerts a JOIN person_records r ON r.id = a.missing_report_id JOIN person_records v ON v.id = a.suspected_victim_id
    ORDER BY 1, 2`);
}

async function seed(t: TestApp): Promise<void> {
  const gt = await t.key(['submitter'], 'Ministerio Público', 'GT');
  const mx = await t.key(['submitter'], 'Servicio Médico Forense', 'MX');
  const reports = [];
  const victims = [];
  for (let n = 0; n < 24; n++) {
    const { report, victim } = matchingPair(n);
    reports.push({ ...report, sourceRecordId: `R-${n}` });
    victims.push({ ...victim, sourceRecordId: `V-${n}` });
  }
  await t.http.post('/api/v1/missing-reports/batch').set('Authorization', `Bearer ${gt}`).send({ records: reports }).expect(200);
  await t.http.post('/api/v1/suspected-victims/batch').set('Authorization', `Bearer ${mx}`).send({ records: victims }).expect(200);
}

describe('crash safety: a run killed half-way and run again', () => {
  let clean: TestApp;
  let crashed: TestApp;

  beforeAll(async () => {
    [clean, crashed] = await Promise.all([startTestApp(), startTestApp()]);
    await seed(clean);
    await seed(crashed);
  });
  afterAll(async () => {
    await clean.close();
    await crashed.close();
  });

  it('ends with the same alerts as a clean run, no duplicates, and the dead run marked abandoned', async () => {
    const cleanRuns = clean.app.get(MatchingRunsService);
    await cleanRuns.request('full', 'api', null);
    await cleanRuns.idle();
    const expected = await alertSnapshot(clean.app.get(DataSource));
    expect(expected.length).toBeGreaterThanOrEqual(24);

    // The crashed process: its run row says 'running', and only the first part of its alerts reached the database.
    const ds = crashed.app.get(DataSource);
    const [{ id: deadRun }] = await ds.query(`INSERT INTO matching_runs (mode, trigger, model_version, status) VALUES ('full', 'api', $1, 'running') RETURNING id`, [MODEL_DEFAULT.version]);
    const session = new MatchSession();
    session.sync(await crashed.app.get(MatchFeaturesRepository).changedSince(null));
    const outcome = session.runAll({ mode: 'full', changedIds: [], known: [] });
    const half = outcome.pairs.slice(0, Math.floor(outcome.pairs.length / 2));
    await crashed.app.get(AlertWriter).apply(deadRun, half, outcome.threshold, MODEL_DEFAULT.version);
    expect((await alertSnapshot(ds)).length).toBeLessThan(expected.length);

    const runs = crashed.app.get(MatchingRunsService);
    const { run } = await runs.request('full', 'api', null);
    await runs.idle();
    expect((await runs.get(run.id)).status).toBe('succeeded');
    expect((await runs.get(deadRun)).status).toBe('abandoned');
    expect(await alertSnapshot(ds)).toEqual(expected);

    // And once more: still the same, nothing created or changed.
    const again = await runs.request('full', 'api', null);
    await runs.idle();
    expect(await runs.get(again.run.id)).toMatchObject({ status: 'succeeded', alertsCreated: 0, alertsUpdated: 0 });
    expect(await alertSnapshot(ds)).toEqual(expected);
  });
});
