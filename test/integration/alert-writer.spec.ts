import { DataSource } from 'typeorm';
import { CONSEQUENCES_LOCK } from '../../src/alerts/alert-consequences.js';
import { AlertWriter, REOPEN_MARGIN_BITS } from '../../src/alerts/alert-writer.service.js';
import type { AlertStatus } from '../../src/alerts/alert.entity.js';
import { MODEL_DEFAULT } from '../../src/matching/engine/index.js';
import type { ScoredPair } from '../../src/matching/pipeline/match-session.js';
import { missingReport, suspectedVictim } from '../factories/records.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/** Each rule of the alert lifecycle, from a stored state and a new score to the resulting state and event. */
describe('AlertWriter rules (real PostgreSQL)', () => {
  let t: TestApp;
  let ds: DataSource;
  let writer: AlertWriter;
  let reportId: string;
  let victimId: string;
  let runId: string;
  const threshold = MODEL_DEFAULT.thresholds.review;

  beforeAll(async () => {
    t = await startTestApp();
    ds = t.app.get(DataSource);
    writer = t.app.get(AlertWriter);
    const key = await t.key(['submitter']);
    reportId = (await t.http.post('/api/v1/missing-reports').set('Authorization', `Bearer ${key}`).send(missingReport())).body.id;
    victimId = (await t.http.post('/api/v1/suspected-victims').set('Authorization', `Bearer ${key}`).send(suspectedVictim())).body.id;
    [{ id: runId }] = await ds.query(`INSERT INTO matching_runs (mode, trigger, model_version, status) VALUES ('full', 'api', $1, 'succeeded') RETURNING id`, [MODEL_DEFAULT.version]);
  });
  afterAll(async () => t.close());

  const pair = (weight: number, probability: number): ScoredPair => ({
    reportId,
    victimId,
    reportVersion: 1,
    victimVersion: 1,
    weight,
    probability,
    rules: ['surname1_given'],
    evidence: { leftId: reportId, rightId: victimId, modelVersion: MODEL_DEFAULT.version, priorWeight: -13, matchWeight: weight, matchProbability: probability, excluded: false, exclusionReason: null, comparisons: [] },
    minor: false,
    foundDate: '2026-05-02',
    reportCountry: 'GT',
    victimCountry: 'MX',
  });
  const HIGH = 0.9;
  const LOW = threshold / 2;

  it.each<{ name: string; status: AlertStatus | null; stored: number; weight: number; probability: number; rejectedAt?: number; expected: AlertStatus | null; event: string | null; round: number }>([
    { name: 'new pair above the threshold is raised', status: null, stored: 0, weight: 10, probability: HIGH, expected: 'pending', event: 'raised', round: 1 },
    { name: 'new pair below the threshold is not raised', status: null, stored: 0, weight: -5, probability: LOW, expected: null, event: null, round: 0 },
    { name: 'pending, same score: nothing', status: 'pending', stored: 10, weight: 10, probability: HIGH, expected: 'pending', event: null, round: 1 },
    { name: 'pending, new score: rescored', status: 'pending', stored: 10, weight: 12, probability: HIGH, expected: 'pending', event: 'rescored', round: 1 },
    { name: 'pending, below the threshold: withdrawn', status: 'pending', stored: 10, weight: -5, probability: LOW, expected: 'withdrawn', event: 'withdrawn', round: 1 },
    { name: 'in review, below the threshold: rescored, left to the reviewer', status: 'in_review', stored: 10, weight: -5, probability: LOW, expected: 'in_review', event: 'rescored', round: 1 },
    { name: 'needs info, new score: rescored', status: 'needs_info', stored: 10, weight: 11, probability: HIGH, expected: 'needs_info', event: 'rescored', round: 1 },
    { name: 'withdrawn, back above the threshold: restored', status: 'withdrawn', stored: -5, weight: 10, probability: HIGH, expected: 'pending', event: 'restored', round: 1 },
    { name: 'withdrawn, still below: nothing', status: 'withdrawn', stored: -5, weight: -4, probability: LOW, expected: 'withdrawn', event: null, round: 1 },
    { name: 'rejected, rising less than the margin: stays rejected', status: 'rejected', stored: 10, rejectedAt: 10, weight: 10 + REOPEN_MARGIN_BITS - 0.01, probability: HIGH, expected: 'rejected', event: null, round: 1 },
    { name: 'rejected, rising by the margin: reopened as round 2', status: 'rejected', stored: 10, rejectedAt: 10, weight: 10 + REOPEN_MARGIN_BITS, probability: HIGH, expected: 'pending', event: 'reopened', round: 2 },
    { name: 'confirmed: never touched', status: 'confirmed', stored: 10, weight: -5, probability: LOW, expected: 'confirmed', event: null, round: 1 },
    { name: 'superseded: never touched, even far above', status: 'superseded', stored: 10, weight: 30, probability: HIGH, expected: 'superseded', event: null, round: 1 },
    { name: 'superseded: never touched below', status: 'superseded', stored: 10, weight: -5, probability: LOW, expected: 'superseded', event: null, round: 1 },
  ])('$name', async ({ status, stored, weight, probability, rejectedAt, expected, event, round }) => {
    await ds.query(`TRUNCATE alerts, alert_events, alert_decisions, alert_notes`); // a test reset: TRUNCATE does not fire the append-only row trigger
    if (status) {
      await writer.apply(runId, [pair(stored, HIGH)], threshold, MODEL_DEFAULT.version);
      await ds.query(`UPDATE alerts SET status = $1, rejected_weight = $2`, [status, rejectedAt ?? null]);
    }
    const [{ n: eventsBefore }] = await ds.query(`SELECT count(*)::int AS n FROM alert_events`);
    await writer.apply(runId, [pair(weight, probability)], threshold, MODEL_DEFAULT.version);
    const rows = await ds.query(`SELECT status, review_round, match_weight FROM alerts`);
    if (expected === null) {
      expect(rows).toEqual([]);
      return;
    }
    expect(rows).toEqual([{ status: expected, review_round: round, match_weight: event ? weight : stored }]);
    const events = await ds.query(`SELECT event FROM alert_events ORDER BY id OFFSET $1`, [eventsBefore]);
    expect(events.map((e: { event: string }) => e.event)).toEqual(event ? [event] : []);
  });

  describe('a record already part of a confirmed match', () => {
    let otherVictimId: string;
    let otherReportId: string;
    beforeAll(async () => {
      const key = await t.key(['submitter']);
      otherVictimId = (await t.http.post('/api/v1/suspected-victims').set('Authorization', `Bearer ${key}`).send(suspectedVictim())).body.id;
      otherReportId = (await t.http.post('/api/v1/missing-reports').set('Authorization', `Bearer ${key}`).send(missingReport())).body.id;
    });
    const with_ = (p: ScoredPair, over: Partial<ScoredPair>): ScoredPair => ({ ...p, ...over });

    it.each<{ name: string; prior: AlertStatus | null; expected: AlertStatus; event: string | null }>([
      { name: 'a new pair is raised already superseded', prior: null, expected: 'superseded', event: 'raised' },
      { name: 'a withdrawn pair back above the threshold is superseded, not restored', prior: 'withdrawn', expected: 'superseded', event: 'superseded' },
      { name: 'a rejected pair rising by the margin stays rejected', prior: 'rejected', expected: 'rejected', event: null },
    ])('$name', async ({ prior, expected, event }) => {
      await ds.query(`TRUNCATE alerts, alert_events, alert_decisions, alert_notes`);
      // (report, victim) is confirmed; the pair under test is (report, other victim).
      await writer.apply(runId, [pair(10, HIGH)], threshold, MODEL_DEFAULT.version);
      const [[{ id: confirmedId }]] = await ds.query(`UPDATE alerts SET status = 'confirmed' RETURNING id`); // UPDATE answers [rows, count]
      const candidate = with_(pair(10, HIGH), { victimId: otherVictimId });
      if (prior) {
        await ds.query(`INSERT INTO alerts (missing_report_id, suspected_victim_id, report_country, victim_country, cross_border, match_weight, probability, priority, evidence, report_version, victim_version, model_version, status, rejected_weight)
          VALUES ($1, $2, 'GT', 'MX', true, 5, 0.5, 50, '{}', 1, 1, $3, $4, 5)`, [reportId, otherVictimId, MODEL_DEFAULT.version, prior]);
      }
      await writer.apply(runId, [with_(candidate, { weight: 10 + REOPEN_MARGIN_BITS })], threshold, MODEL_DEFAULT.version);
      const [row] = await ds.query(`SELECT id, status, superseded_by_alert_id FROM alerts WHERE suspected_victim_id = $1`, [otherVictimId]);
      expect(row.status).toBe(expected);
      expect(row.superseded_by_alert_id).toBe(expected === 'superseded' ? confirmedId : null);
      const events = await ds.query(`SELECT event, to_status FROM alert_events WHERE alert_id = $1`, [row.id]);
      expect(events.map((e: { event: string }) => e.event)).toEqual(event ? [event] : []);
    });

    it('a pair whose records are both unmatched is raised pending as usual', async () => {
      await ds.query(`TRUNCATE alerts, alert_events, alert_decisions, alert_notes`);
      await writer.apply(runId, [pair(10, HIGH)], threshold, MODEL_DEFAULT.version);
      await ds.query(`UPDATE alerts SET status = 'confirmed'`);
      await writer.apply(runId, [with_(pair(10, HIGH), { reportId: otherReportId, victimId: otherVictimId })], threshold, MODEL_DEFAULT.version);
      expect(await ds.query(`SELECT status FROM alerts WHERE missing_report_id = $1`, [otherReportId])).toEqual([{ status: 'pending' }]);
    });
  });

  it('a run writing while a confirmation commits waits for it, and supersedes the pair instead of raising it', async () => {
    await ds.query(`TRUNCATE alerts, alert_events, alert_decisions, alert_notes`);
    const key = await t.key(['submitter']);
    const otherVictim = (await t.http.post('/api/v1/suspected-victims').set('Authorization', `Bearer ${key}`).send(suspectedVictim())).body.id;
    await writer.apply(runId, [pair(10, HIGH)], threshold, MODEL_DEFAULT.version);
    const runner = ds.createQueryRunner();
    await runner.connect();
    try {
      // A confirmation in progress, as AlertReviewService.decide does it: the lock, then the status.
      await runner.startTransaction();
      await runner.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [CONSEQUENCES_LOCK]);
      await runner.query(`UPDATE alerts SET status = 'confirmed' WHERE missing_report_id = $1`, [reportId]);
      let written = false;
      const writing = writer.apply(runId, [{ ...pair(10, HIGH), victimId: otherVictim }], threshold, MODEL_DEFAULT.version).then(() => (written = true));
      await new Promise((done) => setTimeout(done, 300));
      expect(written).toBe(false); // the run waits for the confirmation
      await runner.commitTransaction();
      await writing;
    } finally {
      await runner.release();
    }
    expect(await ds.query(`SELECT status FROM alerts WHERE suspected_victim_id = $1`, [otherVictim])).toEqual([{ status: 'superseded' }]);
  });
});
