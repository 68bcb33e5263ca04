import { DataSource } from 'typeorm';
import { OutboxService } from '../../src/outbox/outbox.service.js';
import { missingReport, suspectedVictim } from '../factories/records.js';
import { alertRaiser } from '../support/alerts.js';
import { IdentificationReceiver, signedHeaders } from '../support/identification-receiver.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const SECRET = 'snih-shared-secret-0123456789abcdef-0123';

/** Partner webhooks through the same outbox, signed the same way, only about the partner's own records. */
describe('partner notifications', () => {
  let t: TestApp;
  let ds: DataSource;
  let outbox: OutboxService;
  let registry: IdentificationReceiver;
  let other: IdentificationReceiver;
  let submitterMx: string;
  let submitterGt: string;
  let investigator: string;
  let subscriptionId: string;
  const orgs = {} as Record<'mx' | 'gt' | 'bystander', string>;

  const as = (key: string) => ({
    get: (path: string) => t.http.get(path).set('Authorization', `Bearer ${key}`),
    post: (path: string, body: object = {}) => t.http.post(path).set('Authorization', `Bearer ${key}`).send(body),
  });
  const organizations = async () => (await as(t.adminKey).get('/api/v1/organizations')).body;

  beforeAll(async () => {
    t = await startTestApp({ env: { IDENTIFICATION_SYSTEMS: JSON.stringify([{ id: 'snih', url: 'http://127.0.0.1:9/unused', secret: SECRET }]), DELIVERY_INTERVAL_MS: '0' } });
    ds = t.app.get(DataSource);
    outbox = t.app.get(OutboxService);
    submitterMx = await t.key(['submitter'], 'Fiscalía General del Estado de Chiapas', 'MX');
    submitterGt = await t.key(['submitter'], 'Procuraduría General de la Nación', 'GT');
    await t.key(['submitter'], 'Albergue sin suscripción', 'MX');
    investigator = await t.key(['investigator'], 'Fiscalía contra la Trata (GT)', 'GT');
    const all: { id: string; name: string }[] = await organizations();
    orgs.mx = all.find((o) => o.name === 'Fiscalía General del Estado de Chiapas')!.id;
    orgs.gt = all.find((o) => o.name === 'Procuraduría General de la Nación')!.id;
    orgs.bystander = all.find((o) => o.name === 'Albergue sin suscripción')!.id;
  });
  afterAll(async () => {
    await t.close();
    await registry?.stop();
    await other?.stop();
  });

  it('an admin subscribes an organization; the secret is shown once and never listed', async () => {
    const placeholder = await new IdentificationReceiver('placeholder').start();
    const created = await as(t.adminKey).post('/api/v1/webhook-subscriptions', { organizationId: orgs.gt, url: placeholder.url, events: ['alert.raised', 'alert.decided', 'record.located'] });
    await placeholder.stop();
    expect(created.status).toBe(201);
    expect(created.body.secret).toMatch(/^whsec_/);
    subscriptionId = created.body.id;
    registry = await new IdentificationReceiver(created.body.secret).start(placeholder.port);
    const listed = await as(t.adminKey).get('/api/v1/webhook-subscriptions');
    expect(listed.status).toBe(200);
    expect(JSON.stringify(listed.body)).not.toContain(created.body.secret);
    expect(listed.body.items).toEqual([expect.objectContaining({ id: subscriptionId, organizationId: orgs.gt, active: true })]);

    const bystander = await as(t.adminKey).post('/api/v1/webhook-subscriptions', { organizationId: orgs.bystander, url: 'http://127.0.0.1:9/x', events: ['alert.raised'] });
    expect(bystander.status).toBe(201);
    other = new IdentificationReceiver(bystander.body.secret);
  });

  it('refuses bad subscriptions with 400 naming the field, and non-admins with 403', async () => {
    const bad = await as(t.adminKey).post('/api/v1/webhook-subscriptions', { organizationId: orgs.gt, url: 'ftp://x', events: ['alert.deleted'] });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['events', 'url']);
    const unknown = await as(t.adminKey).post('/api/v1/webhook-subscriptions', { organizationId: '00000000-0000-4000-8000-000000000000', url: 'https://x.example', events: ['alert.raised'] });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors).toEqual([{ field: 'organizationId', reason: 'is not a known organization' }]);
    expect((await as(submitterGt).post('/api/v1/webhook-subscriptions', { organizationId: orgs.gt, url: 'https://x.example', events: ['alert.raised'] })).status).toBe(403);
  });

  it('delivers alert raised, decided and record located about the organization\'s records, signed, ids only', async () => {
    const reportId = (await as(submitterGt).post('/api/v1/missing-reports', missingReport())).body.id;
    const victimId = (await as(submitterMx).post('/api/v1/suspected-victims', suspectedVictim())).body.id;
    const raise = await alertRaiser(t);
    const alertId = await raise(reportId, victimId);
    // A pair of another organization's records: the GT organization hears nothing of it.
    const mxReport = (await as(submitterMx).post('/api/v1/missing-reports', missingReport())).body.id;
    const mxAlert = await raise(mxReport, victimId);

    await as(investigator).post(`/api/v1/alerts/${alertId}/claim`);
    expect((await as(investigator).post(`/api/v1/alerts/${alertId}/decision`, { decision: 'confirmed', reason: 'Coincide', evidenceVersion: 1 })).status).toBe(200);
    await outbox.deliverDue();

    const events = registry.arrivals.map((a) => [a.event, a.body.alertId, a.signatureValid]);
    expect(events).toEqual([
      ['alert.raised', alertId, true],
      ['alert.decided', alertId, true],
      ['record.located', alertId, true],
    ]);
    expect(registry.arrivals[1].body).toMatchObject({ event: 'alert.decided', decision: 'confirmed', source: 'reviewer', missingReportId: reportId, suspectedVictimId: victimId, organizationId: orgs.gt });
    expect(registry.arrivals[2].body).toMatchObject({ condition: 'alive' });
    expect(JSON.stringify(registry.arrivals.map((a) => a.body))).not.toMatch(/María|Peña|Coincide/);
    expect(registry.arrivals.every((a) => a.idempotencyKey !== null)).toBe(true);
    expect(mxAlert).not.toBe(alertId);
    // The bystander's endpoint is down and was never concerned: no message for it.
    expect((await ds.query(`SELECT count(*)::int AS n FROM outbox_messages o JOIN webhook_subscriptions s ON s.id = o.subscription_id WHERE s.organization_id = $1`, [orgs.bystander]))[0].n).toBe(0);
  });

  it('a forensic identification notifies too; a deactivated subscription hears nothing more', async () => {
    const reportId = (await as(submitterGt).post('/api/v1/missing-reports', missingReport())).body.id;
    const victimId = (await as(submitterGt).post('/api/v1/suspected-victims', suspectedVictim())).body.id;
    const raw = JSON.stringify({ identificationCaseId: 'SNIH-1', missingReportId: reportId, suspectedVictimId: victimId, result: 'identified', method: 'DNA', date: '2026-11-20' });
    const res = await t.http.post('/api/v1/identification/results').set(signedHeaders('snih', SECRET, raw)).send(raw);
    expect(res.status).toBe(200);
    const before = registry.arrivals.length;
    await outbox.deliverDue();
    expect(registry.arrivals.slice(before).map((a) => [a.event, a.body.source ?? null])).toEqual([
      ['alert.decided', 'forensic'],
      ['record.located', null],
    ]);

    expect((await as(t.adminKey).post(`/api/v1/webhook-subscriptions/${subscriptionId}/deactivate`)).status).toBe(200);
    const count = registry.arrivals.length;
    const r2 = (await as(submitterGt).post('/api/v1/missing-reports', missingReport())).body.id;
    const v2 = (await as(submitterGt).post('/api/v1/suspected-victims', suspectedVictim())).body.id;
    const fresh = await (await alertRaiser(t))(r2, v2);
    expect((await ds.query(`SELECT status FROM alerts WHERE id = $1`, [fresh]))[0].status).toBe('pending');
    await outbox.deliverDue();
    expect(registry.arrivals.length).toBe(count);
    expect((await ds.query(`SELECT count(*)::int AS n FROM outbox_messages WHERE alert_id = $1`, [fresh]))[0].n).toBe(0);
  });
});
