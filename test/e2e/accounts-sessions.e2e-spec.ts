import { DataSource } from 'typeorm';
import { LOCKOUT_FAILURES } from '../../src/accounts/accounts.service.js';
import { missingReport, suspectedVictim } from '../factories/records.js';
import { alertRaiser } from '../support/alerts.js';
import { type SessionClient, sessionCookieOf, startTestApp, type TestAccount, type TestApp } from '../support/test-app.js';

/**
 * Personal accounts and console sessions over HTTP, on a real PostgreSQL: creation by admins, sign-in, the cookie's
 * attributes, CSRF, lockout, disabling, sign-out, idle expiry, password change, and people's names on claims,
 * decisions and notes. The app runs with the default (Secure) cookie; supertest sends it back by hand.
 */
describe('accounts and sessions', () => {
  let t: TestApp;
  let ds: DataSource;
  let ana: TestAccount;
  let beto: TestAccount;
  let submitterKey: string;

  beforeAll(async () => {
    t = await startTestApp();
    ds = t.app.get(DataSource);
    ana = await t.account(['investigator'], { displayName: 'Ana López Tzoc', organization: 'Fiscalía contra la Trata (MX)' });
    beto = await t.account(['investigator'], { displayName: "Beto K'iche' Peña", organization: 'Fiscalía contra la Trata (MX)' });
    submitterKey = await t.key(['submitter'], 'Comisión de Búsqueda de Chiapas', 'MX');
  });
  afterAll(() => t.close());

  const admin = (path: string, body?: object) =>
    body ? t.http.post(path).set('Authorization', `Bearer ${t.adminKey}`).send(body) : t.http.get(path).set('Authorization', `Bearer ${t.adminKey}`);

  describe('account creation', () => {
    it('stores names exactly as sent, never shows the password, and gives the account a principal', async () => {
      const res = await admin('/api/v1/accounts', {
        email: 'Maria.Pena@Fiscalia.example',
        password: 'una contraseña larga',
        displayName: "María Peña K'iche'",
        organization: 'Fiscalía de Sololá',
        country: 'GT',
        roles: ['investigator'],
      });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ email: 'Maria.Pena@Fiscalia.example', displayName: "María Peña K'iche'", organization: { name: 'Fiscalía de Sololá', country: 'GT' }, roles: ['investigator'], disabledAt: null });
      expect(JSON.stringify(res.body)).not.toMatch(/contraseña|password|\$2[aby]\$/);
      const [row] = await ds.query(`SELECT password_hash FROM accounts WHERE id = $1`, [res.body.id]);
      expect(row.password_hash).toMatch(/^\$2[aby]\$10\$/);
      // The principal is not a key: not listed among keys, cannot be revoked as one.
      const keys = await admin('/api/v1/api-keys');
      expect(keys.body.map((k: { id: string }) => k.id)).not.toContain(res.body.keyId);
      const revoke = await admin(`/api/v1/api-keys/${res.body.keyId}/revoke`, {});
      expect(revoke.status).toBe(409);
    });

    it.each([
      [{ password: 'corta' }, 'password', 'must be 12 to 72 bytes long (UTF-8)'],
      [{ password: 'ñ'.repeat(40) }, 'password', 'must be 12 to 72 bytes long (UTF-8)'],
      [{ email: 'no-es-correo' }, 'email', 'must be an email address'],
      [{ roles: ['jefe'] }, 'roles', 'each must be one of: admin, submitter, investigator, partner'],
      [{ country: 'US' }, 'country', 'must be one of: MX, GT'],
      [{ roles: ['partner'] }, 'scopes', 'must name at least one scope for a partner account'],
    ])('refuses %j naming %s', async (change, field, reason) => {
      const res = await admin('/api/v1/accounts', { email: 'valida@prueba.example', password: 'una contraseña larga', displayName: 'X', organization: 'Org', country: 'MX', roles: ['investigator'], ...change });
      expect(res.status).toBe(400);
      expect(res.body.errors).toContainEqual({ field, reason });
    });

    it('refuses a second account with the same email, whatever its case (409)', async () => {
      const res = await admin('/api/v1/accounts', { email: ana.email.toUpperCase(), password: 'una contraseña larga', displayName: 'Otra', organization: 'Org', country: 'MX', roles: ['investigator'] });
      expect(res.status).toBe(409);
      expect(res.body.errors).toEqual([{ field: 'email', reason: 'is already used by another account' }]);
    });

    it('is for admins only (403 for an investigator, by key or by session)', async () => {
      const investigatorKey = await t.key(['investigator']);
      const body = { email: 'x@prueba.example', password: 'una contraseña larga', displayName: 'X', organization: 'Org', country: 'MX', roles: ['admin'] };
      expect((await t.http.post('/api/v1/accounts').set('Authorization', `Bearer ${investigatorKey}`).send(body)).status).toBe(403);
      const session = await t.signIn(ana.email, ana.password);
      expect((await session.post('/api/v1/accounts', body)).status).toBe(403);
    });
  });

  describe('sign-in and the session cookie', () => {
    it('sets an HttpOnly, Secure, SameSite=Strict cookie and answers the person and a CSRF token', async () => {
      const res = await t.http.post('/api/v1/session').send({ email: `  ${ana.email.toUpperCase()} `, password: ana.password });
      expect(res.status).toBe(200);
      expect(res.body.account).toMatchObject({ id: ana.id, keyId: ana.keyId, displayName: 'Ana López Tzoc', roles: ['investigator'], organization: { country: 'MX' } });
      expect(res.body.csrfToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
      const cookie = ([] as string[]).concat(res.headers['set-cookie']).find((c) => c.startsWith('cbmp_session='))!;
      expect(cookie).toMatch(/; HttpOnly/);
      expect(cookie).toMatch(/; Secure/);
      expect(cookie).toMatch(/; SameSite=Strict/);
      expect(cookie).toMatch(/; Path=\//);
      expect(res.headers['cache-control']).toBe('no-store');
      // Only a hash of the token is stored.
      const token = sessionCookieOf(res).split('=')[1];
      const stored = await ds.query(`SELECT 1 FROM sessions WHERE token_hash = $1`, [token]);
      expect(stored).toHaveLength(0);
      const me = await t.http.get('/api/v1/session').set('Cookie', sessionCookieOf(res));
      expect(me.status).toBe(200);
      expect(me.body).toMatchObject({ account: { id: ana.id }, csrfToken: res.body.csrfToken });
    });

    it('answers a wrong password and an unknown email alike (401, same message)', async () => {
      const wrong = await t.http.post('/api/v1/session').send({ email: beto.email, password: 'no es la contraseña' });
      const unknown = await t.http.post('/api/v1/session').send({ email: 'nadie@prueba.example', password: 'no es la contraseña' });
      expect(wrong.status).toBe(401);
      expect(unknown.status).toBe(401);
      expect(unknown.body.message).toBe(wrong.body.message);
      expect(unknown.body.errors).toEqual(wrong.body.errors);
      // Reset Beto's failure count for the tests below.
      await admin(`/api/v1/accounts/${beto.id}/enable`, {});
    });

    it('refuses a missing field with 400 naming it', async () => {
      const res = await t.http.post('/api/v1/session').send({ email: ana.email });
      expect(res.status).toBe(400);
      expect(res.body.errors).toContainEqual(expect.objectContaining({ field: 'password' }));
    });

    it('GET /session without a cookie, or with an unknown one, is 401', async () => {
      expect((await t.http.get('/api/v1/session')).status).toBe(401);
      expect((await t.http.get('/api/v1/session').set('Cookie', 'cbmp_session=' + 'x'.repeat(43))).status).toBe(401);
      expect((await t.http.get('/api/v1/alerts').set('Cookie', 'cbmp_session=' + 'x'.repeat(43))).status).toBe(401);
    });

    it('a Bearer header is used alone: a bad key with a good cookie is 401', async () => {
      const session = await t.signIn(ana.email, ana.password);
      const res = await t.http.get('/api/v1/alerts').set('Cookie', session.cookie).set('Authorization', 'Bearer cbmp_0000000000000000_nonexistentnonexistent');
      expect(res.status).toBe(401);
    });
  });

  describe('the review workflow as people', () => {
    let anaSession: SessionClient;
    let betoSession: SessionClient;
    let alertId: string;

    beforeAll(async () => {
      const submit = async (kind: string, body: object) => (await t.http.post(`/api/v1/${kind}`).set('Authorization', `Bearer ${submitterKey}`).send(body)).body.id as string;
      const report = await submit('missing-reports', missingReport());
      const victim = await submit('suspected-victims', suspectedVictim());
      alertId = await (await alertRaiser(t))(report, victim);
      anaSession = await t.signIn(ana.email, ana.password);
      betoSession = await t.signIn(beto.email, beto.password);
    });

    it('reads the queue with the cookie alone', async () => {
      const res = await anaSession.get('/api/v1/alerts');
      expect(res.status).toBe(200);
      expect(res.body.items.map((a: { id: string }) => a.id)).toContain(alertId);
    });

    it.each([
      ['missing', undefined, 'is missing'],
      ['wrong', 'a'.repeat(43), 'does not match the session'],
    ])('refuses a write with a %s CSRF token (403 naming X-CSRF-Token), and writes nothing', async (_case, token, reason) => {
      let req = t.http.post(`/api/v1/alerts/${alertId}/claim`).set('Cookie', anaSession.cookie);
      if (token) req = req.set('X-CSRF-Token', token);
      const res = await req.send({});
      expect(res.status).toBe(403);
      expect(res.body.errors).toEqual([{ field: 'X-CSRF-Token', reason }]);
      const [row] = await ds.query(`SELECT claimed_by_key_id FROM alerts WHERE id = $1`, [alertId]);
      expect(row.claimed_by_key_id).toBeNull();
    });

    it('records the person on the claim, the decision, the note, the history and the audit log', async () => {
      const claim = await anaSession.post(`/api/v1/alerts/${alertId}/claim`);
      expect(claim.status).toBe(200);
      expect(claim.body.claim).toMatchObject({ keyId: ana.keyId, name: 'Ana López Tzoc' });

      // A second person cannot decide it, and sees who holds it.
      const detail = (await betoSession.get(`/api/v1/alerts/${alertId}`)).body;
      const blocked = await betoSession.post(`/api/v1/alerts/${alertId}/decision`, { decision: 'rejected', reason: 'different_person', evidenceVersion: detail.evidenceVersion });
      expect(blocked.status).toBe(409);
      expect(blocked.body.details.current.claim).toMatchObject({ name: 'Ana López Tzoc' });
      const grab = await betoSession.post(`/api/v1/alerts/${alertId}/claim`);
      expect(grab.status).toBe(409);
      expect(grab.body.details.current.claim.name).toBe('Ana López Tzoc');

      const note = await anaSession.post(`/api/v1/alerts/${alertId}/notes`, { body: 'Revisar tatuaje en antebrazo' });
      expect(note.status).toBe(201);
      expect(note.body).toMatchObject({ authorKeyId: ana.keyId, authorName: 'Ana López Tzoc' });

      const decided = await anaSession.post(`/api/v1/alerts/${alertId}/decision`, { decision: 'rejected', reason: 'different_person', evidenceVersion: detail.evidenceVersion });
      expect(decided.status).toBe(200);
      expect(decided.body.decision).toMatchObject({ decidedByKeyId: ana.keyId, decidedByName: 'Ana López Tzoc' });

      const after = (await betoSession.get(`/api/v1/alerts/${alertId}`)).body;
      expect(after.decisions).toEqual([expect.objectContaining({ decision: 'rejected', decidedByName: 'Ana López Tzoc' })]);
      expect(after.history).toContainEqual(expect.objectContaining({ event: 'claimed', actorName: 'Ana López Tzoc' }));
      const notes = (await betoSession.get(`/api/v1/alerts/${alertId}/notes`)).body;
      expect(notes.items).toEqual([expect.objectContaining({ authorName: 'Ana López Tzoc' })]);

      const audit = await admin(`/api/v1/audit?entityId=${alertId}&action=alert.claimed`);
      expect(audit.body.items).toEqual([expect.objectContaining({ actorKeyId: ana.keyId })]);
    });
  });

  describe('lockout', () => {
    it(`locks after ${LOCKOUT_FAILURES} wrong passwords (423), refuses even the right one, and an admin can lift it`, async () => {
      const carla = await t.account(['investigator'], { displayName: 'Carla Coc' });
      for (let i = 1; i < LOCKOUT_FAILURES; i++) {
        expect((await t.http.post('/api/v1/session').send({ email: carla.email, password: `equivocada ${i}` })).status).toBe(401);
      }
      const locked = await t.http.post('/api/v1/session').send({ email: carla.email, password: 'equivocada 5' });
      expect(locked.status).toBe(423);
      expect(Date.parse(locked.body.details.lockedUntil)).toBeGreaterThan(Date.now() + 14 * 60_000);
      const right = await t.http.post('/api/v1/session').send({ email: carla.email, password: carla.password });
      expect(right.status).toBe(423);
      expect(right.headers['set-cookie']).toBeUndefined();
      const audit = await admin(`/api/v1/audit?entityId=${carla.id}&action=account.locked`);
      expect(audit.body.items).toHaveLength(1);

      expect((await admin(`/api/v1/accounts/${carla.id}/enable`, {})).body.lockedUntil).toBeNull();
      expect((await t.http.post('/api/v1/session').send({ email: carla.email, password: carla.password })).status).toBe(200);
    });

    it('counts failures within a window: old failures do not add up', async () => {
      const dani = await t.account(['investigator']);
      for (let i = 0; i < LOCKOUT_FAILURES - 1; i++) await t.http.post('/api/v1/session').send({ email: dani.email, password: 'equivocada' });
      await ds.query(`UPDATE accounts SET first_failed_at = now() - interval '16 minutes' WHERE id = $1`, [dani.id]);
      expect((await t.http.post('/api/v1/session').send({ email: dani.email, password: 'equivocada' })).status).toBe(401);
      expect((await t.http.post('/api/v1/session').send({ email: dani.email, password: dani.password })).status).toBe(200);
    });

    it('counts concurrent failures exactly (the row lock serializes them)', async () => {
      const eva = await t.account(['investigator']);
      const answers = await Promise.all(Array.from({ length: LOCKOUT_FAILURES + 2 }, () => t.http.post('/api/v1/session').send({ email: eva.email, password: 'equivocada' })));
      const statuses = answers.map((r) => r.status).sort();
      expect(statuses.filter((s) => s === 401)).toHaveLength(LOCKOUT_FAILURES - 1);
      expect(statuses.filter((s) => s === 423)).toHaveLength(3);
    });
  });

  describe('ending sessions', () => {
    it('sign-out ends the session and clears the cookie; it needs the CSRF token', async () => {
      const session = await t.signIn(ana.email, ana.password);
      expect((await t.http.delete('/api/v1/session').set('Cookie', session.cookie)).status).toBe(403);
      const out = await session.delete('/api/v1/session');
      expect(out.status).toBe(204);
      expect(([] as string[]).concat(out.headers['set-cookie'])[0]).toMatch(/^cbmp_session=;.*Expires=Thu, 01 Jan 1970/);
      expect((await session.get('/api/v1/session')).status).toBe(401);
    });

    it('a session idle longer than SESSION_IDLE_MINUTES ends', async () => {
      const session = await t.signIn(ana.email, ana.password);
      await ds.query(`UPDATE sessions SET last_seen_at = now() - interval '61 minutes' WHERE ended_at IS NULL AND account_id = $1`, [ana.id]);
      expect((await session.get('/api/v1/alerts')).status).toBe(401);
      const [row] = await ds.query(`SELECT end_reason FROM sessions WHERE account_id = $1 ORDER BY created_at DESC LIMIT 1`, [ana.id]);
      expect(row.end_reason).toBe('idle');
    });

    it('disabling an account ends its sessions at once and stops its sign-ins; enabling restores them', async () => {
      const fede = await t.account(['investigator']);
      const session = await t.signIn(fede.email, fede.password);
      const disabled = await admin(`/api/v1/accounts/${fede.id}/disable`, {});
      expect(disabled.status).toBe(200);
      expect(disabled.body.disabledAt).not.toBeNull();
      expect((await session.get('/api/v1/alerts')).status).toBe(401);
      expect((await t.http.post('/api/v1/session').send({ email: fede.email, password: fede.password })).status).toBe(401);
      await admin(`/api/v1/accounts/${fede.id}/enable`, {});
      expect((await t.http.post('/api/v1/session').send({ email: fede.email, password: fede.password })).status).toBe(200);
    });

    it('changing the password checks the current one and ends the other sessions', async () => {
      const gabi = await t.account(['investigator']);
      const first = await t.signIn(gabi.email, gabi.password);
      const second = await t.signIn(gabi.email, gabi.password);
      const wrong = await first.put('/api/v1/session/password', { currentPassword: 'no es', newPassword: 'nueva contraseña segura' });
      expect(wrong.status).toBe(400);
      expect(wrong.body.errors).toEqual([{ field: 'currentPassword', reason: 'is not the current password' }]);
      expect((await first.put('/api/v1/session/password', { currentPassword: gabi.password, newPassword: 'nueva contraseña segura' })).status).toBe(204);
      expect((await first.get('/api/v1/session')).status).toBe(200);
      expect((await second.get('/api/v1/session')).status).toBe(401);
      expect((await t.http.post('/api/v1/session').send({ email: gabi.email, password: gabi.password })).status).toBe(401);
      expect((await t.http.post('/api/v1/session').send({ email: gabi.email, password: 'nueva contraseña segura' })).status).toBe(200);
    });
  });

  describe('name search', () => {
    let ids: Record<string, string>;
    beforeAll(async () => {
      const gtSubmitter = await t.key(['submitter'], 'Procuraduría de Derechos Humanos', 'GT');
      const submit = async (key: string, kind: string, body: object) => (await t.http.post(`/api/v1/${kind}`).set('Authorization', `Bearer ${key}`).send(body)).body.id as string;
      ids = {
        hernandez: await submit(submitterKey, 'missing-reports', missingReport({ givenNames: 'José Luis', firstSurname: 'Hernández', secondSurname: 'Xol', aliases: [] })),
        pena: await submit(submitterKey, 'suspected-victims', suspectedVictim({ givenNames: 'Guadalupe', firstSurname: 'Peña', secondSurname: 'Quej', aliases: ['Lupita'] })),
        gt: await submit(gtSubmitter, 'missing-reports', missingReport({ givenNames: 'José Luis', firstSurname: 'Hernández', secondSurname: 'Tun', aliases: [] })),
      };
    });

    it.each([
      ['Ernandes', 'hernandez'],
      ['hernandez xol', 'hernandez'],
      ['PEÑA', 'pena'],
      ['pena quej', 'pena'],
      ['lupita', 'pena'],
    ])('%s finds the %s record, within the caller’s country', async (q, which) => {
      const session = await t.signIn(ana.email, ana.password);
      const res = await session.get(`/api/v1/records/search?q=${encodeURIComponent(q)}`);
      expect(res.status).toBe(200);
      const found = res.body.items.map((i: { id: string }) => i.id);
      expect(found).toContain(ids[which]);
      expect(found).not.toContain(ids.gt);
    });

    it('returns names exactly as stored, best first, and audits the ids shown but not the query', async () => {
      const session = await t.signIn(ana.email, ana.password);
      const res = await session.get('/api/v1/records/search?q=Pena&kind=suspected_victim');
      expect(res.body.items[0]).toMatchObject({ id: ids.pena, firstSurname: 'Peña', secondSurname: 'Quej', givenNames: 'Guadalupe', aliases: ['Lupita'], kind: 'suspected_victim', sourceRecordId: expect.any(String), similarity: expect.any(Number) });
      const sims = res.body.items.map((i: { similarity: number }) => i.similarity);
      expect([...sims].sort((a, b) => b - a)).toEqual(sims);
      const [entry] = await ds.query(`SELECT details::text AS d FROM audit_log WHERE action = 'record.search' ORDER BY id DESC LIMIT 1`);
      expect(entry.d).toContain(ids.pena);
      expect(entry.d.toLowerCase()).not.toContain('pena');
    });

    it('refuses a one-letter query naming q', async () => {
      const res = await admin('/api/v1/records/search?q=a');
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([{ field: 'q', reason: 'must be 2 to 100 characters' }]);
    });
  });
});
