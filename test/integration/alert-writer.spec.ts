import { DataSource } from 'typeorm';
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
  ])('$name', async ({ status, stored, weight, probability, rejectedAt, expected, event, round }) => {
    await ds.query(`TRUNCATE alerts, alert_events`); // a test reset: TRUNCATE does not fire the append-only row trigger
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
});
