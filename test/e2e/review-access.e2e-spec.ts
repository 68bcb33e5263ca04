import { DataSource } from 'typeorm';
import { missingReport, suspectedVictim } from '../factories/records.js';
import { alertRaiser } from '../support/alerts.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

type Who = 'admin' | 'submitter' | 'investigator' | 'partnerRead' | 'partnerWrite';

/**
 * The access model and the review workflow over HTTP, on a real PostgreSQL. Records:
 *   GT report R1 (Guatemalan commission), MX reports R2, R3 (Mexican commission), GT report R4;
 *   MX victims V1 (deceased), V2; GT victims V3, V4.
 * Alerts: A1 = R1–V1 (cross-border), A2 = R2–V1 (MX only, sibling of A1 through V1), A3 = R3–V2 (MX only),
 *   A4 = R4–V3 (GT only), A5 = R1–V4 (GT only, sibling of A1 through R1).
 */
describe('access model, review workflow and audit', () => {
  let t: TestApp;
  let ds: DataSource;
  let raise: Awaited<ReturnType<typeof alertRaiser>>;
  const keys = {} as Record<Who | 'investigatorMx2' | 'investigatorGt' | 'submitterGt' | 'submitterMx2', string>;
  const keyIds = {} as Record<string, string>;
  const r = {} as Record<'R1' | 'R2' | 'R3' | 'R4' | 'V1' | 'V2' | 'V3' | 'V4', string>;
  const a = {} as Record<'A1' | 'A2' | 'A3' | 'A4' | 'A5', string>;

  const as = (key: string) => ({
    get: (path: string) => t.http.get(path).set('Authorization', `Bearer ${key}`),
    post: (path: string, body: object = {}) => t.http.post(path).set('Authorization', `Bearer ${key}`).send(body),
  });

  beforeAll(async () => {
    t = await startTestApp();
    ds = t.app.get(DataSource);
    keys.admin = t.adminKey;
    const made = {
      submitter: await t.keyWithId(['submitter'], 'Comisión de Búsqueda de Chiapas', 'MX'),
      submitterMx2: await t.keyWithId(['submitter'], 'Albergue Belén', 'MX'),
      submitterGt: await t.keyWithId(['submitter'], 'Procuraduría General de la Nación', 'GT'),
      investigator: await t.keyWithId(['investigator'], 'Fiscalía Especializada en Trata (MX)', 'MX'),
      investigatorMx2: await t.keyWithId(['investigator'], 'Comisión Nacional de Búsqueda', 'MX'),
      investigatorGt: await t.keyWithId(['investigator'], 'Fiscalía contra la Trata (GT)', 'GT'),
      partnerRead: await t.keyWithId(['partner'], 'Registro Nacional de Personas Desaparecidas', 'MX', ['records:read', 'alerts:read']),
      partnerWrite: await t.keyWithId(['partner'], 'Sistema de Identificación Humana', 'MX', ['records:write']),
    };
    for (const [name, { key, id }] of Object.entries(made)) {
      keys[name as Who] = key;
      keyIds[name] = id;
    }
    const submit = async (key: string, kind: 'missing-reports' | 'suspected-victims', body: object) => {
      const res = await as(key).post(`/api/v1/${kind}`, body);
      expect(res.status).toBe(201);
      return res.body.id as string;
    };
    r.R1 = await submit(keys.submitterGt, 'missing-reports', missingReport());
    r.R2 = await submit(keys.submitter, 'missing-reports', missingReport());
    r.R3 = await submit(keys.submitter, 'missing-reports', missingReport());
    r.R4 = await submit(keys.submitterGt, 'missing-reports', missingReport());
    r.V1 = await submit(keys.submitter, 'suspected-victims', suspectedVictim({ condition: 'deceased' }));
    r.V2 = await submit(keys.submitter, 'suspected-victims', suspectedVictim());
    r.V3 = await submit(keys.submitterGt, 'suspected-victims', suspectedVictim());
    r.V4 = await submit(keys.submitterGt, 'suspected-victims', suspectedVictim());
    raise = await alertRaiser(t);
    a.A1 = await raise(r.R1, r.V1, { minor: true });
    a.A2 = await raise(r.R2, r.V1);
    a.A3 = await raise(r.R3, r.V2);
    a.A4 = await raise(r.R4, r.V3);
    a.A5 = await raise(r.R1, r.V4);
  });
  afterAll(async () => t.close());

  const status = async (id: string) => (await ds.query(`SELECT status FROM alerts WHERE id = $1`, [id]))[0].status as string;
  const evidenceVersion = async (id: string) => (await ds.query(`SELECT evidence_version FROM alerts WHERE id = $1`, [id]))[0].evidence_version as number;

  describe('each role against each endpoint (allowed, 403, 404)', () => {
    // [endpoint, method, path, body, expected status per role]. The alert and records used: A3 and R3 are Mexican
    // (the MX keys' country, the submitter's organization); A4 and R1 are Guatemalan (outside the MX keys' scope).
    type Row = [string, 'get' | 'post', () => string, object | undefined, Record<Who, number>];
    const all = (n: number): Record<Who, number> => ({ admin: n, submitter: n, investigator: n, partnerRead: n, partnerWrite: n });
    const rows: Row[] = [
      ['list alerts', 'get', () => '/api/v1/alerts', undefined, { admin: 200, submitter: 403, investigator: 200, partnerRead: 200, partnerWrite: 403 }],
      ['alert summary', 'get', () => '/api/v1/alerts/summary', undefined, { admin: 200, submitter: 403, investigator: 200, partnerRead: 200, partnerWrite: 403 }],
      ['alert detail, own country', 'get', () => `/api/v1/alerts/${a.A3}`, undefined, { admin: 200, submitter: 403, investigator: 200, partnerRead: 200, partnerWrite: 403 }],
      ['alert detail, other country only', 'get', () => `/api/v1/alerts/${a.A4}`, undefined, { admin: 200, submitter: 403, investigator: 404, partnerRead: 404, partnerWrite: 403 }],
      ['claim, other country only', 'post', () => `/api/v1/alerts/${a.A4}/claim`, {}, { admin: 403, submitter: 403, investigator: 404, partnerRead: 403, partnerWrite: 403 }],
      ['release a claim one does not hold (409 once allowed)', 'post', () => `/api/v1/alerts/${a.A3}/release`, {}, { admin: 403, submitter: 403, investigator: 409, partnerRead: 403, partnerWrite: 403 }],
      ['decide without a claim (409 once allowed)', 'post', () => `/api/v1/alerts/${a.A3}/decision`, { decision: 'rejected', reason: 'x', evidenceVersion: 1 }, { admin: 403, submitter: 403, investigator: 409, partnerRead: 403, partnerWrite: 403 }],
      ['decide, other country only', 'post', () => `/api/v1/alerts/${a.A4}/decision`, { decision: 'rejected', reason: 'x', evidenceVersion: 1 }, { admin: 403, submitter: 403, investigator: 404, partnerRead: 403, partnerWrite: 403 }],
      ['reverse an unconfirmed alert (409 once allowed)', 'post', () => `/api/v1/alerts/${a.A3}/reversal`, { reason: 'x' }, { admin: 409, submitter: 403, investigator: 403, partnerRead: 403, partnerWrite: 403 }],
      ['read notes', 'get', () => `/api/v1/alerts/${a.A3}/notes`, undefined, { admin: 200, submitter: 403, investigator: 200, partnerRead: 403, partnerWrite: 403 }],
      ['add a note', 'post', () => `/api/v1/alerts/${a.A3}/notes`, { body: 'Pedir odontograma al SEMEFO.' }, { admin: 201, submitter: 403, investigator: 201, partnerRead: 403, partnerWrite: 403 }],
      ['add a note, other country only', 'post', () => `/api/v1/alerts/${a.A4}/notes`, { body: 'x' }, { admin: 201, submitter: 403, investigator: 404, partnerRead: 403, partnerWrite: 403 }],
      ['read a record of own organization and country', 'get', () => `/api/v1/missing-reports/${r.R3}`, undefined, { admin: 200, submitter: 200, investigator: 200, partnerRead: 200, partnerWrite: 403 }],
      ['read a record of the other country', 'get', () => `/api/v1/missing-reports/${r.R1}`, undefined, { admin: 200, submitter: 404, investigator: 404, partnerRead: 404, partnerWrite: 403 }],
      ['read its versions, other country', 'get', () => `/api/v1/missing-reports/${r.R1}/versions`, undefined, { admin: 200, submitter: 404, investigator: 404, partnerRead: 404, partnerWrite: 403 }],
      ['list records', 'get', () => '/api/v1/suspected-victims', undefined, { admin: 200, submitter: 200, investigator: 200, partnerRead: 200, partnerWrite: 403 }],
      ['submit a record', 'post', () => '/api/v1/missing-reports', missingReport(), { admin: 201, submitter: 201, investigator: 403, partnerRead: 403, partnerWrite: 201 }],
      ['read the audit log', 'get', () => '/api/v1/audit?limit=1', undefined, { ...all(403), admin: 200 }],
      ['list organizations', 'get', () => '/api/v1/organizations', undefined, { ...all(403), admin: 200 }],
      ['list API keys', 'get', () => '/api/v1/api-keys', undefined, { ...all(403), admin: 200 }],
      ['revoke an unknown key (404 once allowed)', 'post', () => '/api/v1/api-keys/5f0c6c9e-7d38-4b8e-9d55-1c1a0e0b1f00/revoke', {}, { ...all(403), admin: 404 }],
      ['create an organization', 'post', () => '/api/v1/organizations', { name: `Org ${Date.now()}`, country: 'GT' }, { ...all(403), admin: 201 }],
      ['start a matching run', 'post', () => '/api/v1/matching/runs', { mode: 'sometimes' }, { admin: 400, submitter: 403, investigator: 400, partnerRead: 403, partnerWrite: 403 }],
      ['ask for a forensic comparison (409 once allowed: no identification system configured here)', 'post', () => `/api/v1/alerts/${a.A3}/forensic-request`, { reason: 'x' }, { ...all(403), investigator: 409 }],
      ['ask for a forensic comparison, other country only', 'post', () => `/api/v1/alerts/${a.A4}/forensic-request`, { reason: 'x' }, { ...all(403), investigator: 404 }],
      ['read forensic requests', 'get', () => `/api/v1/alerts/${a.A3}/forensic-requests`, undefined, { ...all(403), admin: 200, investigator: 200 }],
      ['read forensic requests, other country only', 'get', () => `/api/v1/alerts/${a.A4}/forensic-requests`, undefined, { ...all(403), admin: 200, investigator: 404 }],
      ['list deliveries', 'get', () => '/api/v1/deliveries', undefined, { ...all(403), admin: 200 }],
      ['retry an unknown delivery (404 once allowed)', 'post', () => '/api/v1/deliveries/5f0c6c9e-7d38-4b8e-9d55-1c1a0e0b1f00/retry', {}, { ...all(403), admin: 404 }],
      ['list webhook subscriptions', 'get', () => '/api/v1/webhook-subscriptions', undefined, { ...all(403), admin: 200 }],
      ['send an identification result: signed, not keyed (401 without a signature, whatever the key)', 'post', () => '/api/v1/identification/results', { identificationCaseId: 'x', result: 'identified', method: 'DNA', date: '2026-11-20' }, all(401)],
    ];
    const cases = rows.flatMap(([name, method, path, body, expected]) =>
      (Object.keys(expected) as Who[]).map((who) => [name, who, method, path, body, expected[who]] as const),
    );

    it.each(cases)('%s as %s', async (_name, who, method, path, body, expected) => {
      const res = method === 'get' ? await as(keys[who]).get(path()) : await as(keys[who]).post(path(), body && 'sourceRecordId' in body ? missingReport() : body);
      expect([res.status, res.body.statusCode ?? res.status]).toEqual([expected, expected]);
      if (expected === 404) expect(res.body.message).toMatch(/^No /); // the same answer as for an id that does not exist
    });

    it('a 404 outside the scope is indistinguishable from an unknown id, and is logged', async () => {
      const hidden = await as(keys.investigator).get(`/api/v1/alerts/${a.A4}`);
      const unknown = await as(keys.investigator).get('/api/v1/alerts/5f0c6c9e-7d38-4b8e-9d55-1c1a0e0b1f00');
      expect(Object.keys(hidden.body).sort()).toEqual(Object.keys(unknown.body).sort());
      expect(hidden.body.message.replace(a.A4, 'ID')).toBe(unknown.body.message.replace('5f0c6c9e-7d38-4b8e-9d55-1c1a0e0b1f00', 'ID'));
      const rows = await ds.query(`SELECT action, entity_type, actor_key_id FROM audit_log WHERE action = 'access.out_of_scope' AND entity_id = $1`, [a.A4]);
      expect(rows).toContainEqual({ action: 'access.out_of_scope', entity_type: 'alert', actor_key_id: keyIds.investigator });
      const denied = await ds.query(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'access.denied' AND actor_key_id = $1`, [keyIds.submitter]);
      expect(denied[0].n).toBeGreaterThan(0);
    });
  });

  describe('cross-border visibility', () => {
    const ids = async (key: string) => (await as(key).get('/api/v1/alerts?limit=500')).body.items.map((i: { id: string }) => i.id).sort();

    it('a cross-border alert is in both queues; a one-country alert only in its own', async () => {
      expect(await ids(keys.investigator)).toEqual([a.A1, a.A2, a.A3].sort());
      expect(await ids(keys.investigatorGt)).toEqual([a.A1, a.A4, a.A5].sort());
      expect(await ids(keys.admin)).toEqual(Object.values(a).sort());
    });

    it.each([
      ['MX sees the Guatemalan report', 'investigator', 'missing-reports', 'R1'],
      ['GT sees the Mexican victim', 'investigatorGt', 'suspected-victims', 'V1'],
    ] as const)('%s only as part of the alert', async (_name, who, kind, record) => {
      const detail = await as(keys[who]).get(`/api/v1/alerts/${a.A1}`);
      expect(detail.status).toBe(200);
      expect([detail.body.missingReport.id, detail.body.suspectedVictim.id]).toContain(r[record]);
      expect((await as(keys[who]).get(`/api/v1/${kind}/${r[record]}`)).status).toBe(404);
    });

    it('a list of records holds only the caller\'s country (investigators) or organization (submitters)', async () => {
      const mx = (await as(keys.investigator).get('/api/v1/missing-reports?limit=100')).body.items;
      expect(mx.length).toBeGreaterThan(0);
      for (const item of mx) expect(item.country).toBe('MX');
      const gtAsMx = (await as(keys.investigator).get('/api/v1/missing-reports?country=GT')).body.items;
      expect(gtAsMx).toEqual([]);
      const other = (await as(keys.submitterMx2).get('/api/v1/missing-reports?limit=100')).body.items;
      expect(other).toEqual([]);
      expect((await as(keys.submitterMx2).get(`/api/v1/missing-reports/${r.R3}`)).status).toBe(404);
    });
  });

  describe('claims', () => {
    it('two investigators claiming at once: exactly one wins, every time', async () => {
      for (let round = 0; round < 5; round++) {
        const [x, y] = await Promise.all([as(keys.investigator).post(`/api/v1/alerts/${a.A2}/claim`), as(keys.investigatorMx2).post(`/api/v1/alerts/${a.A2}/claim`)]);
        expect([x.status, y.status].sort()).toEqual([200, 409]);
        const winner = x.status === 200 ? 'investigator' : 'investigatorMx2';
        const loser = x.status === 200 ? y : x;
        expect(loser.body.details.current.claim.keyId).toBe(keyIds[winner]);
        const [row] = await ds.query(`SELECT claimed_by_key_id, status FROM alerts WHERE id = $1`, [a.A2]);
        expect(row).toEqual({ claimed_by_key_id: keyIds[winner], status: 'in_review' });
        expect((await as(keys[winner as Who]).post(`/api/v1/alerts/${a.A2}/release`)).status).toBe(200);
      }
      const claims = await ds.query(`SELECT count(*)::int AS n FROM alert_events WHERE alert_id = $1 AND event = 'claimed'`, [a.A2]);
      expect(claims[0].n).toBe(5);
    });

    it('a live claim is taken over only explicitly, and that is recorded', async () => {
      expect((await as(keys.investigator).post(`/api/v1/alerts/${a.A1}/claim`)).status).toBe(200);
      const refused = await as(keys.investigatorGt).post(`/api/v1/alerts/${a.A1}/claim`);
      expect(refused.status).toBe(409);
      expect(refused.body.errors).toEqual([{ field: 'takeover', reason: expect.any(String) }]);
      const taken = await as(keys.investigatorGt).post(`/api/v1/alerts/${a.A1}/claim`, { takeover: true, reason: 'El investigador asignado está de licencia' });
      expect(taken.status).toBe(200);
      expect(taken.body.claim.keyId).toBe(keyIds.investigatorGt);
      const [event] = await ds.query(`SELECT details, actor_key_id FROM alert_events WHERE alert_id = $1 AND event = 'claim_taken_over'`, [a.A1]);
      expect(event).toEqual({ details: { previousKeyId: keyIds.investigator }, actor_key_id: keyIds.investigatorGt });
      const [audit] = await ds.query(`SELECT details FROM audit_log WHERE action = 'alert.claim_taken_over' AND entity_id = $1`, [a.A1]);
      expect(audit.details.previousKeyId).toBe(keyIds.investigator);
    });

    it('an expired claim can be taken by anyone without takeover', async () => {
      await ds.query(`UPDATE alerts SET claim_expires_at = now() - interval '1 second' WHERE id = $1`, [a.A1]); // time passes
      const res = await as(keys.investigator).post(`/api/v1/alerts/${a.A1}/claim`);
      expect(res.status).toBe(200);
      expect(res.body.claim.keyId).toBe(keyIds.investigator);
      const expires = Date.parse(res.body.claim.expiresAt) - Date.now();
      expect(expires).toBeGreaterThan(119 * 60_000); // CLAIM_TTL_MINUTES defaults to 120
      expect(expires).toBeLessThanOrEqual(120 * 60_000);
    });

    it('400 for a bad claim body, naming the field', async () => {
      const res = await as(keys.investigator).post(`/api/v1/alerts/${a.A3}/claim`, { takeover: 'yes' });
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([{ field: 'takeover', reason: 'must be true or false' }]);
    });
  });

  describe('decisions', () => {
    it.each([
      [{ reason: 'x', evidenceVersion: 1 }, 'decision'],
      [{ decision: 'maybe', reason: 'x', evidenceVersion: 1 }, 'decision'],
      [{ decision: 'confirmed', evidenceVersion: 1 }, 'reason'],
      [{ decision: 'confirmed', reason: '', evidenceVersion: 1 }, 'reason'],
      [{ decision: 'confirmed', reason: 'x' }, 'evidenceVersion'],
      [{ decision: 'confirmed', reason: 'x', evidenceVersion: '1' }, 'evidenceVersion'],
      [{ decision: 'confirmed', reason: 'x', evidenceVersion: 1, extra: true }, 'extra'],
    ])('400 for %j, naming %s', async (body, field) => {
      const res = await as(keys.investigator).post(`/api/v1/alerts/${a.A3}/decision`, body);
      expect(res.status).toBe(400);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    });

    it('a decision on evidence that changed since it was read is refused with 409 and the current state; nothing is written', async () => {
      expect((await as(keys.investigator).post(`/api/v1/alerts/${a.A3}/claim`)).status).toBe(200);
      const read = (await as(keys.investigator).get(`/api/v1/alerts/${a.A3}`)).body.evidenceVersion;
      await raise(r.R3, r.V2, { weight: 12 }); // a run rescores the pair while the reviewer reads
      const stale = await as(keys.investigator).post(`/api/v1/alerts/${a.A3}/decision`, { decision: 'rejected', reason: 'Edades incompatibles', evidenceVersion: read });
      expect(stale.status).toBe(409);
      expect(stale.body.errors).toEqual([{ field: 'evidenceVersion', reason: expect.stringContaining(`now at version ${read + 1}`) }]);
      expect(stale.body.details.current).toMatchObject({ status: 'in_review', evidenceVersion: read + 1 });
      expect(await ds.query(`SELECT * FROM alert_decisions WHERE alert_id = $1`, [a.A3])).toEqual([]);
      const fresh = await as(keys.investigator).post(`/api/v1/alerts/${a.A3}/decision`, { decision: 'needs_info', reason: 'Falta la ficha dental', evidenceVersion: read + 1 });
      expect(fresh.status).toBe(200);
      expect(fresh.body.alert).toMatchObject({ status: 'needs_info', lastDecision: 'needs_info', claim: null });
    });

    it('only the holder of the claim decides', async () => {
      expect((await as(keys.investigator).post(`/api/v1/alerts/${a.A3}/claim`)).status).toBe(200);
      const res = await as(keys.investigatorMx2).post(`/api/v1/alerts/${a.A3}/decision`, { decision: 'rejected', reason: 'x', evidenceVersion: await evidenceVersion(a.A3) });
      expect(res.status).toBe(409);
      expect(res.body.details.current.claim.keyId).toBe(keyIds.investigator);
    });

    it('a rejection keeps the pair out of future runs', async () => {
      expect((await as(keys.investigatorGt).post(`/api/v1/alerts/${a.A4}/claim`)).status).toBe(200);
      const res = await as(keys.investigatorGt).post(`/api/v1/alerts/${a.A4}/decision`, { decision: 'rejected', reason: 'Tatuajes distintos', evidenceVersion: await evidenceVersion(a.A4) });
      expect(res.status).toBe(200);
      const [row] = await ds.query(`SELECT status, rejected_weight, match_weight FROM alerts WHERE id = $1`, [a.A4]);
      expect(row).toEqual({ status: 'rejected', rejected_weight: row.match_weight, match_weight: 10 });
      await raise(r.R4, r.V3, { weight: 12 }); // rescored, but less than the reopening margin
      expect(await status(a.A4)).toBe('rejected');
      expect((await as(keys.investigatorGt).get('/api/v1/alerts?decision=rejected')).body.items.map((i: { id: string }) => i.id)).toEqual([a.A4]);
    });

    it('a confirmation locates the report (deceased, from the victim record) and supersedes the sibling alerts of both records, in one go', async () => {
      // investigator holds A1 (from the claims tests)
      const version = await evidenceVersion(a.A1);
      const res = await as(keys.investigator).post(`/api/v1/alerts/${a.A1}/decision`, { decision: 'confirmed', reason: 'Tatuaje y odontograma coinciden', note: 'Notificar a la familia vía consulado', evidenceVersion: version });
      expect(res.status).toBe(200);
      expect(res.body.alert.status).toBe('confirmed');
      expect(res.body.superseded.sort()).toEqual([a.A2, a.A5].sort());
      expect(await ds.query(`SELECT id, status, superseded_by_alert_id FROM alerts WHERE id = ANY($1) ORDER BY id`, [[a.A2, a.A5]])).toEqual(
        [a.A2, a.A5].sort().map((id) => ({ id, status: 'superseded', superseded_by_alert_id: a.A1 })),
      );
      expect(await status(a.A3)).toBe('in_review'); // not a sibling
      const report = await as(keys.investigatorGt).get(`/api/v1/missing-reports/${r.R1}`);
      expect(report.body.located).toMatchObject({ condition: 'deceased', alertId: a.A1 });
      const detail = (await as(keys.investigatorGt).get(`/api/v1/alerts/${a.A1}`)).body;
      expect(detail.decisions).toEqual([expect.objectContaining({ decision: 'confirmed', reason: 'Tatuaje y odontograma coinciden', evidenceVersion: version, decidedByKeyId: keyIds.investigator })]);
      const audit = await ds.query(`SELECT action, entity_id, details::text FROM audit_log WHERE request_id IS NOT NULL AND action IN ('alert.decided', 'record.located', 'alert.superseded') ORDER BY id`);
      expect(audit.map((x: { action: string }) => x.action)).toEqual(expect.arrayContaining(['alert.decided', 'record.located', 'alert.superseded', 'alert.superseded']));
      expect(JSON.stringify(audit)).not.toMatch(/Tatuaje|odontograma|familia/); // reasons and notes stay out of the audit log
      // a later run does not bring the superseded pairs back
      await raise(r.R2, r.V1, { weight: 20 });
      expect(await status(a.A2)).toBe('superseded');
    });

    it('a decided alert is not decided again', async () => {
      const res = await as(keys.investigator).post(`/api/v1/alerts/${a.A1}/decision`, { decision: 'rejected', reason: 'x', evidenceVersion: await evidenceVersion(a.A1) });
      expect(res.status).toBe(409);
      expect(res.body.details.current.status).toBe('confirmed');
    });

    it('an admin reverses a confirmation with a reason, as a new entry; the siblings return', async () => {
      expect((await as(keys.admin).post(`/api/v1/alerts/${a.A1}/reversal`, {})).status).toBe(400);
      const res = await as(keys.admin).post(`/api/v1/alerts/${a.A1}/reversal`, { reason: 'El dictamen de ADN lo descartó' });
      expect(res.status).toBe(200);
      expect(res.body.alert.status).toBe('pending');
      expect(res.body.restored.sort()).toEqual([a.A2, a.A5].sort());
      expect(await status(a.A2)).toBe('pending');
      const decisions = await ds.query(`SELECT decision, reverses_decision_id IS NOT NULL AS reverses FROM alert_decisions WHERE alert_id = $1 ORDER BY id`, [a.A1]);
      expect(decisions).toEqual([{ decision: 'confirmed', reverses: false }, { decision: 'reversed', reverses: true }]);
      expect((await as(keys.investigator).get(`/api/v1/missing-reports/${r.R2}`)).body.located).toBeNull();
      expect((await as(keys.admin).get(`/api/v1/missing-reports/${r.R1}`)).body.located).toBeNull();
      expect((await as(keys.admin).post(`/api/v1/alerts/${a.A1}/reversal`, { reason: 'otra vez' })).status).toBe(409);
      await expect(ds.query(`DELETE FROM alert_decisions`)).rejects.toThrow(/append-only/);
    });
  });

  describe('notes', () => {
    it('keeps a thread per alert, oldest first, audited by id only', async () => {
      const added = await as(keys.investigatorGt).post(`/api/v1/alerts/${a.A5}/notes`, { body: 'La familia de Rosa aportó fotografías' });
      expect(added.status).toBe(201);
      const thread = (await as(keys.investigatorGt).get(`/api/v1/alerts/${a.A5}/notes`)).body.items;
      expect(thread.at(-1)).toMatchObject({ id: added.body.id, body: 'La familia de Rosa aportó fotografías', authorKeyId: keyIds.investigatorGt });
      const [audit] = await ds.query(`SELECT details::text FROM audit_log WHERE action = 'alert.note_added' AND entity_id = $1`, [a.A5]);
      expect(audit.details).not.toMatch(/Rosa/);
      expect((await as(keys.investigator).get(`/api/v1/alerts/${a.A4}/notes`)).status).toBe(404);
    });
  });

  describe('the queue', () => {
    it('filters by assignedTo=me, crossBorder, minor and decision', async () => {
      expect((await as(keys.investigator).post(`/api/v1/alerts/${a.A2}/claim`)).status).toBe(200);
      const q = async (key: string, query: string) => (await as(key).get(`/api/v1/alerts?${query}&limit=500`)).body.items.map((i: { id: string }) => i.id).sort();
      expect(await q(keys.investigator, 'assignedTo=me')).toEqual([a.A2, a.A3].sort());
      expect(await q(keys.investigatorMx2, 'assignedTo=me')).toEqual([]);
      expect(await q(keys.investigatorGt, 'crossBorder=true')).toEqual([a.A1]);
      expect(await q(keys.investigatorGt, 'crossBorder=false')).toEqual([a.A4, a.A5].sort());
      expect(await q(keys.admin, 'minor=true')).toEqual([a.A1]);
      expect(await q(keys.admin, 'decision=needs_info')).toEqual([a.A3]);
    });

    it('counts per status for a dashboard, within the caller\'s scope', async () => {
      const mx = (await as(keys.investigator).get('/api/v1/alerts/summary')).body;
      expect(mx.byStatus).toMatchObject({ pending: 1, in_review: 2, confirmed: 0, superseded: 0 });
      expect(mx.total).toBe(3);
      expect(mx.assignedToMe).toBe(2);
      const admin = (await as(keys.admin).get('/api/v1/alerts/summary')).body;
      expect(admin.total).toBe(5);
      expect(admin.byStatus.rejected).toBe(1);
    });
  });

  describe('audit', () => {
    it('every read of an alert detail and of a person record is audited: who, which organization, what, when, from where', async () => {
      const res = await as(keys.investigator).get(`/api/v1/alerts/${a.A3}`).set('x-request-id', 'req-audit-1');
      expect(res.status).toBe(200);
      await as(keys.investigator).get(`/api/v1/missing-reports/${r.R3}`).set('x-request-id', 'req-audit-2');
      const rows = await ds.query(`SELECT action, entity_id, actor_key_id, organization_id, ip, request_id, at FROM audit_log WHERE request_id IN ('req-audit-1', 'req-audit-2') ORDER BY id`);
      expect(rows.map((x: { action: string; entity_id: string }) => [x.action, x.entity_id])).toEqual([
        ['alert.read', a.A3],
        ['record.read', r.R3],
        ['record.read', r.V2],
        ['record.read', r.R3],
      ]);
      const [org] = await ds.query(`SELECT organization_id FROM api_keys WHERE id = $1`, [keyIds.investigator]);
      for (const row of rows) {
        expect(row).toMatchObject({ actor_key_id: keyIds.investigator, organization_id: org.organization_id, ip: expect.any(String) });
        expect(row.at).toBeInstanceOf(Date);
      }
    });

    it('GET /api/v1/audit filters for admins and holds ids, never personal data', async () => {
      const res = await as(keys.admin).get(`/api/v1/audit?actorKeyId=${keyIds.investigator}&action=record.&limit=500`);
      expect(res.status).toBe(200);
      expect(res.body.items.length).toBeGreaterThan(0);
      for (const item of res.body.items) {
        expect(item.actorKeyId).toBe(keyIds.investigator);
        expect(item.action.startsWith('record.')).toBe(true);
      }
      const byEntity = await as(keys.admin).get(`/api/v1/audit?entityId=${a.A1}&limit=2`);
      expect(byEntity.body.items).toHaveLength(2);
      const next = await as(keys.admin).get(`/api/v1/audit?entityId=${a.A1}&limit=2&cursor=${byEntity.body.nextCursor}`);
      expect(Number(next.body.items[0].id)).toBeLessThan(Number(byEntity.body.items[1].id));
      const everything = JSON.stringify((await as(keys.admin).get('/api/v1/audit?limit=500')).body);
      expect(everything).not.toMatch(/María|Peña|Tzoc|Lupita|odontograma/);
      for (const [query, field] of [['since=ayer', 'since'], ['actorKeyId=7', 'actorKeyId'], ['action=DROP TABLE', 'action'], ['cursor=abc', 'cursor']]) {
        const bad = await as(keys.admin).get(`/api/v1/audit?${query}`);
        expect([bad.status, bad.body.errors?.[0]?.field]).toEqual([400, field]);
      }
    });
  });

  describe('keys', () => {
    it('a revoked key gets 401 at once', async () => {
      const { key, id } = await t.keyWithId(['investigator'], 'Fiscalía de prueba revocada', 'MX');
      expect((await as(key).get('/api/v1/alerts')).status).toBe(200);
      const revoked = await as(keys.admin).post(`/api/v1/api-keys/${id}/revoke`);
      expect(revoked.status).toBe(200);
      expect(revoked.body.revokedAt).toEqual(expect.any(String));
      const res = await as(key).get('/api/v1/alerts');
      expect(res.status).toBe(401);
      expect(res.body.errors).toEqual([{ field: 'Authorization', reason: 'is not a valid key' }]);
      expect((await as(keys.admin).get(`/api/v1/audit?action=api_key.revoked&entityId=${id}`)).body.items).toHaveLength(1);
      expect((await as(keys.admin).post('/api/v1/api-keys/5f0c6c9e-7d38-4b8e-9d55-1c1a0e0b1f00/revoke')).status).toBe(404);
    });

    it('an expired key gets 401', async () => {
      const res = await as(keys.admin).post('/api/v1/api-keys', { organization: 'Consulado de prueba', country: 'GT', roles: ['investigator'], expiresAt: new Date(Date.now() + 1500).toISOString() });
      expect(res.status).toBe(201);
      expect((await as(res.body.key).get('/api/v1/alerts')).status).toBe(200);
      await new Promise((done) => setTimeout(done, 1600));
      expect((await as(res.body.key).get('/api/v1/alerts')).status).toBe(401);
    });

    it.each([
      ['a partner without scopes', { roles: ['partner'] }, 'scopes'],
      ['scopes on a non-partner key', { roles: ['submitter'], scopes: ['records:read'] }, 'scopes'],
      ['an unknown scope', { roles: ['partner'], scopes: ['records:delete'] }, 'scopes'],
    ])('400 for %s', async (_name, body, field) => {
      const res = await as(keys.admin).post('/api/v1/api-keys', { organization: 'Registro de prueba', country: 'MX', ...body });
      expect(res.status).toBe(400);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual([field]);
    });

    it('lists keys with their scopes, never a secret or hash', async () => {
      const res = await as(keys.admin).get('/api/v1/api-keys');
      const partner = res.body.find((k: { id: string }) => k.id === keyIds.partnerRead);
      expect(partner).toMatchObject({ roles: ['partner'], scopes: ['records:read', 'alerts:read'], revokedAt: null });
      expect(JSON.stringify(res.body)).not.toMatch(/cbmp_|keyHash|key_hash/);
    });

    it('organizations: created once per name', async () => {
      const first = await as(keys.admin).post('/api/v1/organizations', { name: 'Instituto Nacional de Ciencias Forenses', country: 'GT' });
      expect(first.status).toBe(201);
      const again = await as(keys.admin).post('/api/v1/organizations', { name: 'Instituto Nacional de Ciencias Forenses', country: 'GT' });
      expect([again.status, again.body.errors[0].field]).toEqual([409, 'name']);
      const bad = await as(keys.admin).post('/api/v1/organizations', { name: 'X', country: 'US' });
      expect([bad.status, bad.body.errors[0].field]).toEqual([400, 'country']);
    });
  });

  it('documents the new routes and bodies in the OpenAPI document generated from the code', async () => {
    const res = await t.http.get('/api/docs-json');
    expect(Object.keys(res.body.paths)).toEqual(
      expect.arrayContaining(['/api/v1/alerts/summary', '/api/v1/alerts/{id}/claim', '/api/v1/alerts/{id}/decision', '/api/v1/alerts/{id}/reversal', '/api/v1/alerts/{id}/notes', '/api/v1/audit', '/api/v1/organizations', '/api/v1/api-keys/{id}/revoke']),
    );
    const decide = res.body.components.schemas.DecideAlertDto;
    expect(decide.properties.decision.enum).toEqual(['confirmed', 'rejected', 'needs_info']);
    expect(decide.required).toEqual(expect.arrayContaining(['decision', 'reason', 'evidenceVersion']));
    expect(Object.keys(res.body.components.schemas.DecisionResultDto.properties).sort()).toEqual(['alert', 'decision', 'forensicRequests', 'superseded']);
    expect(res.body.components.schemas.CreateApiKeyDto.properties.scopes.items.enum).toEqual(['records:read', 'records:write', 'alerts:read', 'statistics']);
    expect((await t.http.get('/api/docs/')).status).toBe(200); // the docs page still loads under the security headers
  });

  it('sends security headers', async () => {
    const res = await as(keys.admin).get('/api/v1/alerts/summary');
    expect(res.headers).toMatchObject({ 'x-content-type-options': 'nosniff', 'x-frame-options': 'SAMEORIGIN', 'strict-transport-security': expect.any(String) });
    expect(res.headers['content-security-policy']).toMatch(/default-src 'self'/);
    expect(res.headers['x-powered-by']).toBeUndefined();
  });
});

describe('rate limit per key', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { RATE_LIMIT_PER_MINUTE: '3' } });
  });
  afterAll(async () => t.close());

  it('answers 429 in the one error shape past the limit, per key', async () => {
    const other = await t.key(['investigator'], 'Fiscalía con su propio límite', 'MX'); // 1 request of the admin key
    const get = (key: string) => t.http.get('/api/v1/alerts/summary').set('Authorization', `Bearer ${key}`);
    expect((await get(t.adminKey)).status).toBe(200);
    expect((await get(t.adminKey)).status).toBe(200);
    const limited = await get(t.adminKey);
    expect(limited.status).toBe(429);
    expect(limited.body).toMatchObject({ statusCode: 429, error: 'Too Many Requests', message: expect.stringMatching(/3 requests a minute/) });
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect((await get(other)).status).toBe(200); // another key has its own count
  });
});
