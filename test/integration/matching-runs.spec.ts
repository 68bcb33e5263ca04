import { DataSource } from 'typeorm';
import { AlertWriter } from '../../src/alerts/alert-writer.service.js';
import { MatchFeaturesRepository } from '../../src/matching/runs/match-features.repository.js';
import { MatchingRunsService } from '../../src/matching/runs/matching-runs.service.js';
import { MatchingScheduler } from '../../src/matching/runs/matching-scheduler.js';
import { matchingPair } from '../factories/matching.js';
import { suspectedVictim } from '../factories/records.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

interface AlertRow {
  report: string;
  victim: string;
  status: string;
  weight: number;
  evidence_version: number;
  review_round: number;
}

describe('matching runs and alerts (real PostgreSQL)', () => {
  let t: TestApp;
  let submitter: string;
  let gtSubmitter: string;
  let runs: MatchingRunsService;
  let ds: DataSource;

  beforeAll(async () => {
    t = await startTestApp();
    submitter = await t.key(['submitter'], 'Servicio Médico Forense de Chiapas', 'MX');
    gtSubmitter = await t.key(['submitter'], 'Ministerio Público de Guatemala', 'GT');
    runs = t.app.get(MatchingRunsService);
    ds = t.app.get(DataSource);
  });
  afterAll(async () => t.close());

  const submit = async (path: 'missing-reports' | 'suspected-victims', body: Record<string, unknown>) => {
    // Reports come from Guatemala, victim records from Mexico: the alerts cross the border.
    const key = path === 'missing-reports' ? gtSubmitter : submitter;
    const res = await t.http.post(`/api/v1/${path}`).set('Authorization', `Bearer ${key}`).send(body);
    if (res.status >= 300) throw new Error(`${res.status} ${JSON.stringify(res.body)}`);
    return res.body.id as string;
  };
  const run = async (mode: 'full' | 'incremental') => {
    const { run: started } = await runs.request(mode, 'api', null);
    await runs.idle();
    return runs.get(started.id);
  };
  const alerts = async (): Promise<AlertRow[]> =>
    ds.query(
      `SELECT missing_report_id AS report, suspected_victim_id AS victim, status, match_weight AS weight, evidence_version, review_round
       FROM alerts ORDER BY missing_report_id, suspected_victim_id`,
    );

  const pairs: { report: string; victim: string }[] = [];

  it('a full run raises one alert per plausible pair, with the evidence and the rules that found it', async () => {
    for (let n = 0; n < 4; n++) {
      const { report, victim } = matchingPair(n);
      pairs.push({ report: await submit('missing-reports', report), victim: await submit('suspected-victims', victim) });
    }
    const done = await run('full');
    expect(done.error).toBeNull();
    expect(done).toMatchObject({ status: 'succeeded', mode: 'full', reportsConsidered: 4, victimsConsidered: 4 });
    expect(done.alertsCreated).toBeGreaterThanOrEqual(4);
    expect(Object.values(done.pairsByRule).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
    const rows = await alerts();
    for (const pair of pairs) {
      const row = rows.find((r) => r.report === pair.report && r.victim === pair.victim);
      expect(row).toMatchObject({ status: 'pending', evidence_version: 1 });
    }
    const [detail] = await ds.query(`SELECT evidence, cross_border, minor, priority FROM alerts WHERE missing_report_id = $1 AND suspected_victim_id = $2`, [pairs[0].report, pairs[0].victim]);
    expect(detail.cross_border).toBe(true);
    expect(detail.evidence.comparisons.length).toBeGreaterThan(5);
    expect(detail.evidence.rules.length).toBeGreaterThan(0);
  });

  it('running again changes nothing and creates no duplicates', async () => {
    const before = await alerts();
    const again = await run('full');
    expect(again).toMatchObject({ status: 'succeeded', alertsCreated: 0, alertsUpdated: 0, alertsWithdrawn: 0 });
    expect(await alerts()).toEqual(before);
  });

  it('an incremental run considers only what changed since the last success, and the watermark advances', async () => {
    const previous = (await runs.list(1))[0];
    const idle = await run('incremental');
    expect(idle).toMatchObject({ status: 'succeeded', recordsConsidered: 0, alertsCreated: 0 });
    expect(idle.watermarkFrom!.getTime()).toBe(previous.watermarkTo!.getTime());

    const { victim } = matchingPair(5);
    const { report } = matchingPair(5);
    const newReport = await submit('missing-reports', report);
    const newVictim = await submit('suspected-victims', victim);
    const incremental = await run('incremental');
    expect(incremental.status).toBe('succeeded');
    expect(incremental.recordsConsidered).toBeGreaterThanOrEqual(2);
    expect((await alerts()).some((a) => a.report === newReport && a.victim === newVictim)).toBe(true);
    pairs.push({ report: newReport, victim: newVictim });
  });

  it('an updated record rescores its alert, keeping the history', async () => {
    const { victim } = matchingPair(1);
    await submit('suspected-victims', { ...victim, ...(await sourceOf(pairs[1].victim)), heightCm: 190 });
    const rescored = await run('incremental');
    expect(rescored.alertsUpdated).toBeGreaterThanOrEqual(1);
    const row = (await alerts()).find((a) => a.report === pairs[1].report && a.victim === pairs[1].victim)!;
    expect(row.evidence_version).toBe(2);
    const events = await ds.query(`SELECT event FROM alert_events e JOIN alerts a ON a.id = e.alert_id WHERE a.suspected_victim_id = $1 AND a.missing_report_id = $2 ORDER BY e.id`, [pairs[1].victim, pairs[1].report]);
    expect(events.map((e: { event: string }) => e.event)).toEqual(['raised', 'rescored']);
  });

  it('a pending alert whose pair no longer matches is withdrawn with a reason, not deleted', async () => {
    const { victim } = matchingPair(2);
    const other = victim.sex === 'female' ? 'male' : 'female';
    await submit('suspected-victims', { ...victim, ...(await sourceOf(pairs[2].victim)), sex: other });
    const done = await run('incremental');
    expect(done.alertsWithdrawn).toBeGreaterThanOrEqual(1);
    const [row] = await ds.query(`SELECT status, status_reason FROM alerts WHERE missing_report_id = $1 AND suspected_victim_id = $2`, [pairs[2].report, pairs[2].victim]);
    expect(row.status).toBe('withdrawn');
    expect(row.status_reason).toMatch(/below the review threshold/);
  });

  it('a rejected pair stays rejected through a full rerun, and returns only when its weight rises by the margin', async () => {
    const pair = pairs[3];
    const [alert] = await ds.query(`SELECT id, match_weight FROM alerts WHERE missing_report_id = $1 AND suspected_victim_id = $2`, [pair.report, pair.victim]);
    // A reviewer's rejection (the review workflow itself is issue 5), recorded as it will be: status and weight.
    await ds.query(`UPDATE alerts SET status = 'rejected', rejected_weight = match_weight - 1 WHERE id = $1`, [alert.id]);
    const full = await run('full');
    expect(full.alertsReopened).toBe(0);
    expect((await ds.query(`SELECT status FROM alerts WHERE id = $1`, [alert.id]))[0].status).toBe('rejected');

    // Now the rejection happened at a much lower weight: the record change "raised" it by more than the margin.
    await ds.query(`UPDATE alerts SET rejected_weight = match_weight - 10 WHERE id = $1`, [alert.id]);
    const { victim } = matchingPair(3);
    await submit('suspected-victims', { ...victim, ...(await sourceOf(pair.victim)), heightCm: (victim.heightCm as number) + 1 });
    const reopened = await run('incremental');
    expect(reopened.alertsReopened).toBe(1);
    const [row] = await ds.query(`SELECT status, review_round FROM alerts WHERE id = $1`, [alert.id]);
    expect(row).toEqual({ status: 'pending', review_round: 2 });
  });

  it('a failed run leaves the watermark where it was', async () => {
    const before = (await runs.list(1))[0];
    const writer = t.app.get(AlertWriter);
    const original = writer.knownAlerts.bind(writer);
    writer.knownAlerts = async () => {
      throw new Error('simulated failure while reading alerts');
    };
    try {
      await submit('suspected-victims', suspectedVictim());
      const failed = await run('incremental');
      expect(failed.status).toBe('failed');
      expect(failed.error).toMatch(/simulated failure/);
    } finally {
      writer.knownAlerts = original;
    }
    const next = await run('incremental');
    expect(next.status).toBe('succeeded');
    expect(next.watermarkFrom!.getTime()).toBe(before.watermarkTo!.getTime());
    expect(next.recordsConsidered).toBeGreaterThanOrEqual(1);
  });

  it('reads the records for the engine a page at a time, each exactly once', async () => {
    const repo = t.app.get(MatchFeaturesRepository);
    const seen: string[] = [];
    const sizes: number[] = [];
    for await (const page of repo.changedSincePages(null, 3)) {
      sizes.push(page.length);
      seen.push(...page.map((r) => r.id));
    }
    const [{ n }] = await ds.query(`SELECT count(*)::int AS n FROM person_records`);
    expect(seen).toHaveLength(n);
    expect(new Set(seen).size).toBe(n);
    expect(Math.max(...sizes)).toBe(3);
    const recent: string[] = [];
    for await (const page of repo.changedSincePages(new Date(Date.now() + 60_000), 3)) recent.push(...page.map((r) => r.id));
    expect(recent).toEqual([]);
  });

  async function sourceOf(id: string): Promise<{ sourceRecordId: string }> {
    const [row] = await ds.query(`SELECT source_record_id FROM person_records WHERE id = $1`, [id]);
    return { sourceRecordId: row.source_record_id };
  }
});

describe('several instances on one database', () => {
  let db: TestDatabase;
  let a: TestApp;
  let b: TestApp;

  beforeAll(async () => {
    db = await createTestDatabase();
    a = await startTestApp({ db });
    b = await startTestApp({ db });
    const key = await a.key(['submitter']);
    for (let n = 0; n < 3; n++) {
      const { report, victim } = matchingPair(n);
      await a.http.post('/api/v1/missing-reports').set('Authorization', `Bearer ${key}`).send(report);
      await a.http.post('/api/v1/suspected-victims').set('Authorization', `Bearer ${key}`).send(victim);
    }
  });
  afterAll(async () => {
    await a.close();
    await b.close();
    await db.drop();
  });

  it('run each scheduled run once when their schedules fire together', async () => {
    const tick = new Date('2026-11-28T10:05:00.250Z');
    await Promise.all([a.app.get(MatchingScheduler).tick(tick), b.app.get(MatchingScheduler).tick(new Date(tick.getTime() + 300))]);
    await Promise.all([a.app.get(MatchingRunsService).idle(), b.app.get(MatchingRunsService).idle()]);
    // The slower instance may fire after the first finished: the slot still runs once.
    await b.app.get(MatchingScheduler).tick(new Date(tick.getTime() + 900));
    await b.app.get(MatchingRunsService).idle();
    const rows = await a.app.get(DataSource).query(`SELECT status FROM matching_runs WHERE schedule_slot = $1`, ['2026-11-28T10:05:00Z']);
    expect(rows).toEqual([{ status: 'succeeded' }]);
  });

  it('a run asked for while another is going returns the running one', async () => {
    const admin = a.adminKey;
    const [first, second] = await Promise.all([
      a.http.post('/api/v1/matching/runs').set('Authorization', `Bearer ${admin}`).send({ mode: 'full' }),
      b.http.post('/api/v1/matching/runs').set('Authorization', `Bearer ${admin}`).send({ mode: 'full' }),
    ]);
    expect([first.status, second.status]).toEqual([202, 202]);
    const started = [first.body, second.body].filter((r) => !r.alreadyRunning);
    const joined = [first.body, second.body].filter((r) => r.alreadyRunning);
    await Promise.all([a.app.get(MatchingRunsService).idle(), b.app.get(MatchingRunsService).idle()]);
    if (joined.length === 1) {
      expect(started).toHaveLength(1);
      expect(joined[0].run.id).toBe(started[0].run.id);
    } else {
      // The first finished before the second asked: then both ran, one after the other, never together.
      const rows = await a.app.get(DataSource).query(`SELECT started_at, finished_at FROM matching_runs WHERE trigger = 'api' ORDER BY started_at`);
      expect(rows).toHaveLength(2);
      expect(new Date(rows[0].finished_at).getTime()).toBeLessThanOrEqual(new Date(rows[1].started_at).getTime());
    }
  });
});
