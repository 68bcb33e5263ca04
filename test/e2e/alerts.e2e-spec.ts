import { DataSource } from 'typeorm';
import { MatchingRunsService } from '../../src/matching/runs/matching-runs.service.js';
import { matchingPair } from '../factories/matching.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

describe('matching runs and the alert queue over HTTP', () => {
  let t: TestApp;
  let investigator: string;
  let submitter: string;

  beforeAll(async () => {
    t = await startTestApp();
    investigator = await t.key(['investigator'], 'Fiscalía de Trata', 'GT');
    submitter = await t.key(['submitter'], 'Comisión de Búsqueda', 'MX');
    const gt = await t.key(['submitter'], 'Procuraduría General de la Nación', 'GT');
    const reports = [];
    const victims = [];
    for (let n = 0; n < 12; n++) {
      const { report, victim } = matchingPair(n);
      reports.push(report);
      victims.push(n % 3 === 0 ? { ...victim, estimatedAgeMin: 15, estimatedAgeMax: 17 } : victim);
    }
    await t.http.post('/api/v1/missing-reports/batch').set('Authorization', `Bearer ${gt}`).send({ records: reports.slice(0, 6) }).expect(200);
    await t.http.post('/api/v1/missing-reports/batch').set('Authorization', `Bearer ${submitter}`).send({ records: reports.slice(6) }).expect(200);
    await t.http.post('/api/v1/suspected-victims/batch').set('Authorization', `Bearer ${submitter}`).send({ records: victims }).expect(200);
  });
  afterAll(async () => t.close());

  const get = (path: string, key = investigator) => t.http.get(path).set('Authorization', `Bearer ${key}`);

  it('starts a run with 202 and shows its progress and results', async () => {
    const res = await t.http.post('/api/v1/matching/runs').set('Authorization', `Bearer ${t.adminKey}`).send({ mode: 'full' });
    expect(res.status).toBe(202);
    expect(res.body).toMatchObject({ alreadyRunning: false, run: { mode: 'full', status: 'running' } });
    await t.app.get(MatchingRunsService).idle();
    const run = await get(`/api/v1/matching/runs/${res.body.run.id}`);
    expect(run.body).toMatchObject({ status: 'succeeded', phase: 'done', reportsConsidered: 12, victimsConsidered: 12 });
    expect(run.body.alerts.created).toBeGreaterThanOrEqual(12);
    expect(run.body.timingsMs).toHaveProperty('engine');
    const list = await get('/api/v1/matching/runs?limit=5');
    expect(list.body.items[0].id).toBe(res.body.run.id);
  });

  it.each([
    ['a bad mode', { mode: 'sometimes' }, 'mode'],
    ['an unknown field', { mode: 'full', force: true }, 'force'],
  ])('400 for %s', async (_n, body, field) => {
    const res = await t.http.post('/api/v1/matching/runs').set('Authorization', `Bearer ${t.adminKey}`).send(body);
    expect(res.status).toBe(400);
    expect(res.body.errors[0].field).toBe(field);
  });

  it('403 for a submitter, on runs and alerts', async () => {
    expect((await t.http.post('/api/v1/matching/runs').set('Authorization', `Bearer ${submitter}`).send({ mode: 'full' })).status).toBe(403);
    expect((await get('/api/v1/alerts', submitter)).status).toBe(403);
  });

  it('lists the queue by priority, paging with a cursor without gaps or repeats', async () => {
    const all = await get('/api/v1/alerts?limit=500');
    expect(all.status).toBe(200);
    const priorities = all.body.items.map((a: { priority: number }) => a.priority);
    expect(priorities).toEqual([...priorities].sort((a, b) => b - a));
    const item = all.body.items[0];
    expect(item).toMatchObject({ id: expect.any(String), missingReport: { id: expect.any(String), sourceRecordId: expect.any(String) }, suspectedVictim: { id: expect.any(String), sourceRecordId: expect.any(String) }, status: 'pending' });
    expect(typeof item.matchWeight).toBe('number');
    expect(typeof item.probability).toBe('number');

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await get(`/api/v1/alerts?limit=5${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...page.body.items.map((a: { id: string }) => a.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all.body.items.map((a: { id: string }) => a.id));
  });

  it.each([['-weight', 'matchWeight', 'desc'], ['createdAt', 'createdAt', 'asc']])('sorts by %s', async (sort, field, direction) => {
    const res = await get(`/api/v1/alerts?sort=${sort}&limit=500`);
    const values = res.body.items.map((a: Record<string, number | string>) => a[field]);
    const sorted = [...values].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    expect(values).toEqual(direction === 'desc' ? sorted.reverse() : sorted);
  });

  it('filters by status, country of either side, minimum probability and creation time (as an admin, who sees every alert)', async () => {
    const admin = (path: string) => get(path, t.adminKey);
    const ds = t.app.get(DataSource);
    const [{ id }] = await ds.query(`SELECT id FROM alerts ORDER BY priority DESC LIMIT 1`);
    await ds.query(`UPDATE alerts SET status = 'needs_info' WHERE id = $1`, [id]);
    expect((await admin('/api/v1/alerts?status=needs_info')).body.items.map((a: { id: string }) => a.id)).toEqual([id]);

    const gt = (await admin('/api/v1/alerts?country=GT&limit=500')).body.items;
    expect(gt.length).toBeGreaterThan(0);
    for (const a of gt) expect([a.missingReport.country, a.suspectedVictim.country]).toContain('GT');
    const mx = (await admin('/api/v1/alerts?country=MX&limit=500')).body.items;
    expect(mx.length).toBeGreaterThan(gt.length); // every victim is Mexican

    const likely = (await admin('/api/v1/alerts?minProbability=0.9&limit=500')).body.items;
    for (const a of likely) expect(a.probability).toBeGreaterThanOrEqual(0.9);
    expect((await admin(`/api/v1/alerts?createdSince=${new Date(Date.now() + 60_000).toISOString()}`)).body.items).toEqual([]);
  });

  it.each([
    ['status=open', 'status'],
    ['country=US', 'country'],
    ['minProbability=2', 'minProbability'],
    ['limit=501', 'limit'],
    ['sort=priority', 'sort'],
    ['createdSince=ayer', 'createdSince'],
    ['cursor=xyz', 'cursor'],
    ['assignedTo=ana', 'assignedTo'],
    ['crossBorder=yes', 'crossBorder'],
    ['minor=1', 'minor'],
    ['decision=maybe', 'decision'],
  ])('400 for ?%s', async (query, field) => {
    const res = await get(`/api/v1/alerts?${query}`);
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
  });

  it('shows one alert with both records side by side, the evidence and its history, and audits the reads', async () => {
    const [first] = (await get('/api/v1/alerts?limit=1')).body.items;
    const res = await get(`/api/v1/alerts/${first.id}`);
    expect(res.status).toBe(200);
    expect(res.body.missingReport).toMatchObject({ id: first.missingReport.id, kind: 'missing_report' });
    expect(res.body.suspectedVictim).toMatchObject({ id: first.suspectedVictim.id, kind: 'suspected_victim' });
    expect(res.body.evidence.comparisons[0]).toMatchObject({ comparison: expect.any(String), level: expect.any(String), weight: expect.any(Number) });
    expect(res.body.history[0]).toMatchObject({ event: 'raised', toStatus: 'pending' });
    const audit = await t.app.get(DataSource).query(`SELECT action, entity_id FROM audit_log WHERE request_id IS NOT NULL AND action IN ('alert.read', 'record.read') ORDER BY id DESC LIMIT 3`);
    expect(audit.map((a: { entity_id: string }) => a.entity_id).sort()).toEqual([first.id, first.missingReport.id, first.suspectedVictim.id].sort());
    expect((await get('/api/v1/alerts/5f0c6c9e-7d38-4b8e-9d55-1c1a0e0b1f00')).status).toBe(404);
  });
});
