import { Writable } from 'node:stream';
import { DataSource } from 'typeorm';
import { missingReport, suspectedVictim } from '../factories/records.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

describe('intake API (HTTP, real PostgreSQL)', () => {
  let t: TestApp;
  let submitter: string;
  let investigator: string;
  let partner: string;
  const logLines: string[] = [];
  const logStream = new Writable({
    write(chunk, _enc, done) {
      logLines.push(String(chunk));
      done();
    },
  });

  beforeAll(async () => {
    t = await startTestApp({ logStream });
    submitter = await t.key(['submitter'], 'Comisión de Búsqueda de Personas de Chiapas', 'MX');
    // Investigators read the records of their own country: the submitter here is Mexican.
    investigator = await t.key(['investigator'], 'Fiscalía contra la Trata', 'MX');
    partner = await t.key(['partner'], 'Registro Nacional', 'MX');
  });
  afterAll(async () => t.close());

  const post = (path: string, key: string, body: unknown) =>
    t.http.post(path).set('Authorization', `Bearer ${key}`).send(body as object);
  const get = (path: string, key: string) => t.http.get(path).set('Authorization', `Bearer ${key}`);
  const count = async () => {
    const ds = t.app.get(DataSource);
    const [{ n }] = await ds.query('SELECT count(*)::int AS n FROM person_records');
    return n as number;
  };

  describe('authentication and roles', () => {
    it('health needs no key and reports the database', async () => {
      const res = await t.http.get('/health');
      expect(res.status).toBe(200);
      expect(res.body.info.database.status).toBe('up');
    });

    it('serves the OpenAPI document generated from the code, without a key', async () => {
      const res = await t.http.get('/api/docs-json');
      expect(res.status).toBe(200);
      expect(Object.keys(res.body.paths)).toEqual(
        expect.arrayContaining(['/api/v1/missing-reports', '/api/v1/missing-reports/batch', '/api/v1/suspected-victims/{id}', '/api/v1/imports', '/api/v1/api-keys', '/health']),
      );
      const report = res.body.components.schemas.MissingReportInputDto;
      expect(report.required).toContain('sourceRecordId');
      expect(Object.keys(report.properties)).toEqual(expect.arrayContaining(['givenNames', 'marks', 'documents', 'lastSeenPlace', 'dateOfBirth']));
      expect(res.body.components.schemas.MarkDto.properties.side.enum).toEqual(['left', 'right', 'center']);
    });

    it.each([
      ['no header', undefined],
      ['not a bearer', 'Basic abc'],
      ['unknown key', 'Bearer cbmp_0000000000000000_AAAAAAAAAAAAAAAAAAAAAAAA'],
      ['malformed key', 'Bearer hello'],
    ])('401 with %s', async (_name, header) => {
      const req = t.http.post('/api/v1/missing-reports').send(missingReport());
      if (header) req.set('Authorization', header);
      const res = await req;
      expect(res.status).toBe(401);
      expect(res.body).toMatchObject({ statusCode: 401, error: 'Unauthorized', errors: [{ field: 'Authorization' }] });
    });

    it.each([
      ['an investigator writes a report', 'investigator', 'post', '/api/v1/missing-reports'],
      ['a submitter reads the alert queue', 'submitter', 'get', '/api/v1/alerts'],
      ['a partner reads the list', 'partner', 'get', '/api/v1/suspected-victims'],
      ['a submitter creates a key', 'submitter', 'post', '/api/v1/api-keys'],
    ])('403 when %s', async (_name, who, method, path) => {
      const key = { investigator, submitter, partner }[who as 'investigator']!;
      const res = method === 'post' ? await post(path, key, {}) : await get(path, key);
      expect(res.status).toBe(403);
      expect(res.body.message).toMatch(/needs one of the roles/);
    });

    it('partners and admins may write records', async () => {
      expect((await post('/api/v1/suspected-victims', partner, suspectedVictim())).status).toBe(201);
      expect((await post('/api/v1/suspected-victims', t.adminKey, suspectedVictim())).status).toBe(201);
    });

    it('refuses an API key request with an unknown role, naming the field', async () => {
      const res = await post('/api/v1/api-keys', t.adminKey, { organization: 'X', country: 'MX', roles: ['root'] });
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([{ field: 'roles', reason: expect.stringMatching(/admin, submitter, investigator, partner/) }]);
    });

    it('refuses reusing an organization name with another country', async () => {
      const res = await post('/api/v1/api-keys', t.adminKey, { organization: 'Registro Nacional', country: 'GT', roles: ['partner'], scopes: ['records:read'] });
      expect(res.status).toBe(409);
      expect(res.body.errors[0].field).toBe('country');
    });
  });

  describe('create, update, unchanged', () => {
    it('stores text exactly as sent and returns it', async () => {
      const body = missingReport({ givenNames: 'Ixchel Añil', firstSurname: 'Peña', secondSurname: "Q'eqchi' Ajú" });
      const created = await post('/api/v1/missing-reports', submitter, body);
      expect(created.status).toBe(201);
      expect(created.body.result).toBe('created');
      const read = await get(`/api/v1/missing-reports/${created.body.id}`, investigator);
      expect(read.status).toBe(200);
      for (const field of ['givenNames', 'firstSurname', 'secondSurname', 'aliases', 'languages', 'marks', 'circumstances', 'lastSeenPlace', 'dateOfBirth']) {
        expect(read.body[field]).toEqual(body[field]);
      }
      expect(read.body).toMatchObject({ kind: 'missing_report', country: 'MX', version: 1, nameSource: 'parts', languageCodes: ['quc', 'spa'] });
      // Nested objects come back with their keys in the order sent (documented order), not jsonb's.
      expect(Object.keys(read.body.marks[0])).toEqual(Object.keys((body.marks as object[])[0]));
      expect(Object.keys(read.body.lastSeenPlace)).toEqual(Object.keys(body.lastSeenPlace as object));
      expect(read.body.documents[0]).toMatchObject({ type: 'DPI', number: '1234 56789 0101', normalizedNumber: '1234567890101', checkDigitValid: true });
    });

    it('same body twice: unchanged, same id; a change: updated with a new version and the old one kept', async () => {
      const body = missingReport();
      const first = await post('/api/v1/missing-reports', submitter, body);
      const again = await post('/api/v1/missing-reports', submitter, body);
      expect(again.status).toBe(200);
      expect(again.body).toMatchObject({ id: first.body.id, result: 'unchanged' });
      expect(again.body.record.version).toBe(1);

      const changed = await post('/api/v1/missing-reports', submitter, { ...body, heightCm: 155 });
      expect(changed.body).toMatchObject({ id: first.body.id, result: 'updated' });
      expect(changed.body.record).toMatchObject({ version: 2, heightCm: 155 });

      const versions = await get(`/api/v1/missing-reports/${first.body.id}/versions`, investigator);
      expect(versions.body.map((v: { version: number; changeType: string }) => [v.version, v.changeType])).toEqual([
        [1, 'created'],
        [2, 'updated'],
      ]);
      const v1 = await get(`/api/v1/missing-reports/${first.body.id}/versions/1`, investigator);
      expect(v1.body).toMatchObject({ version: 1, heightCm: 152 });
      expect((await get(`/api/v1/missing-reports/${first.body.id}/versions/3`, investigator)).status).toBe(404);
    });

    it('the same sourceRecordId from another organization is another record', async () => {
      const other = await t.key(['submitter'], 'Albergue Belén', 'MX');
      const body = missingReport();
      const a = await post('/api/v1/missing-reports', submitter, body);
      const b = await post('/api/v1/missing-reports', other, body);
      expect(b.body.result).toBe('created');
      expect(b.body.id).not.toBe(a.body.id);
    });

    it('two identical creates at once give one record', async () => {
      const body = missingReport();
      const results = await Promise.all([1, 2, 3].map(() => post('/api/v1/missing-reports', submitter, body)));
      expect(new Set(results.map((r) => r.body.id)).size).toBe(1);
      expect(results.map((r) => r.body.result).sort()).toEqual(['created', 'unchanged', 'unchanged']);
    });

    it('splits a full name and keeps the original', async () => {
      const res = await post('/api/v1/missing-reports', submitter, {
        sourceRecordId: `FN-${Date.now()}`,
        fullName: 'Juan de la Cruz Pérez',
      });
      expect(res.status).toBe(201);
      expect(res.body.record).toMatchObject({
        fullName: 'Juan de la Cruz Pérez',
        givenNames: 'Juan',
        firstSurname: 'de la Cruz',
        secondSurname: 'Pérez',
        nameSource: 'full_name',
        sex: 'unknown',
      });
    });

    it('keeps an invalid CURP and flags it instead of refusing it', async () => {
      const res = await post('/api/v1/missing-reports', submitter, missingReport({ documents: [{ type: 'CURP', number: 'SABC560626MDFLRN09' }] }));
      expect(res.status).toBe(201);
      expect(res.body.record.documents[0]).toMatchObject({ number: 'SABC560626MDFLRN09', checkDigitValid: false, checkProblem: expect.any(String) });
    });

    it('a victim record uses the registering organization country by default', async () => {
      const gtSubmitter = await t.key(['submitter'], 'Procuraduría General de la Nación', 'GT');
      const res = await post('/api/v1/suspected-victims', gtSubmitter, suspectedVictim());
      expect(res.body.record).toMatchObject({ country: 'GT', condition: 'alive', estimatedAgeMin: 17, estimatedAgeMax: 22 });
    });
  });

  describe('bad input: one error shape, nothing written', () => {
    it.each([
      ['an unknown field', missingReport({ apodo: 'Chepe' }), 'apodo'],
      ['a future date', missingReport({ lastSeenDate: '2099-01-01' }), 'lastSeenDate'],
      ['a bad nested field', missingReport({ marks: [{ type: 'tattoo', bodyRegion: 'forearm', side: 'izq', description: 'x' }] }), 'marks[0].side'],
      ['an unknown region code', missingReport({ lastSeenPlace: { country: 'GT', admin1Code: '99' } }), 'lastSeenPlace.admin1Code'],
    ])('400 for %s', async (_name, body, field) => {
      const before = await count();
      const res = await post('/api/v1/missing-reports', submitter, body);
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ statusCode: 400, error: 'Bad Request', message: expect.any(String) });
      expect(res.body.errors).toContainEqual({ field, reason: expect.any(String) });
      expect(await count()).toBe(before);
    });

    it('400 for a body that is not JSON', async () => {
      const res = await t.http
        .post('/api/v1/missing-reports')
        .set('Authorization', `Bearer ${submitter}`)
        .set('Content-Type', 'application/json')
        .send('{"sourceRecordId": ');
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([{ field: 'body', reason: 'is not valid JSON' }]);
    });

    it('400 for a JSON array instead of an object', async () => {
      const res = await post('/api/v1/missing-reports', submitter, [missingReport()]);
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([{ field: 'body', reason: 'must be a JSON object' }]);
    });

    it('415 for a wrong content type', async () => {
      const res = await t.http
        .post('/api/v1/missing-reports')
        .set('Authorization', `Bearer ${submitter}`)
        .set('Content-Type', 'text/plain')
        .send('sourceRecordId=1');
      expect(res.status).toBe(415);
      expect(res.body).toMatchObject({ statusCode: 415, errors: [{ field: 'Content-Type', reason: 'must be application/json' }] });
    });

    it('413 for a body over the limit', async () => {
      const before = await count();
      const res = await post('/api/v1/missing-reports', submitter, missingReport({ circumstances: 'x'.repeat(6 * 1024 * 1024) }));
      expect(res.status).toBe(413);
      expect(res.body).toMatchObject({ statusCode: 413, errors: [{ field: 'body', reason: 'is too large' }] });
      expect(await count()).toBe(before);
    });

    it('400 for a malformed id, 404 for an unknown one', async () => {
      const bad = await get('/api/v1/missing-reports/not-a-uuid', investigator);
      expect(bad.status).toBe(400);
      expect(bad.body.errors).toEqual([{ field: 'id', reason: 'must be a UUID' }]);
      const unknown = await get('/api/v1/missing-reports/5f0c6c9e-7d38-4b8e-9d55-1c1a0e0b1f00', investigator);
      expect(unknown.status).toBe(404);
    });

    it('a victim id is not found as a missing report', async () => {
      const victim = await post('/api/v1/suspected-victims', submitter, suspectedVictim());
      expect((await get(`/api/v1/missing-reports/${victim.body.id}`, investigator)).status).toBe(404);
    });
  });

  describe('batch', () => {
    it('stores the valid items, reports the bad ones, in order', async () => {
      const good1 = suspectedVictim();
      const bad = suspectedVictim({ estimatedAgeMin: 40, estimatedAgeMax: 30 });
      const good2 = suspectedVictim({ condition: 'deceased' });
      const before = await count();
      const res = await post('/api/v1/suspected-victims/batch', submitter, { records: [good1, bad, good2, 'nonsense', good1] });
      expect(res.status).toBe(200);
      expect(res.body.results.map((r: { index: number; result: string }) => [r.index, r.result])).toEqual([
        [0, 'created'],
        [1, 'failed'],
        [2, 'created'],
        [3, 'failed'],
        [4, 'unchanged'],
      ]);
      expect(res.body.results[1].errors).toEqual([{ field: 'estimatedAgeMin', reason: 'must not be greater than estimatedAgeMax' }]);
      expect(res.body.results[3].errors).toEqual([{ field: 'body', reason: 'must be a JSON object' }]);
      expect(res.body.results[4].id).toBe(res.body.results[0].id);
      expect(res.body.summary).toEqual({ created: 2, updated: 0, unchanged: 1, failed: 2 });
      expect(await count()).toBe(before + 2);
    });

    it.each([
      ['no records field', {}, 'records'],
      ['records not a list', { records: {} }, 'records'],
      ['an empty list', { records: [] }, 'records'],
      ['an unknown envelope field', { records: [suspectedVictim()], extra: 1 }, 'extra'],
      ['more than 1000 records', { records: Array.from({ length: 1001 }, () => ({ sourceRecordId: 'x', condition: 'alive' })) }, 'records'],
    ])('400 for %s', async (_name, body, field) => {
      const res = await post('/api/v1/suspected-victims/batch', submitter, body);
      expect(res.status).toBe(400);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    });

    it('applies repeated sourceRecordIds within one batch in order', async () => {
      const first = suspectedVictim({ heightCm: 150 });
      const res = await post('/api/v1/suspected-victims/batch', submitter, {
        records: [first, { ...first, heightCm: 151 }, { ...first, heightCm: 151 }, { ...first, heightCm: 152 }],
      });
      expect(res.body.results.map((r: { result: string }) => r.result)).toEqual(['created', 'updated', 'unchanged', 'updated']);
      const stored = await get(`/api/v1/suspected-victims/${res.body.results[0].id}`, investigator);
      expect(stored.body).toMatchObject({ version: 3, heightCm: 152 });
    });

    it('two batches racing on the same records create each record once', async () => {
      const records = Array.from({ length: 60 }, () => suspectedVictim());
      const before = await count();
      const [a, b] = await Promise.all([
        post('/api/v1/suspected-victims/batch', submitter, { records }),
        post('/api/v1/suspected-victims/batch', submitter, { records }),
      ]);
      expect(a.status).toBe(200);
      expect(b.status).toBe(200);
      expect(await count()).toBe(before + 60);
      const results = [...a.body.results, ...b.body.results].map((r: { result: string }) => r.result);
      expect(results.filter((r) => r === 'created')).toHaveLength(60);
      expect(results.filter((r) => r === 'unchanged')).toHaveLength(60);
      a.body.results.forEach((r: { id: string }, i: number) => expect(b.body.results[i].id).toBe(r.id));
    });

    it('takes 1,000 records in one call', async () => {
      const records = Array.from({ length: 1000 }, (_, i) => suspectedVictim({ sourceRecordId: `BULK-${i}` }));
      const res = await post('/api/v1/suspected-victims/batch', submitter, { records });
      expect(res.status).toBe(200);
      expect(res.body.summary.created).toBe(1000);
    });
  });

  describe('lists', () => {
    it('filters by country and pages with a cursor without gaps or repeats', async () => {
      const gt = await t.key(['submitter'], 'Secretaría contra la Violencia Sexual, Explotación y Trata', 'GT');
      const gtInvestigator = await t.key(['investigator'], 'Ministerio Público de Guatemala', 'GT');
      const ids: string[] = [];
      for (let i = 0; i < 7; i++) ids.push((await post('/api/v1/missing-reports', gt, missingReport())).body.id);
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const res = await get(`/api/v1/missing-reports?country=GT&limit=3${cursor ? `&cursor=${cursor}` : ''}`, gtInvestigator);
        expect(res.status).toBe(200);
        expect(res.body.items.length).toBeLessThanOrEqual(3);
        for (const item of res.body.items) {
          expect(item.country).toBe('GT');
          seen.push(item.id);
        }
        cursor = res.body.nextCursor;
      } while (cursor);
      expect(seen).toEqual(ids);
    });

    it('updatedSince leaves out older changes', async () => {
      const since = new Date(Date.now() + 1000).toISOString();
      const res = await get(`/api/v1/missing-reports?updatedSince=${since}`, investigator);
      expect(res.body.items).toEqual([]);
      expect(res.body.nextCursor).toBeNull();
    });

    it.each([
      ['country=US', 'country'],
      ['limit=0', 'limit'],
      ['limit=abc', 'limit'],
      ['updatedSince=yesterday', 'updatedSince'],
      ['cursor=abc', 'cursor'],
      ['name=Juan', 'name'],
    ])('400 for ?%s', async (query, field) => {
      const res = await get(`/api/v1/missing-reports?${query}`, investigator);
      expect(res.status).toBe(400);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    });
  });

  describe('audit and logs', () => {
    it('audits creation and reads with ids only', async () => {
      const body = missingReport({ givenNames: 'Audelina' });
      const created = await post('/api/v1/missing-reports', submitter, body);
      await get(`/api/v1/missing-reports/${created.body.id}`, investigator);
      const rows = await t.app.get(DataSource).query('SELECT action, details::text AS details FROM audit_log WHERE entity_id = $1 ORDER BY id', [created.body.id]);
      expect(rows.map((r: { action: string }) => r.action)).toEqual(['record.created', 'record.read']);
      expect(rows.map((r: { details: string }) => r.details).join(' ')).not.toMatch(/Audelina|Peña/);
    });

    it('never writes names, document numbers or free text to the log', async () => {
      await post('/api/v1/missing-reports', submitter, missingReport({ givenNames: 'Zacarías Xquic', documents: [{ type: 'CURP', number: 'GARS700923HSPLXL06' }] }));
      await post('/api/v1/missing-reports', submitter, missingReport({ givenNames: 'Zacarías Xquic', heightCm: 'alto' }));
      await get('/api/v1/missing-reports?cursor=Zacarias', investigator);
      const log = logLines.join('');
      expect(log).toContain('"statusCode":201');
      expect(log).not.toMatch(/Zacar|Xquic|GARS700923|Lupita|Tecún|cbmp_[0-9a-f]{16}_/);
    });
  });
});
