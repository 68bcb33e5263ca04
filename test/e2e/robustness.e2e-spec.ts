import fc from 'fast-check';
import { DataSource } from 'typeorm';
import { missingReport, suspectedVictim } from '../factories/records.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/** Whatever a client sends, the answer is a 2xx or a 4xx in the one error shape — never a 500. */
describe('robustness: arbitrary bodies never cause a 500', () => {
  let t: TestApp;
  let submitter: string;

  beforeAll(async () => {
    t = await startTestApp();
    submitter = await t.key(['submitter']);
  });
  afterAll(async () => t.close());

  const anyValue = fc.oneof(
    fc.string(),
    fc.string({ unit: 'grapheme' }),
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.array(fc.string(), { maxLength: 3 }),
    fc.dictionary(fc.string(), fc.string(), { maxKeys: 3 }),
    fc.array(fc.dictionary(fc.constantFrom('type', 'bodyRegion', 'side', 'description', 'number', 'country', 'lat'), fc.oneof(fc.string(), fc.integer(), fc.constant(null))), { maxLength: 3 }),
  );

  it.each([
    ['missing-reports', missingReport()],
    ['suspected-victims', suspectedVictim()],
  ])('%s: valid records with fields replaced by arbitrary values', async (path, base) => {
    const keys = Object.keys(base);
    await fc.assert(
      fc.asyncProperty(fc.dictionary(fc.constantFrom(...keys, 'unknownField'), anyValue, { maxKeys: 4 }), async (changes) => {
        const body = { ...base, ...changes, sourceRecordId: typeof changes.sourceRecordId === 'string' ? changes.sourceRecordId : `FUZZ-${Math.random()}` };
        const res = await t.http.post(`/api/v1/${path}`).set('Authorization', `Bearer ${submitter}`).send(body);
        expect([200, 201, 400]).toContain(res.status);
        if (res.status === 400) {
          expect(res.body).toMatchObject({ statusCode: 400, error: 'Bad Request', message: expect.any(String) });
          for (const e of res.body.errors) expect(e).toEqual({ field: expect.any(String), reason: expect.any(String) });
        }
      }),
      { numRuns: 150 },
    );
  });

  it('batches of arbitrary items', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.oneof(anyValue, fc.constant(suspectedVictim())), { minLength: 1, maxLength: 5 }), async (records) => {
        const res = await t.http.post('/api/v1/suspected-victims/batch').set('Authorization', `Bearer ${submitter}`).send({ records });
        expect(res.status).toBe(200);
        expect(res.body.results).toHaveLength(records.length);
      }),
      { numRuns: 50 },
    );
  });

  it('every stored record is readable and whole', async () => {
    const ds = t.app.get(DataSource);
    const [{ incomplete }] = await ds.query(
      `SELECT count(*)::int AS incomplete FROM person_records r WHERE NOT EXISTS (SELECT 1 FROM record_versions v WHERE v.record_id = r.id AND v.version = r.version)`,
    );
    expect(incomplete).toBe(0);
  });
});
