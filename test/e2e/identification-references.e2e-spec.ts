import { DataSource } from 'typeorm';
import { missingReport, suspectedVictim } from '../factories/records.js';
import { alertRaiser } from '../support/alerts.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/** Identification references on records, and the queue ranking of pairs the forensic side can compare. */
describe('identification references on records', () => {
  let t: TestApp;
  let ds: DataSource;
  let submitter: string;
  const post = (path: string, body: object) => t.http.post(path).set('Authorization', `Bearer ${submitter}`).send(body);

  beforeAll(async () => {
    t = await startTestApp();
    ds = t.app.get(DataSource);
    submitter = await t.key(['submitter'], 'Comisión de Búsqueda', 'MX');
  });
  afterAll(async () => t.close());

  it('stores and shows them as sent; a resubmission without them is unchanged', async () => {
    const report = missingReport({ familyReferenceSamples: true, fingerprintRecordIds: ['INE-AFIS-778812'] });
    const created = await post('/api/v1/missing-reports', report);
    expect(created.status).toBe(201);
    expect(created.body.record).toMatchObject({ familyReferenceSamples: true, fingerprintRecordIds: ['INE-AFIS-778812'] });
    const victim = await post('/api/v1/suspected-victims', suspectedVictim({ dnaSampleTaken: true }));
    expect(victim.body.record).toMatchObject({ dnaSampleTaken: true, fingerprintRecordIds: null });
    const plain = missingReport();
    const first = await post('/api/v1/missing-reports', plain);
    expect(first.body.record).toMatchObject({ familyReferenceSamples: null, fingerprintRecordIds: null });
    expect((await post('/api/v1/missing-reports', plain)).body.result).toBe('unchanged');
  });

  it('refuses bad values naming each field', async () => {
    const res = await post('/api/v1/missing-reports', missingReport({ familyReferenceSamples: 'sí', fingerprintRecordIds: [''], dnaSampleTaken: true }));
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual(
      expect.arrayContaining([
        { field: 'familyReferenceSamples', reason: 'must be true or false' },
        { field: 'fingerprintRecordIds', reason: expect.any(String) },
        { field: 'dnaSampleTaken', reason: 'is not a known field' },
      ]),
    );
  });

  it('ranks a pair both sides of which can be compared forensically higher in the queue', async () => {
    const raise = await alertRaiser(t);
    const report = (await post('/api/v1/missing-reports', missingReport({ familyReferenceSamples: true }))).body.id;
    const withDna = (await post('/api/v1/suspected-victims', suspectedVictim({ dnaSampleTaken: true }))).body.id;
    const withoutDna = (await post('/api/v1/suspected-victims', suspectedVictim({ dnaSampleTaken: false }))).body.id;
    const prints = (await post('/api/v1/missing-reports', missingReport({ fingerprintRecordIds: ['AFIS-1'] }))).body.id;
    const printsVictim = (await post('/api/v1/suspected-victims', suspectedVictim({ fingerprintRecordIds: ['AFIS-2'] }))).body.id;
    const priority = async (id: string) => (await ds.query(`SELECT priority FROM alerts WHERE id = $1`, [id]))[0].priority as number;
    const comparable = await priority(await raise(report, withDna));
    const notComparable = await priority(await raise(report, withoutDna));
    const byPrints = await priority(await raise(prints, printsVictim));
    expect(comparable - notComparable).toBeCloseTo(15, 3);
    expect(byPrints).toBeCloseTo(comparable, 3);
  });
});
