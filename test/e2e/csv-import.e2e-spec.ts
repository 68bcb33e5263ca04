import { DataSource } from 'typeorm';
import { startTestApp, type TestApp } from '../support/test-app.js';

const HEADER =
  'sourceRecordId,givenNames,firstSurname,secondSurname,sex,languages,heightCm,dateOfBirth,lastSeenDate,lastSeenPlace.country,lastSeenPlace.admin1Code,mark1.type,mark1.bodyRegion,mark1.side,mark1.description,document1.type,document1.number';

describe('CSV import (HTTP, real PostgreSQL)', () => {
  let t: TestApp;
  let submitter: string;
  let investigator: string;

  beforeAll(async () => {
    t = await startTestApp();
    submitter = await t.key(['submitter'], 'Comisión Estatal de Búsqueda de Oaxaca', 'MX');
    investigator = await t.key(['investigator']);
  });
  afterAll(async () => t.close());

  const upload = (file: Buffer, fields: Record<string, string> = { kind: 'missing_report' }, key = submitter) => {
    const req = t.http.post('/api/v1/imports').set('Authorization', `Bearer ${key}`);
    for (const [name, value] of Object.entries(fields)) req.field(name, value);
    return req.attach('file', file, { filename: 'registros.csv', contentType: 'text/csv' });
  };
  const read = async (id: string) => (await t.http.get(`/api/v1/missing-reports/${id}`).set('Authorization', `Bearer ${investigator}`)).body;

  it('imports good rows and reports bad ones by row, line and column', async () => {
    const csv = [
      HEADER,
      'CSV-1,José Luis,Hernández,Pérez,male,Español|Mam,168,1990-02-11,2026-01-20,GT,13,tattoo,forearm,left,"virgen de Guadalupe, ""Mamá""",CURP,GARS700923HSPLXL06',
      'CSV-2,Ana,López,,female,,alto,1995,2026-02-01,MX,07,,,,,,',
      'CSV-3,Rosa,Coc,Caal,female,Q\'eqchi\',150,2001,2026-02-03,GT,16,scar,hand,right,quemadura,,',
      'CSV-4,Pedro,Us,,male,,160,2000,2026-02-03,GT,16,tatuaje,hand,,x,,',
      'CSV-5,Too,Many,Cells,male,,160,2000,2026-02-03,GT,16,,,,,,,extra',
    ].join('\r\n');
    const res = await upload(Buffer.from(csv, 'utf8'));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ kind: 'missing_report', encoding: 'utf-8', delimiter: ',', rows: 5 });
    expect(res.body.summary).toEqual({ created: 2, updated: 0, unchanged: 0, failed: 3 });
    const [r1, r2, r3, r4, r5] = res.body.results;
    expect(r1).toMatchObject({ row: 1, line: 2, result: 'created' });
    expect(r2).toMatchObject({ row: 2, line: 3, result: 'failed', errors: [{ field: 'heightCm', reason: 'must be a number' }] });
    expect(r3).toMatchObject({ row: 3, result: 'created' });
    expect(r4.errors).toEqual([{ field: 'mark1.type', reason: expect.stringMatching(/must be one of/) }]);
    expect(r5.errors).toEqual([{ field: 'row', reason: 'has 18 cells; the header has 17' }]);

    const stored = await read(r1.id);
    expect(stored).toMatchObject({
      givenNames: 'José Luis',
      firstSurname: 'Hernández',
      languages: ['Español', 'Mam'],
      languageCodes: ['spa', 'mam'],
      marks: [{ type: 'tattoo', bodyRegion: 'forearm', side: 'left', description: 'virgen de Guadalupe, "Mamá"' }],
      documents: [{ type: 'CURP', number: 'GARS700923HSPLXL06', checkDigitValid: true }],
      lastSeenPlace: { country: 'GT', admin1Code: '13' },
    });
    expect((await read(r3.id)).languages).toEqual(["Q'eqchi'"]);

    const again = await upload(Buffer.from(csv, 'utf8'));
    expect(again.body.summary).toEqual({ created: 0, updated: 0, unchanged: 2, failed: 3 });
  });

  it('reads Latin-1 (Windows-1252) files, with semicolons, as spreadsheets export them', async () => {
    const csv = 'sourceRecordId;givenNames;firstSurname;languages\r\nL1-1;Begoña;Peña;K’iche’\r\nL1-2;Ixchel;Ajú;Español\r\n';
    const bytes = Buffer.from(
      csv.replace(/’/g, '\x92'), // Windows-1252's typographic apostrophe
      'latin1',
    );
    const res = await upload(bytes);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ encoding: 'windows-1252', delimiter: ';', summary: { created: 2 } });
    const first = await read(res.body.results[0].id);
    expect(first).toMatchObject({ givenNames: 'Begoña', firstSurname: 'Peña', languages: ['K’iche’'], languageCodes: ['quc'] });
    expect((await read(res.body.results[1].id)).firstSurname).toBe('Ajú');
  });

  it('honours an explicit encoding and a UTF-8 byte-order mark', async () => {
    const res = await upload(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('sourceRecordId,givenNames\nBOM-1,Núñez\n', 'utf8')]), {
      kind: 'missing_report',
      encoding: 'utf-8',
    });
    expect(res.status).toBe(200);
    expect((await read(res.body.results[0].id)).givenNames).toBe('Núñez');
  });

  it('refuses an unknown column before storing anything', async () => {
    const ds = t.app.get(DataSource);
    const [{ n: before }] = await ds.query('SELECT count(*)::int AS n FROM person_records');
    const res = await upload(Buffer.from('sourceRecordId,givenNames,apodo\nX-1,Juan,Chepe\n'));
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([{ field: 'column "apodo"', reason: 'is not a known column for missing_report' }]);
    const [{ n: after }] = await ds.query('SELECT count(*)::int AS n FROM person_records');
    expect(after).toBe(before);
  });

  it.each([
    ['no kind', {}, 'kind'],
    ['an unknown kind', { kind: 'victims' }, 'kind'],
    ['an unknown encoding', { kind: 'missing_report', encoding: 'utf-16' }, 'encoding'],
    ['an unknown field', { kind: 'missing_report', folder: 'x' }, 'folder'],
  ])('400 for %s', async (_name, fields, field) => {
    const res = await upload(Buffer.from('sourceRecordId\nA\n'), fields as Record<string, string>);
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
  });

  it('400 without a file, 400 for an empty file; a row with an unclosed quote fails alone', async () => {
    const noFile = await t.http.post('/api/v1/imports').set('Authorization', `Bearer ${submitter}`).field('kind', 'missing_report');
    expect(noFile.status).toBe(400);
    expect(noFile.body.errors[0].field).toBe('file');
    const empty = await upload(Buffer.alloc(0));
    expect(empty.status).toBe(400);
    expect(empty.body.errors[0]).toEqual({ field: 'file', reason: 'is empty; it needs a header row' });
    const broken = await upload(Buffer.from('sourceRecordId,givenNames\nQ-1,Ana\nQ-2,"Juan\n'));
    expect(broken.status).toBe(200);
    expect(broken.body.summary).toEqual({ created: 1, updated: 0, unchanged: 0, failed: 1 });
    expect(broken.body.results[1]).toMatchObject({ row: 2, result: 'failed', errors: [{ field: 'row', reason: 'has a quote that is never closed' }] });
  });

  it('415 when the body is not multipart, 403 for an investigator', async () => {
    const json = await t.http.post('/api/v1/imports').set('Authorization', `Bearer ${submitter}`).send({ kind: 'missing_report' });
    expect(json.status).toBe(415);
    const forbidden = await upload(Buffer.from('sourceRecordId\nA\n'), { kind: 'missing_report' }, investigator);
    expect(forbidden.status).toBe(403);
  });

  it('imports suspected-victim rows', async () => {
    const csv = 'sourceRecordId,condition,sex,estimatedAgeMin,estimatedAgeMax,foundDate,foundPlace.country,foundPlace.admin1Code,mark1.type,mark1.bodyRegion,mark1.description\nSV-1,deceased,male,25,35,2026-04-01,MX,30,tattoo,chest,nombre "Chayo"\nSV-2,deceased,male,40,30,2026-04-01,MX,30,,,\n';
    const res = await upload(Buffer.from(csv), { kind: 'suspected_victim' });
    expect(res.status).toBe(200);
    expect(res.body.summary).toEqual({ created: 1, updated: 0, unchanged: 0, failed: 1 });
    expect(res.body.results[1].errors).toEqual([{ field: 'estimatedAgeMin', reason: 'must not be greater than estimatedAgeMax' }]);
  });
});
