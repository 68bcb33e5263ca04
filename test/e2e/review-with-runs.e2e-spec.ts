import { DataSource } from 'typeorm';
import { MatchingRunsService } from '../../src/matching/runs/matching-runs.service.js';
import { matchingPair } from '../factories/matching.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/** Decisions and real matching runs together: what reviewers closed stays closed through full reruns. */
describe('review decisions through real matching runs', () => {
  let t: TestApp;
  let ds: DataSource;
  let investigator: string;

  beforeAll(async () => {
    t = await startTestApp();
    ds = t.app.get(DataSource);
    const gt = await t.key(['submitter'], 'Procuraduría General de la Nación', 'GT');
    const mx = await t.key(['submitter'], 'Servicio Médico Forense de Chiapas', 'MX');
    investigator = await t.key(['investigator'], 'Fiscalía contra la Trata', 'GT');
    const reports = [];
    const victims = [];
    for (let n = 0; n < 4; n++) {
      const { report, victim } = matchingPair(n);
      reports.push(report);
      victims.push(victim);
      // a second record of the same person from another shelter: a sibling alert of the same report
      victims.push({ ...victim, sourceRecordId: `${victim.sourceRecordId as string}-B`, heightCm: (victim.heightCm as number) + 1 });
    }
    await t.http.post('/api/v1/missing-reports/batch').set('Authorization', `Bearer ${gt}`).send({ records: reports }).expect(200);
    await t.http.post('/api/v1/suspected-victims/batch').set('Authorization', `Bearer ${mx}`).send({ records: victims }).expect(200);
  });
  afterAll(async () => t.close());

  const fullRun = async () => {
    const res = await t.http.post('/api/v1/matching/runs').set('Authorization', `Bearer ${t.adminKey}`).send({ mode: 'full' });
    expect(res.status).toBe(202);
    await t.app.get(MatchingRunsService).idle();
    return (await t.http.get(`/api/v1/matching/runs/${res.body.run.id}`).set('Authorization', `Bearer ${t.adminKey}`)).body;
  };
  const as = (path: string, body?: object) =>
    body ? t.http.post(path).set('Authorization', `Bearer ${investigator}`).send(body) : t.http.get(path).set('Authorization', `Bearer ${investigator}`);

  it('a confirmation supersedes the siblings; a full rerun changes neither the confirmed nor the superseded alerts', async () => {
    const first = await fullRun();
    expect(first.status).toBe('succeeded');
    const queue = (await as('/api/v1/alerts?limit=500')).body.items as { id: string; missingReport: { id: string }; crossBorder: boolean }[];
    expect(queue.every((a) => a.crossBorder)).toBe(true); // GT reports, MX victims: every alert is in the GT queue
    const byReport = new Map<string, string[]>();
    for (const a of queue) byReport.set(a.missingReport.id, [...(byReport.get(a.missingReport.id) ?? []), a.id]);
    const [reportId, ids] = [...byReport].find(([, list]) => list.length >= 2)!;
    const chosen = ids[0];
    const siblings = ids.slice(1);

    expect((await as(`/api/v1/alerts/${chosen}/claim`, {})).status).toBe(200);
    const { evidenceVersion } = (await as(`/api/v1/alerts/${chosen}`)).body;
    const decided = await as(`/api/v1/alerts/${chosen}/decision`, { decision: 'confirmed', reason: 'Coinciden tatuaje, estatura y edad', evidenceVersion });
    expect(decided.status).toBe(200);
    expect(decided.body.superseded.sort()).toEqual(siblings.sort());
    expect((await as(`/api/v1/missing-reports/${reportId}`)).body.located).toMatchObject({ condition: 'alive', alertId: chosen });

    const before = await ds.query(`SELECT id, status, evidence_version, updated_at FROM alerts ORDER BY id`);
    const again = await fullRun();
    expect(again.status).toBe('succeeded');
    expect(again.alerts).toMatchObject({ created: 0, reopened: 0 });
    const after = await ds.query(`SELECT id, status, evidence_version, updated_at FROM alerts ORDER BY id`);
    expect(after).toEqual(before);
    const summary = (await as('/api/v1/alerts/summary')).body;
    expect(summary.byStatus).toMatchObject({ confirmed: 1, superseded: siblings.length });
  });
});
