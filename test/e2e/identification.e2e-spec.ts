import { DataSource } from 'typeorm';
import { DeliveryWorker } from '../../src/outbox/delivery-worker.js';
import { OutboxService } from '../../src/outbox/outbox.service.js';
import { missingReport, suspectedVictim } from '../factories/records.js';
import { alertRaiser } from '../support/alerts.js';
import { IdentificationReceiver, signedHeaders } from '../support/identification-receiver.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const SECRET = 'snih-shared-secret-0123456789abcdef-0123';
const SYSTEM = 'snih';
const later = (hours: number) => new Date(Date.now() + hours * 3_600_000);

/**
 * Forensic comparison requests through the transactional outbox to a real HTTP receiver on loopback, and signed
 * identification results back, on a real PostgreSQL.
 */
describe('link to the human identification system', () => {
  let t: TestApp;
  let ds: DataSource;
  let outbox: OutboxService;
  let receiver: IdentificationReceiver;
  let raise: Awaited<ReturnType<typeof alertRaiser>>;
  let submitterGt: string;
  let submitterMx: string;
  let investigator: string;
  let investigatorId: string;

  const as = (key: string) => ({
    get: (path: string) => t.http.get(path).set('Authorization', `Bearer ${key}`),
    post: (path: string, body: object = {}) => t.http.post(path).set('Authorization', `Bearer ${key}`).send(body),
  });
  const submit = async (key: string, kind: 'missing-reports' | 'suspected-victims', body: object) => {
    const res = await as(key).post(`/api/v1/${kind}`, body);
    expect(res.status).toBe(201);
    return res.body.id as string;
  };
  /** A fresh GT report and MX victim with an alert between them. */
  const pair = async (victim: Record<string, unknown> = {}) => {
    const reportId = await submit(submitterGt, 'missing-reports', missingReport());
    const victimId = await submit(submitterMx, 'suspected-victims', suspectedVictim(victim));
    const alertId = await raise(reportId, victimId);
    return { reportId, victimId, alertId };
  };
  const confirm = async (alertId: string, reason = 'Tatuaje y ficha dental coinciden') => {
    expect((await as(investigator).post(`/api/v1/alerts/${alertId}/claim`)).status).toBe(200);
    const read = await as(investigator).get(`/api/v1/alerts/${alertId}`);
    const res = await as(investigator).post(`/api/v1/alerts/${alertId}/decision`, { decision: 'confirmed', reason, evidenceVersion: read.body.evidenceVersion });
    expect(res.status).toBe(200);
    return res.body as { forensicRequests: string[]; superseded: string[] };
  };
  const postResult = (body: object, options: { at?: Date; secret?: string; system?: string; raw?: string } = {}) => {
    const raw = options.raw ?? JSON.stringify(body);
    return t.http.post('/api/v1/identification/results').set(signedHeaders(options.system ?? SYSTEM, options.secret ?? SECRET, raw, options.at)).send(raw);
  };
  const alertRow = async (id: string) => (await ds.query(`SELECT status, forensic_result, last_decision FROM alerts WHERE id = $1`, [id]))[0];
  const arrivalsOf = (key: string) => receiver.arrivals.filter((a) => a.idempotencyKey === key);

  beforeAll(async () => {
    receiver = await new IdentificationReceiver(SECRET).start();
    t = await startTestApp({ env: { IDENTIFICATION_SYSTEMS: JSON.stringify([{ id: SYSTEM, url: receiver.url, secret: SECRET }]), DELIVERY_INTERVAL_MS: '0', DELIVERY_MAX_ATTEMPTS: '3' } });
    ds = t.app.get(DataSource);
    outbox = t.app.get(OutboxService);
    submitterGt = await t.key(['submitter'], 'Procuraduría General de la Nación', 'GT');
    submitterMx = await t.key(['submitter'], 'Fiscalía General del Estado de Chiapas', 'MX');
    ({ key: investigator, id: investigatorId } = await t.keyWithId(['investigator'], 'Fiscalía contra la Trata (GT)', 'GT'));
    raise = await alertRaiser(t);
  });
  afterAll(async () => {
    await t.close();
    await receiver.stop();
  });

  describe('forensic comparison requests', () => {
    it('a confirmation writes a signed request that the worker delivers once, after the decision commits', async () => {
      const { reportId, victimId, alertId } = await pair();
      const decided = await confirm(alertId);
      expect(decided.forensicRequests).toHaveLength(1);
      const [requestId] = decided.forensicRequests;
      // Written with the decision, not sent inline.
      expect(arrivalsOf(requestId)).toHaveLength(0);
      const before = await as(investigator).get(`/api/v1/alerts/${alertId}/forensic-requests`);
      expect(before.body.items).toEqual([expect.objectContaining({ requestId, system: SYSTEM, trigger: 'confirmation', status: 'pending', attempts: 0 })]);

      expect(await outbox.deliverDue()).toMatchObject({ delivered: expect.any(Number), failed: 0 });
      const [arrival] = arrivalsOf(requestId);
      expect(arrivalsOf(requestId)).toHaveLength(1);
      expect(arrival.signatureValid).toBe(true);
      expect(arrival.event).toBe('forensic.request');
      expect(arrival.body).toMatchObject({
        requestId,
        alertId,
        trigger: 'confirmation',
        identificationCaseId: 'SNIH-2026-000451',
        reason: 'Tatuaje y ficha dental coinciden',
        requestedBy: { keyId: investigatorId, country: 'GT' },
        missingReport: { id: reportId, givenNames: 'María José', firstSurname: 'Peña', familyReferenceSamples: null, fingerprintRecordIds: [] },
        suspectedVictim: { id: victimId, condition: 'alive', identificationCaseId: 'SNIH-2026-000451', dnaSampleTaken: null },
      });

      const after = await as(investigator).get(`/api/v1/alerts/${alertId}/forensic-requests`);
      expect(after.body.items).toEqual([expect.objectContaining({ requestId, status: 'delivered', attempts: 1, lastError: null })]);
      // Delivered messages are never sent again.
      await outbox.deliverDue({ now: later(48) });
      expect(arrivalsOf(requestId)).toHaveLength(1);
      // Both records were sent: audited, ids only.
      const sent = await ds.query(`SELECT entity_id FROM audit_log WHERE action = 'record.sent' AND details->>'requestId' = $1 ORDER BY entity_id`, [requestId]);
      expect(sent.map((r: { entity_id: string }) => r.entity_id).sort()).toEqual([reportId, victimId].sort());
    });

    it('the scheduled worker\'s tick only asks the service to deliver', async () => {
      const { alertId } = await pair();
      const asked = await as(investigator).post(`/api/v1/alerts/${alertId}/forensic-request`, { reason: 'Confronta' });
      const [{ requestId }] = asked.body.items as { requestId: string }[];
      await t.app.get(DeliveryWorker).tick();
      expect(arrivalsOf(requestId)).toHaveLength(1);
    });

    it('with the receiver down for a while, the request arrives after it returns, once per idempotency key', async () => {
      const { alertId } = await pair();
      await receiver.stop();
      const asked = await as(investigator).post(`/api/v1/alerts/${alertId}/forensic-request`, { reason: 'Solicitud de confronta genética' });
      expect(asked.status).toBe(201);
      const [{ requestId }] = asked.body.items as { requestId: string }[];

      expect(await outbox.deliverDue()).toEqual({ delivered: 0, retrying: 1, failed: 0 });
      const waiting = (await as(investigator).get(`/api/v1/alerts/${alertId}/forensic-requests`)).body.items[0];
      expect(waiting).toMatchObject({ status: 'pending', attempts: 1, lastError: 'network: ECONNREFUSED' });
      expect(Date.parse(waiting.nextAttemptAt)).toBeGreaterThan(Date.now());
      // Not due yet: nothing happens before the backoff.
      expect(await outbox.deliverDue()).toEqual({ delivered: 0, retrying: 0, failed: 0 });

      await receiver.start();
      // Two instances at once: the row is claimed by one of them only (FOR UPDATE SKIP LOCKED and the lease).
      const [a, b] = await Promise.all([outbox.deliverDue({ now: later(1) }), outbox.deliverDue({ now: later(1) })]);
      expect(a.delivered + b.delivered).toBe(1);
      expect(arrivalsOf(requestId)).toHaveLength(1);
      expect(arrivalsOf(requestId)[0]).toMatchObject({ signatureValid: true, duplicate: false });
      expect((await as(investigator).get(`/api/v1/alerts/${alertId}/forensic-requests`)).body.items[0]).toMatchObject({ status: 'delivered', attempts: 2 });
    });

    it('marks a request failed after the maximum attempts; an admin retries it with the same idempotency key', async () => {
      const { alertId } = await pair();
      const asked = await as(investigator).post(`/api/v1/alerts/${alertId}/forensic-request`, { reason: 'Confronta dactiloscópica' });
      const [{ requestId }] = asked.body.items as { requestId: string }[];
      receiver.failWith = 503;
      try {
        for (let i = 1; i <= 3; i++) await outbox.deliverDue({ now: later(2 * i) });
      } finally {
        receiver.failWith = null;
      }
      expect(arrivalsOf(requestId)).toHaveLength(3);
      const failed = await as(t.adminKey).get('/api/v1/deliveries?status=failed&kind=forensic_request');
      expect(failed.status).toBe(200);
      expect(failed.body.items).toEqual([expect.objectContaining({ id: requestId, status: 'failed', attempts: 3, lastError: 'HTTP 503', lastStatusCode: 503 })]);
      expect(JSON.stringify(failed.body)).not.toContain('María');

      expect((await as(investigator).post(`/api/v1/deliveries/${requestId}/retry`)).status).toBe(403);
      const retried = await as(t.adminKey).post(`/api/v1/deliveries/${requestId}/retry`);
      expect(retried.status).toBe(200);
      expect(retried.body).toMatchObject({ status: 'pending', attempts: 0 });
      expect((await as(t.adminKey).post(`/api/v1/deliveries/${requestId}/retry`)).status).toBe(409);
      await outbox.deliverDue();
      expect(arrivalsOf(requestId).map((a) => a.idempotencyKey)).toEqual([requestId, requestId, requestId, requestId]);
      expect(receiver.acceptedKeys()).toContain(requestId);
      expect((await as(investigator).get(`/api/v1/alerts/${alertId}/forensic-requests`)).body.items[0]).toMatchObject({ status: 'delivered' });
    });

    it('refuses a request without a reason (400 naming it), for an alert outside the caller\'s scope (404), and for other roles (403)', async () => {
      const { alertId } = await pair();
      const res = await as(investigator).post(`/api/v1/alerts/${alertId}/forensic-request`, {});
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([{ field: 'reason', reason: 'is required' }]);
      const mxOnly = await raise(await submit(submitterMx, 'missing-reports', missingReport()), await submit(submitterMx, 'suspected-victims', suspectedVictim()));
      expect((await as(investigator).post(`/api/v1/alerts/${mxOnly}/forensic-request`, { reason: 'x' })).status).toBe(404);
      expect((await as(submitterGt).post(`/api/v1/alerts/${alertId}/forensic-request`, { reason: 'x' })).status).toBe(403);
      expect((await ds.query(`SELECT count(*)::int AS n FROM outbox_messages WHERE alert_id = ANY($1::uuid[])`, [[alertId, mxOnly]]))[0].n).toBe(0);
    });
  });

  describe('identification results', () => {
    it('refuses a bad signature, an old timestamp, a replay, an unknown system and a missing signature with 401', async () => {
      const { reportId, victimId } = await pair();
      const body = { identificationCaseId: 'SNIH-2026-000451', missingReportId: reportId, suspectedVictimId: victimId, result: 'inconclusive', method: 'DNA', date: '2026-11-20' };
      const bad = await postResult(body, { secret: 'another-secret-0123456789abcdef-0123456' });
      expect(bad.status).toBe(401);
      expect(bad.body.errors).toEqual([{ field: 'X-CBMP-Signature', reason: 'does not match the body and timestamp' }]);
      const old = await postResult(body, { at: new Date(Date.now() - 10 * 60_000) });
      expect(old.status).toBe(401);
      expect(old.body.errors).toEqual([{ field: 'X-CBMP-Timestamp', reason: 'is outside the accepted window' }]);
      expect((await postResult(body, { system: 'unknown' })).status).toBe(401);
      expect((await t.http.post('/api/v1/identification/results').set('Content-Type', 'application/json').set('X-CBMP-System', SYSTEM).send(body)).status).toBe(401);
      // A body changed after signing.
      const raw = JSON.stringify(body);
      const tampered = await t.http.post('/api/v1/identification/results').set(signedHeaders(SYSTEM, SECRET, raw)).send(JSON.stringify({ ...body, result: 'identified' }));
      expect(tampered.status).toBe(401);
      expect((await alertRow((await ds.query(`SELECT id FROM alerts WHERE missing_report_id = $1`, [reportId]))[0].id)).status).toBe('pending');

      const at = new Date();
      const first = await postResult(body, { at });
      expect(first.status).toBe(200);
      expect(first.body).toMatchObject({ outcome: 'recorded' });
      const replay = await postResult(body, { at });
      expect(replay.status).toBe(401);
      expect(replay.body.errors).toEqual([{ field: 'X-CBMP-Signature', reason: 'was already used' }]);
      expect((await ds.query(`SELECT count(*)::int AS n FROM identification_results WHERE missing_report_id = $1`, [reportId]))[0].n).toBe(1);
    });

    it('refuses invalid fields with 400 naming each, writing nothing', async () => {
      const res = await postResult({ identificationCaseId: 'SNIH-1', result: 'maybe', method: 'DNA', date: '20/11/2026', extra: 1 });
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual(
        expect.arrayContaining([
          { field: 'result', reason: 'must be one of: identified, excluded, inconclusive' },
          { field: 'date', reason: 'must be a date as YYYY-MM-DD' },
          { field: 'extra', reason: 'is not a known field' },
        ]),
      );
      const unknown = await postResult({ identificationCaseId: 'SNIH-1', missingReportId: '00000000-0000-4000-8000-000000000000', suspectedVictimId: '00000000-0000-4000-8000-000000000001', result: 'identified', method: 'DNA', date: '2026-11-20' });
      expect(unknown.status).toBe(400);
      expect(unknown.body.errors.map((e: { field: string }) => e.field)).toEqual(['missingReportId', 'suspectedVictimId']);
      const half = await postResult({ identificationCaseId: 'SNIH-1', missingReportId: '00000000-0000-4000-8000-000000000000', result: 'identified', method: 'DNA', date: '2026-11-20' });
      expect(half.status).toBe(400);
      expect(half.body.errors[0].field).toBe('suspectedVictimId');
      expect((await ds.query(`SELECT count(*)::int AS n FROM identification_results WHERE identification_case_id = 'SNIH-1'`))[0].n).toBe(0);
    });

    it('"identified" confirms the pair with the forensic source, locates the report and supersedes the other alerts, even without an investigator', async () => {
      const { reportId, victimId, alertId } = await pair({ condition: 'deceased' });
      const otherVictim = await submit(submitterMx, 'suspected-victims', suspectedVictim());
      const sibling = await raise(reportId, otherVictim);
      const res = await postResult({ identificationCaseId: 'SNIH-2026-000451', missingReportId: reportId, suspectedVictimId: victimId, result: 'identified', method: 'DNA', date: '2026-11-20', details: 'Perfil genético coincide con muestra de referencia familiar' });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ outcome: 'confirmed', alertId, superseded: [sibling] });

      const detail = await as(investigator).get(`/api/v1/alerts/${alertId}`);
      expect(detail.body).toMatchObject({ status: 'confirmed', lastDecision: 'confirmed', forensicResult: 'identified' });
      expect(detail.body.decisions).toEqual([
        expect.objectContaining({ decision: 'confirmed', source: 'forensic', decidedByKeyId: null, identificationResultId: res.body.resultId, reason: expect.stringContaining('identified by DNA') }),
      ]);
      expect(detail.body.missingReport.located).toEqual({ condition: 'deceased', at: expect.any(String), alertId });
      expect(await alertRow(sibling)).toMatchObject({ status: 'superseded' });
      const audit = await ds.query(`SELECT action, ip, request_id, actor_key_id FROM audit_log WHERE details->>'identificationResultId' = $1 OR entity_id = $1 ORDER BY id`, [res.body.resultId]);
      expect(audit.map((a: { action: string }) => a.action)).toEqual(expect.arrayContaining(['identification.result_received', 'alert.decided']));
      expect(audit[0]).toMatchObject({ actor_key_id: null, ip: expect.stringMatching(/127\.0\.0\.1/), request_id: expect.any(String) });
      // No personal data in the audit log.
      expect(JSON.stringify(await ds.query(`SELECT details FROM audit_log WHERE entity_id = $1`, [res.body.resultId]))).not.toContain('genético');
    });

    it('"identified" answering a request links the result to it; a second identification of a confirmed pair changes nothing', async () => {
      const { alertId } = await pair();
      const { forensicRequests } = await confirm(alertId);
      const res = await postResult({ requestId: forensicRequests[0], identificationCaseId: 'SNIH-2026-000451', result: 'identified', method: 'fingerprint', date: '2026-11-21' });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ outcome: 'already_confirmed', alertId });
      expect(await alertRow(alertId)).toMatchObject({ status: 'confirmed', forensic_result: 'identified' });
      const listed = await as(investigator).get(`/api/v1/alerts/${alertId}/forensic-requests`);
      expect(listed.body.results).toEqual([expect.objectContaining({ id: res.body.resultId, result: 'identified', method: 'fingerprint', outcome: 'already_confirmed', requestId: forensicRequests[0] })]);
    });

    it('"excluded" rejects the pair for good: a later run scoring it far higher does not bring it back', async () => {
      const { reportId, victimId, alertId } = await pair();
      const res = await postResult({ identificationCaseId: 'SNIH-2026-000451', missingReportId: reportId, suspectedVictimId: victimId, result: 'excluded', method: 'DNA', date: '2026-11-22' });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ outcome: 'rejected', alertId });
      expect(await alertRow(alertId)).toEqual({ status: 'rejected', forensic_result: 'excluded', last_decision: 'rejected' });
      await raise(reportId, victimId, { weight: 40, probability: 0.999 });
      expect(await alertRow(alertId)).toMatchObject({ status: 'rejected' });

      // An investigator's rejection, by contrast, reopens on such a rise (the matching rule): the test can fail.
      const control = await pair();
      expect((await as(investigator).post(`/api/v1/alerts/${control.alertId}/claim`)).status).toBe(200);
      await as(investigator).post(`/api/v1/alerts/${control.alertId}/decision`, { decision: 'rejected', reason: 'Edad no coincide', evidenceVersion: 1 });
      await raise(control.reportId, control.victimId, { weight: 40, probability: 0.999 });
      expect(await alertRow(control.alertId)).toMatchObject({ status: 'pending' });
    });

    it('stores and links results about pairs the service never raised: identified creates a confirmed alert, excluded a rejected one', async () => {
      const reportId = await submit(submitterGt, 'missing-reports', missingReport());
      const victimId = await submit(submitterMx, 'suspected-victims', suspectedVictim({ identificationCaseId: 'SNIH-2026-009999' }));
      const identified = await postResult({ identificationCaseId: 'SNIH-2026-009999', missingReportId: reportId, suspectedVictimId: victimId, result: 'identified', method: 'dental', date: '2026-11-23' });
      expect(identified.status).toBe(200);
      expect(identified.body.outcome).toBe('confirmed');
      const created = (await as(investigator).get(`/api/v1/alerts/${identified.body.alertId}`)).body;
      expect(created).toMatchObject({ status: 'confirmed', forensicResult: 'identified', modelVersion: 'forensic', missingReport: { id: reportId, located: { condition: 'alive' } } });
      // A run later scoring the pair leaves the confirmation alone.
      await raise(reportId, victimId);
      expect(await alertRow(identified.body.alertId)).toMatchObject({ status: 'confirmed' });

      const report2 = await submit(submitterGt, 'missing-reports', missingReport());
      const excluded = await postResult({ identificationCaseId: 'SNIH-2026-009999', missingReportId: report2, suspectedVictimId: victimId, result: 'excluded', method: 'DNA', date: '2026-11-23' });
      expect(excluded.body).toMatchObject({ outcome: 'rejected' });
      await raise(report2, victimId, { weight: 40, probability: 0.999 });
      expect(await alertRow(excluded.body.alertId)).toMatchObject({ status: 'rejected', forensic_result: 'excluded' });

      // Only a case id: stored, linked to the one victim record carrying it.
      const alone = await postResult({ identificationCaseId: 'SNIH-2026-009999', result: 'inconclusive', method: 'other', date: '2026-11-24' });
      expect(alone.body).toMatchObject({ outcome: 'recorded', alertId: null });
      expect((await ds.query(`SELECT suspected_victim_id FROM identification_results WHERE id = $1`, [alone.body.resultId]))[0].suspected_victim_id).toBe(victimId);
    });

    it('"excluded" for a pair an investigator confirmed reverses the confirmation: the report is no longer located, the superseded alerts return', async () => {
      const { reportId, victimId, alertId } = await pair();
      const otherVictim = await submit(submitterMx, 'suspected-victims', suspectedVictim());
      const sibling = await raise(reportId, otherVictim);
      const { superseded } = await confirm(alertId);
      expect(superseded).toEqual([sibling]);
      const res = await postResult({ identificationCaseId: 'SNIH-2026-000451', missingReportId: reportId, suspectedVictimId: victimId, result: 'excluded', method: 'DNA', date: '2026-11-26' });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ outcome: 'rejected', alertId, restored: [sibling] });
      expect(await alertRow(alertId)).toEqual({ status: 'rejected', forensic_result: 'excluded', last_decision: 'rejected' });
      expect(await alertRow(sibling)).toMatchObject({ status: 'pending' });
      const detail = (await as(investigator).get(`/api/v1/alerts/${alertId}`)).body;
      expect(detail.missingReport.located).toBeNull();
      expect(detail.decisions.map((d: { decision: string; source: string }) => [d.decision, d.source])).toEqual([
        ['confirmed', 'reviewer'],
        ['reversed', 'forensic'],
        ['rejected', 'forensic'],
      ]);
      await raise(reportId, victimId, { weight: 40, probability: 0.999 });
      expect(await alertRow(alertId)).toMatchObject({ status: 'rejected' });
    });

    it('an identification contradicting a confirmation in force is stored as a conflict and changes nothing', async () => {
      const { reportId, alertId } = await pair();
      await confirm(alertId);
      const otherVictim = await submit(submitterMx, 'suspected-victims', suspectedVictim());
      const res = await postResult({ identificationCaseId: 'SNIH-2026-000451', missingReportId: reportId, suspectedVictimId: otherVictim, result: 'identified', method: 'DNA', date: '2026-11-25' });
      expect(res.body).toMatchObject({ outcome: 'conflict', conflictingAlertId: alertId });
      expect(await alertRow(alertId)).toMatchObject({ status: 'confirmed' });
      expect((await ds.query(`SELECT count(*)::int AS n FROM alerts WHERE suspected_victim_id = $1`, [otherVictim]))[0].n).toBe(0);
    });
  });
});

describe('the OpenAPI document', () => {
  it('documents the new routes and bodies', async () => {
    const t = await startTestApp();
    try {
      const res = await t.http.get('/api/docs-json');
      expect(Object.keys(res.body.paths)).toEqual(
        expect.arrayContaining([
          '/api/v1/identification/results',
          '/api/v1/alerts/{id}/forensic-request',
          '/api/v1/alerts/{id}/forensic-requests',
          '/api/v1/deliveries',
          '/api/v1/deliveries/{id}/retry',
          '/api/v1/webhook-subscriptions',
          '/api/v1/webhook-subscriptions/{id}/deactivate',
        ]),
      );
      const result = res.body.components.schemas.IdentificationResultDto;
      expect(result.required).toEqual(expect.arrayContaining(['identificationCaseId', 'result', 'method', 'date']));
      expect(result.properties.result.enum).toEqual(['identified', 'excluded', 'inconclusive']);
      expect(result.properties.method.enum).toEqual(['DNA', 'fingerprint', 'dental', 'other']);
      expect(res.body.paths['/api/v1/identification/results'].post.parameters.map((p: { name: string }) => p.name).sort()).toEqual(['X-CBMP-Signature', 'X-CBMP-System', 'X-CBMP-Timestamp']);
      expect(Object.keys(res.body.components.schemas.SuspectedVictimInputDto.properties)).toEqual(expect.arrayContaining(['dnaSampleTaken', 'fingerprintRecordIds']));
      expect(Object.keys(res.body.components.schemas.MissingReportInputDto.properties)).toEqual(expect.arrayContaining(['familyReferenceSamples', 'fingerprintRecordIds']));
    } finally {
      await t.close();
    }
  });
});

describe('a service killed between the decision and the delivery', () => {
  it('delivers the request after a restart on the same database, exactly once', async () => {
    const receiver = await new IdentificationReceiver(SECRET).start();
    const env = { IDENTIFICATION_SYSTEMS: JSON.stringify([{ id: SYSTEM, url: receiver.url, secret: SECRET }]), DELIVERY_INTERVAL_MS: '0' };
    const first = await startTestApp({ env });
    let second: TestApp | null = null;
    try {
      const submitter = await first.key(['submitter'], 'Comisión de Búsqueda', 'MX');
      const investigator = await first.key(['investigator'], 'Fiscalía', 'MX');
      const post = (app: TestApp, key: string, path: string, body: object = {}) => app.http.post(path).set('Authorization', `Bearer ${key}`).send(body);
      const reportId = (await post(first, submitter, '/api/v1/missing-reports', missingReport())).body.id;
      const victimId = (await post(first, submitter, '/api/v1/suspected-victims', suspectedVictim())).body.id;
      const alertId = await (await alertRaiser(first))(reportId, victimId);
      await post(first, investigator, `/api/v1/alerts/${alertId}/claim`);
      const decided = await post(first, investigator, `/api/v1/alerts/${alertId}/decision`, { decision: 'confirmed', reason: 'Coincidencia plena', evidenceVersion: 1 });
      expect(decided.status).toBe(200);
      const [requestId] = decided.body.forensicRequests;
      // The process goes away before any delivery ran.
      await first.app.close();
      expect(receiver.arrivals).toHaveLength(0);

      second = await startTestApp({ env, db: first.db });
      const outbox = second.app.get(OutboxService);
      expect(await outbox.deliverDue()).toEqual({ delivered: 1, retrying: 0, failed: 0 });
      expect(await outbox.deliverDue({ now: later(24) })).toEqual({ delivered: 0, retrying: 0, failed: 0 });
      expect(receiver.arrivals.map((a) => [a.idempotencyKey, a.signatureValid])).toEqual([[requestId, true]]);
    } finally {
      await second?.app.close();
      await first.db.drop();
      await receiver.stop();
    }
  });
});
