import { DataSource } from 'typeorm';
import { StatisticsScheduler } from '../../src/statistics/statistics-scheduler.js';
import { StatisticsSnapshotsService } from '../../src/statistics/statistics-snapshots.service.js';
import { StatisticsService } from '../../src/statistics/statistics.service.js';
import type { Dimension, Measure } from '../../src/statistics/definitions.js';
import { missingReport, suspectedVictim } from '../factories/records.js';
import { alertRaiser } from '../support/alerts.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * Statistics over HTTP on a real PostgreSQL, on a known data set whose figures are counted by hand below.
 *
 * Reports (all registered before the victim records):
 *   RgA[0..5]  GT commission, female, GT, last seen GT-09 in 2026-03, age 15 (12-17)
 *   RgB[0..2]  GT commission, female, GT, last seen GT-09 in 2026-03, born 2006-04 → 19 (18-29)
 *   RgC        GT commission, male, GT, last seen MX-07 (a border crossing) in 2026-04, age 8 (0-11)
 *   Rm[0..4]   MX commission, male, MX, last seen MX-07 in 2026-04, age 35 (30-44)
 *   D1, D2     the same woman reported by the MX commission (first) and the GT commission: same valid DPI,
 *              GT national, last seen MX-07 in 2026-04, age 25 (18-29)
 *   RgA[0] is updated once (version 2).
 * Victim records:
 *   Va[0..5]   MX forensic service, female, alive, found MX-07 in 2026-05, estimated 14-16 (12-17)
 *   Vd[0..5]   MX forensic service, male, deceased, found MX-30 in 2026-05, estimated 30-40 (30-44)
 *   Vg         GT commission, female, alive, found GT-09 in 2026-06, age unknown
 * Alerts: RgA[i]–Va[i] confirmed (i 0..4, cross-border); RgA[1]–Va[5] superseded by that confirmation;
 *   RgA[5]–Va[5] pending; Rm[i]–Vd[i] confirmed (i 0..4); RgB[1]–Vd[5] rejected (cross-border); RgB[0]–Vg needs_info.
 * People: a confirmed match joins a report and its victim record; D1 and D2 are one person.
 *   16 people reported, 13 suspected victims (5 + 5 of them also reported), 19 people in all, 14 alerts, 10 confirmed.
 */
describe('statistics', () => {
  let t: TestApp;
  let t3: TestApp; // the same database, STATISTICS_MIN_CELL=3
  let ds: DataSource;
  const keys = {} as Record<
    'subGt' | 'subMx' | 'forensicMx' | 'invMx' | 'invGt' | 'partnerStats' | 'partnerAlerts',
    string
  >;
  const recordIds: string[] = [];
  const as = (key: string, app: TestApp = t) => ({
    get: (path: string) => app.http.get(path).set('Authorization', `Bearer ${key}`),
    post: (path: string, body: object = {}) => app.http.post(path).set('Authorization', `Bearer ${key}`).send(body),
  });

  const submit = async (key: string, kind: 'missing-reports' | 'suspected-victims', body: object, expected = 201) => {
    const res = await as(key).post(`/api/v1/${kind}`, body);
    expect(res.status).toBe(expected);
    recordIds.push(res.body.id);
    return res.body.id as string;
  };

  const decide = async (key: string, alertId: string, decision: 'confirmed' | 'rejected' | 'needs_info') => {
    expect((await as(key).post(`/api/v1/alerts/${alertId}/claim`)).status).toBe(200);
    const { evidenceVersion } = (await as(key).get(`/api/v1/alerts/${alertId}`)).body;
    const res = await as(key).post(`/api/v1/alerts/${alertId}/decision`, {
      decision,
      reason: 'Prueba',
      evidenceVersion,
    });
    expect(res.status).toBe(200);
  };

  const alertIds = {} as Record<string, string>;

  beforeAll(async () => {
    t = await startTestApp();
    t3 = await startTestApp({ db: t.db, env: { STATISTICS_MIN_CELL: '3' } });
    ds = t.app.get(DataSource);
    keys.subGt = await t.key(['submitter'], 'Procuraduría General de la Nación', 'GT');
    keys.subMx = await t.key(['submitter'], 'Comisión de Búsqueda de Chiapas', 'MX');
    keys.forensicMx = await t.key(['submitter'], 'Servicio Médico Forense de Veracruz', 'MX');
    keys.invMx = await t.key(['investigator'], 'Fiscalía Especializada en Trata (MX)', 'MX');
    keys.invGt = await t.key(['investigator'], 'Fiscalía contra la Trata (GT)', 'GT');
    keys.partnerStats = await t.key(['partner'], 'Observatorio binacional', 'GT', ['statistics']);
    keys.partnerAlerts = await t.key(['partner'], 'Registro Nacional', 'MX', ['alerts:read', 'records:read']);

    const gt09 = { country: 'GT', admin1Code: '09', admin1: 'Quetzaltenango', municipality: 'Salcajá' };
    const mx07 = { country: 'MX', admin1Code: '07', admin1: 'Chiapas', municipality: 'Tapachula' };
    const mx30 = { country: 'MX', admin1Code: '30', admin1: 'Veracruz', municipality: 'Coatzacoalcos' };
    const RgA: string[] = [];
    const RgB: string[] = [];
    const Rm: string[] = [];
    const Va: string[] = [];
    const Vd: string[] = [];
    const firstReport = missingReport({
      documents: [],
      dateOfBirth: undefined,
      ageAtEvent: 15,
      lastSeenPlace: gt09,
      lastSeenDate: '2026-03-14',
    });
    RgA.push(await submit(keys.subGt, 'missing-reports', firstReport));
    for (let i = 1; i < 6; i++)
      RgA.push(
        await submit(
          keys.subGt,
          'missing-reports',
          missingReport({
            documents: [],
            dateOfBirth: undefined,
            ageAtEvent: 15,
            lastSeenPlace: gt09,
            lastSeenDate: '2026-03-14',
          }),
        ),
      );
    for (let i = 0; i < 3; i++)
      RgB.push(
        await submit(
          keys.subGt,
          'missing-reports',
          missingReport({ documents: [], lastSeenPlace: gt09, lastSeenDate: '2026-03-20' }),
        ),
      );
    await submit(
      keys.subGt,
      'missing-reports',
      missingReport({
        documents: [],
        sex: 'male',
        givenNames: 'Pedro',
        dateOfBirth: undefined,
        ageAtEvent: 8,
        lastSeenPlace: mx07,
        lastSeenDate: '2026-04-02',
      }),
    );
    for (let i = 0; i < 5; i++) {
      Rm.push(
        await submit(
          keys.subMx,
          'missing-reports',
          missingReport({
            documents: [],
            sex: 'male',
            givenNames: 'José',
            nationality: 'MX',
            dateOfBirth: undefined,
            ageAtEvent: 35,
            lastSeenPlace: mx07,
            lastSeenDate: '2026-04-10',
          }),
        ),
      );
    }
    const duplicate = {
      documents: [{ type: 'DPI', number: '1587564440904', issuingCountry: 'GT' }],
      dateOfBirth: undefined,
      ageAtEvent: 25,
      lastSeenPlace: mx07,
      lastSeenDate: '2026-04-20',
    };
    await submit(keys.subMx, 'missing-reports', missingReport(duplicate));
    await submit(keys.subGt, 'missing-reports', missingReport(duplicate));
    // An update is a new version of the same record: same id, "updated".
    const update = await as(keys.subGt).post('/api/v1/missing-reports', { ...firstReport, heightCm: 153 });
    expect([update.status, update.body.result, update.body.id, update.body.record.version]).toEqual([
      200,
      'updated',
      RgA[0],
      2,
    ]);

    for (let i = 0; i < 6; i++)
      Va.push(
        await submit(
          keys.forensicMx,
          'suspected-victims',
          suspectedVictim({ estimatedAgeMin: 14, estimatedAgeMax: 16, foundPlace: mx07, foundDate: '2026-05-02' }),
        ),
      );
    for (let i = 0; i < 6; i++) {
      Vd.push(
        await submit(
          keys.forensicMx,
          'suspected-victims',
          suspectedVictim({
            sex: 'male',
            condition: 'deceased',
            estimatedAgeMin: 30,
            estimatedAgeMax: 40,
            foundPlace: mx30,
            foundDate: '2026-05-10',
          }),
        ),
      );
    }
    const Vg = await submit(
      keys.subGt,
      'suspected-victims',
      suspectedVictim({
        estimatedAgeMin: undefined,
        estimatedAgeMax: undefined,
        foundPlace: gt09,
        foundDate: '2026-06-01',
      }),
    );

    const raise = await alertRaiser(t);
    for (let i = 0; i < 5; i++) alertIds[`conf${i}`] = await raise(RgA[i], Va[i]);
    alertIds.sup = await raise(RgA[1], Va[5]);
    alertIds.pend = await raise(RgA[5], Va[5]);
    for (let i = 0; i < 5; i++) alertIds[`m${i}`] = await raise(Rm[i], Vd[i]);
    alertIds.rej = await raise(RgB[1], Vd[5]);
    alertIds.ni = await raise(RgB[0], Vg);
    // Known waiting times: alerts raised 1–5 days (cross-border confirmations), 10 days (MX confirmations) and
    // 7 days (the rejected and the needs_info one) before their decision.
    const shiftAlert = (id: string, days: number) =>
      ds.query(`UPDATE alerts SET created_at = created_at - make_interval(days => $2) WHERE id = $1`, [id, days]);
    for (let i = 0; i < 5; i++) await shiftAlert(alertIds[`conf${i}`], i + 1);
    for (let i = 0; i < 5; i++) await shiftAlert(alertIds[`m${i}`], 10);
    await shiftAlert(alertIds.rej, 7);
    await shiftAlert(alertIds.ni, 7);
    // Known report ages at confirmation: RgA registered 10, 20, 30, 40, 50 days before; Rm 2, 4, 6, 8, 100.
    const shiftRecord = (id: string, days: number) =>
      ds.query(`UPDATE person_records SET created_at = created_at - make_interval(days => $2) WHERE id = $1`, [
        id,
        days,
      ]);
    for (let i = 0; i < 5; i++) await shiftRecord(RgA[i], 10 * (i + 1));
    for (const [i, days] of [2, 4, 6, 8, 100].entries()) await shiftRecord(Rm[i], days);

    for (let i = 0; i < 5; i++) await decide(keys.invMx, alertIds[`conf${i}`], 'confirmed');
    for (let i = 0; i < 5; i++) await decide(keys.invMx, alertIds[`m${i}`], 'confirmed');
    await decide(keys.invMx, alertIds.rej, 'rejected');
    await decide(keys.invGt, alertIds.ni, 'needs_info');
    const statuses = await ds.query(`SELECT status, count(*)::int AS n FROM alerts GROUP BY status ORDER BY status`);
    expect(statuses).toEqual([
      { status: 'confirmed', n: 10 },
      { status: 'needs_info', n: 1 },
      { status: 'pending', n: 1 },
      { status: 'rejected', n: 1 },
      { status: 'superseded', n: 1 },
    ]);
  });
  afterAll(async () => {
    await t3.close();
    await t.close();
  });

  describe('every measure and dimension on the known data set (before suppression)', () => {
    // [measure, dimension or null for the total, expected counts (or medians) per value, counted by hand above]
    const cases: [Measure, Dimension | null, Record<string, number>][] = [
      ['people_reported', null, { '': 16 }],
      ['people_reported', 'country', { GT: 10, MX: 6 }],
      ['people_reported', 'region', { 'GT-09': 9, 'MX-07': 7 }],
      ['people_reported', 'sex', { female: 10, male: 6 }],
      ['people_reported', 'ageGroup', { '0-11': 1, '12-17': 6, '18-29': 4, '30-44': 5 }],
      ['people_reported', 'month', { '2026-03': 9, '2026-04': 7 }],
      ['people_reported', 'kind', { missing_report: 16 }],
      ['people_reported', 'condition', { alive: 5, deceased: 5, not_located: 6 }],
      ['people_reported', 'crossBorder', { true: 7, false: 9 }],
      ['suspected_victims', null, { '': 13 }],
      ['suspected_victims', 'condition', { alive: 7, deceased: 6 }],
      ['suspected_victims', 'region', { 'MX-07': 6, 'MX-30': 6, 'GT-09': 1 }],
      ['suspected_victims', 'country', { MX: 12, GT: 1 }],
      ['suspected_victims', 'sex', { female: 7, male: 6 }],
      ['suspected_victims', 'ageGroup', { '12-17': 6, '30-44': 6, unknown: 1 }],
      ['suspected_victims', 'month', { '2026-05': 12, '2026-06': 1 }],
      ['suspected_victims', 'crossBorder', { true: 5, false: 8 }],
      ['suspected_victims', 'kind', { suspected_victim: 13 }],
      ['people', null, { '': 19 }],
      ['people', 'kind', { missing_report: 16, suspected_victim: 3 }],
      ['people', 'country', { GT: 11, MX: 8 }],
      ['alerts_raised', null, { '': 14 }],
      ['alerts_raised', 'alertStatus', { confirmed: 10, superseded: 1, pending: 1, rejected: 1, needs_info: 1 }],
      ['alerts_raised', 'crossBorder', { true: 8, false: 6 }],
      ['alerts_raised', 'country', { GT: 9, MX: 5 }],
      ['alerts_raised', 'region', { 'GT-09': 9, 'MX-07': 5 }],
      ['alerts_raised', 'condition', { alive: 8, deceased: 6 }],
      ['alerts_raised', 'sex', { female: 9, male: 5 }],
      ['alerts_raised', 'ageGroup', { '12-17': 7, '18-29': 2, '30-44': 5 }],
      ['alerts_raised', 'month', { '2026-03': 9, '2026-04': 5 }],
      ['confirmed_matches', null, { '': 10 }],
      ['confirmed_matches', 'region', { 'GT-09': 5, 'MX-07': 5 }],
      ['confirmed_matches', 'crossBorder', { true: 5, false: 5 }],
      ['confirmed_matches', 'condition', { alive: 5, deceased: 5 }],
      ['confirmed_matches', 'alertStatus', { confirmed: 10 }],
      ['confirmed_matches', 'ageGroup', { '12-17': 5, '30-44': 5 }],
      ['median_days_to_confirmation', null, { '': 15 }],
      ['median_days_to_confirmation', 'country', { GT: 30, MX: 6, total: 15 }],
      ['median_days_to_review', null, { '': 7 }],
      ['median_days_to_review', 'country', { GT: 4, MX: 10, total: 7 }],
      ['median_days_to_review', 'alertStatus', { confirmed: 7.5, rejected: 7, needs_info: 7, total: 7 }],
    ];
    it.each(cases)('%s by %s', async (measure, dimension, expected) => {
      const rows = await t.app.get(StatisticsService).raw(measure, dimension ? [dimension] : []);
      const median = measure.startsWith('median');
      const actual = Object.fromEntries(rows.map((r) => [r.key.join('/'), median ? r.median : r.n]));
      expect(actual).toEqual(expected);
    });
  });

  describe('GET /api/v1/statistics', () => {
    it('counts people once: an update, a cross-border duplicate and a report with its confirmed victim record', async () => {
      const res = await as(keys.invMx).get('/api/v1/statistics?measure=people');
      expect(res.status).toBe(200);
      // 17 report records (one of them in version 2) + 13 victim records = 30 records; 19 people.
      expect((await ds.query(`SELECT count(*)::int AS n FROM person_records`))[0].n).toBe(30);
      expect(res.body.total).toEqual({ value: 19, suppressed: false });
      expect((await as(keys.invMx).get('/api/v1/statistics?measure=people_reported')).body.total).toEqual({
        value: 16,
        suppressed: false,
      });
    });

    it('publishes cells of at least the threshold, suppresses small ones and one more so the total does not give them away', async () => {
      const res = await as(keys.invGt).get('/api/v1/statistics?measure=people_reported&groupBy=ageGroup');
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        view: 'table',
        measure: 'people_reported',
        groupBy: ['ageGroup'],
        minCellSize: 5,
        cells: [
          { ageGroup: '0-11', value: null, suppressed: true },
          { ageGroup: '12-17', value: 6, suppressed: false },
          { ageGroup: '18-29', value: null, suppressed: true },
          { ageGroup: '30-44', value: 5, suppressed: false },
        ],
        totals: [],
        total: { value: 16, suppressed: false },
      });
      // With a threshold of 3 the 4 in 18-29 is not small, but it is suppressed all the same: otherwise 16 − 6 − 5 − 4 = 1.
      const three = await as(keys.invGt, t3).get('/api/v1/statistics?measure=people_reported&groupBy=ageGroup');
      expect(three.body.minCellSize).toBe(3);
      expect(three.body.cells.map((c: { value: number | null }) => c.value)).toEqual([null, 6, null, 5]);
    });

    it('resists an attacker subtracting published cells from totals (sex × country)', async () => {
      const res = await as(keys.invMx).get('/api/v1/statistics?measure=people_reported&groupBy=sex,country');
      expect(res.status).toBe(200);
      // Truth: female GT 9, female MX 1, male GT 1, male MX 5 (margins GT 10, MX 6, female 10, male 6; total 16).
      expect(res.body.cells).toEqual([
        { sex: 'female', country: 'GT', value: null, suppressed: true },
        { sex: 'female', country: 'MX', value: null, suppressed: true },
        { sex: 'male', country: 'GT', value: null, suppressed: true },
        { sex: 'male', country: 'MX', value: null, suppressed: true },
      ]);
      expect(res.body.totals).toEqual([
        { sex: 'female', country: 'total', value: 10, suppressed: false },
        { sex: 'male', country: 'total', value: 6, suppressed: false },
        { sex: 'total', country: 'GT', value: 10, suppressed: false },
        { sex: 'total', country: 'MX', value: 6, suppressed: false },
      ]);
      expect(res.body.total).toEqual({ value: 16, suppressed: false });

      type Entry = { sex: string; country: string; value: number | null };
      const attack = (entries: Entry[]) => {
        // Every line: a margin and the cells adding up to it. One unknown in a line → it is the difference.
        const known = new Map(
          entries.filter((e) => e.value !== null).map((e) => [`${e.sex}/${e.country}`, e.value as number]),
        );
        const recovered = new Map<string, number>();
        const lines: [string, string[]][] = [
          ['female/total', ['female/GT', 'female/MX']],
          ['male/total', ['male/GT', 'male/MX']],
          ['total/GT', ['female/GT', 'male/GT']],
          ['total/MX', ['female/MX', 'male/MX']],
          ['total/total', ['female/total', 'male/total']],
          ['total/total', ['total/GT', 'total/MX']],
        ];
        for (let progress = true; progress;) {
          progress = false;
          for (const [total, parts] of lines) {
            const unknown = parts.filter((p) => !known.has(p));
            if (!known.has(total) || unknown.length !== 1) continue;
            const value =
              known.get(total)! - parts.filter((p) => p !== unknown[0]).reduce((s, p) => s + known.get(p)!, 0);
            known.set(unknown[0], value);
            recovered.set(unknown[0], value);
            progress = true;
          }
        }
        return recovered;
      };
      const published = [
        ...res.body.cells,
        ...res.body.totals,
        { sex: 'total', country: 'total', value: res.body.total.value },
      ];
      expect(attack(published)).toEqual(new Map());
      // The attacker works: had only the small cells been withheld, the totals would give them away.
      const naive = published.map((e) =>
        e.sex === 'female' && e.country === 'GT'
          ? { ...e, value: 9 }
          : e.sex === 'male' && e.country === 'MX'
            ? { ...e, value: 5 }
            : e,
      );
      expect(attack(naive)).toEqual(
        new Map([
          ['male/GT', 1],
          ['female/MX', 1],
        ]),
      );
    });

    it.each([
      'measure=people&groupBy=region,sex,ageGroup',
      'measure=people_reported&groupBy=region,condition,crossBorder',
      'measure=suspected_victims&groupBy=region,ageGroup',
      'measure=alerts_raised&groupBy=alertStatus,country,condition',
    ])('%s: margins are the sums of the cells, and subtraction recovers no suppressed entry', async (query) => {
      const res = await as(keys.invGt).get(`/api/v1/statistics?${query}`);
      expect(res.status).toBe(200);
      const dims: string[] = res.body.groupBy;
      type Row = Record<string, string | number | boolean | null>;
      const keyOf = (row: Row) => dims.map((d) => row[d]).join('|');
      const grand = Object.fromEntries([
        ...dims.map((d) => [d, 'total']),
        ['value', res.body.total.value],
        ['suppressed', res.body.total.suppressed],
      ]);
      const entries: Row[] = [...res.body.cells, ...res.body.totals, grand];
      const known = new Map(entries.filter((e) => !e.suppressed).map((e) => [keyOf(e), e.value as number]));
      const all = new Set(entries.map(keyOf));
      expect(entries.some((e) => e.suppressed)).toBe(true);
      // Lines: each entry with a "total" along dimension i is the sum of the entries with a value there.
      const lines = new Map<string, { total: string; parts: string[] }>();
      for (const e of entries) {
        dims.forEach((d, i) => {
          if (e[d] === 'total') return;
          const total = dims.map((x, j) => (j === i ? 'total' : e[x])).join('|');
          const line = lines.get(`${i}#${total}`) ?? { total, parts: [] };
          line.parts.push(keyOf(e));
          lines.set(`${i}#${total}`, line);
        });
      }
      for (const { total, parts } of lines.values()) {
        expect(all.has(total)).toBe(true);
        if (known.has(total) && parts.every((p) => known.has(p)))
          expect(parts.reduce((sum, p) => sum + known.get(p)!, 0)).toBe(known.get(total));
      }
      for (let progress = true; progress;) {
        progress = false;
        for (const { total, parts } of lines.values()) {
          const unknown = [total, ...parts].filter((m) => !known.has(m));
          if (unknown.length !== 1) continue;
          throw new Error(`${unknown[0]} can be recovered from ${total} and ${parts.join(', ')}`);
        }
      }
    });

    it('suppresses a median taken over fewer values than the threshold', async () => {
      const res = await as(keys.invMx).get('/api/v1/statistics?measure=median_days_to_review&groupBy=alertStatus');
      expect(res.status).toBe(200);
      expect(res.body.cells).toEqual([
        { alertStatus: 'confirmed', value: 7.5, suppressed: false },
        { alertStatus: 'needs_info', value: null, suppressed: true },
        { alertStatus: 'rejected', value: null, suppressed: true },
      ]);
      expect(res.body.total).toEqual({ value: 7, suppressed: false });
    });

    it('contains no record ids (nor any other id)', async () => {
      for (const path of [
        '/api/v1/statistics?measure=people&groupBy=region,sex,ageGroup',
        '/api/v1/statistics/routes',
        '/api/v1/statistics?measure=confirmed_matches&groupBy=crossBorder&format=csv',
      ]) {
        const res = await as(keys.invMx).get(path);
        expect(res.status).toBe(200);
        const text = res.text;
        for (const id of recordIds) expect(text).not.toContain(id);
        expect(text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i);
      }
    });

    it.each([
      ['groupBy=nationality', 'groupBy', /unknown dimension "nationality"/],
      ['groupBy=sex,region,ageGroup,month', 'groupBy', /at most 3 dimensions/],
      ['groupBy=sex,sex', 'groupBy', /twice/],
      ['measure=alerts_raised&groupBy=kind', 'groupBy', /does not apply/],
      ['measure=people_reported&groupBy=alertStatus', 'groupBy', /does not apply/],
      ['measure=victims', 'measure', /must be one of/],
      ['format=xml', 'format', /must be one of: json, csv/],
      ['recordId=1', 'recordId', /not a known field/],
    ])('refuses %s with 400 naming %s', async (query, field, reason) => {
      const res = await as(keys.invMx).get(`/api/v1/statistics?${query}`);
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
      expect(res.body.errors).toEqual([{ field, reason: expect.stringMatching(reason) }]);
    });
  });

  describe('GET /api/v1/statistics/routes', () => {
    it('shows confirmed matches from the region last seen to the region found', async () => {
      const res = await as(keys.partnerStats).get('/api/v1/statistics/routes');
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        view: 'routes',
        measure: 'confirmed_matches',
        groupBy: ['from', 'to'],
        minCellSize: 5,
      });
      expect(res.body.cells).toEqual([
        { from: 'GT-09', to: 'MX-07', value: 5, suppressed: false },
        { from: 'MX-07', to: 'MX-30', value: 5, suppressed: false },
      ]);
      expect(res.body.totals).toEqual(
        expect.arrayContaining([
          { from: 'GT-09', to: 'total', value: 5, suppressed: false },
          { from: 'total', to: 'MX-30', value: 5, suppressed: false },
        ]),
      );
      expect(res.body.total).toEqual({ value: 10, suppressed: false });
    });
  });

  describe('CSV and JSON exports', () => {
    it('exports a table as CSV with a header row, margins and suppressed cells marked', async () => {
      const res = await as(t.adminKey).get('/api/v1/statistics?measure=people_reported&groupBy=ageGroup&format=csv');
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/csv/);
      expect(res.headers['content-disposition']).toBe('attachment; filename="statistics-people_reported.csv"');
      expect(res.text.trim().split('\n')).toEqual([
        'measure,ageGroup,value,suppressed',
        'people_reported,0-11,,true',
        'people_reported,12-17,6,false',
        'people_reported,18-29,,true',
        'people_reported,30-44,5,false',
        'people_reported,total,16,false',
      ]);
    });

    it('answers CSV to Accept: text/csv, and the route view too', async () => {
      const res = await as(keys.invGt).get('/api/v1/statistics/routes').set('Accept', 'text/csv');
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/csv/);
      const lines = res.text.trim().split('\n');
      expect(lines[0]).toBe('measure,from,to,value,suppressed');
      expect(lines).toContain('confirmed_matches,GT-09,MX-07,5,false');
      expect(lines[lines.length - 1]).toBe('confirmed_matches,total,total,10,false');
      expect(
        (await as(keys.invGt).get('/api/v1/statistics/routes?format=json').set('Accept', 'text/csv')).headers[
          'content-type'
        ],
      ).toMatch(/json/);
    });
  });

  describe('monthly snapshots and GET /api/v1/statistics/series', () => {
    it('takes a month once, however many instances try at the same time', async () => {
      const snapshots = t.app.get(StatisticsSnapshotsService);
      const results = await Promise.all([
        snapshots.takeSnapshot('2026-05'),
        t3.app.get(StatisticsSnapshotsService).takeSnapshot('2026-05'),
        snapshots.takeSnapshot('2026-05'),
      ]);
      expect(results.filter((r) => r.result === 'created')).toHaveLength(1);
      expect(results.every((r) => ['created', 'exists', 'busy'].includes(r.result))).toBe(true);
      expect(await snapshots.takeSnapshot('2026-05')).toEqual({ month: '2026-05', result: 'exists' });
      expect((await ds.query(`SELECT count(*)::int AS n FROM statistics_snapshots`))[0].n).toBe(1);
    });

    it('serves the series with suppression applied, as JSON and CSV', async () => {
      const snapshots = t.app.get(StatisticsSnapshotsService);
      await snapshots.takeSnapshot('2026-06');
      const res = await as(keys.invMx).get(
        '/api/v1/statistics/series?measure=people_reported&groupBy=ageGroup&from=2026-05&to=2026-06',
      );
      expect(res.status).toBe(200);
      expect(res.body.points.map((p: { month: string }) => p.month)).toEqual(['2026-05', '2026-06']);
      expect(res.body.points[0].cells).toEqual([
        { ageGroup: '0-11', value: null, suppressed: true },
        { ageGroup: '12-17', value: 6, suppressed: false },
        { ageGroup: '18-29', value: null, suppressed: true },
        { ageGroup: '30-44', value: 5, suppressed: false },
      ]);
      expect(res.body.points[0].total).toEqual({ value: 16, suppressed: false });
      const only = await as(keys.invMx).get('/api/v1/statistics/series?measure=alerts_raised&from=2026-06');
      expect(only.body.points).toEqual([
        {
          month: '2026-06',
          takenAt: expect.any(String),
          cells: [],
          totals: [],
          total: { value: 14, suppressed: false },
        },
      ]);
      const csv = await as(keys.invMx).get('/api/v1/statistics/series?measure=people_reported&groupBy=sex&format=csv');
      expect(csv.headers['content-type']).toMatch(/^text\/csv/);
      expect(csv.text.trim().split('\n')).toEqual([
        'month,measure,sex,value,suppressed',
        '2026-05,people_reported,female,10,false',
        '2026-05,people_reported,male,6,false',
        '2026-05,people_reported,total,16,false',
        '2026-06,people_reported,female,10,false',
        '2026-06,people_reported,male,6,false',
        '2026-06,people_reported,total,16,false',
      ]);
    });

    it('the cron handler snapshots the previous month through the same service method', async () => {
      await t.app.get(StatisticsScheduler).tick(new Date('2026-08-01T03:00:00Z'));
      const rows = await ds.query(`SELECT to_char(month, 'YYYY-MM') AS month FROM statistics_snapshots ORDER BY month`);
      expect(rows.map((r: { month: string }) => r.month)).toEqual(['2026-05', '2026-06', '2026-07']);
    });

    it.each([
      ['from=2026-13', 'from', /YYYY-MM/],
      ['to=2026-1', 'to', /YYYY-MM/],
      ['from=2026-06&to=2026-05', 'to', /before from/],
      ['groupBy=sex,country', 'groupBy', /at most 1 dimension/],
    ])('refuses %s with 400 naming %s', async (query, field, reason) => {
      const res = await as(keys.invMx).get(`/api/v1/statistics/series?${query}`);
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([{ field, reason: expect.stringMatching(reason) }]);
    });
  });

  it('documents the endpoints and the statistics scope in OpenAPI', async () => {
    const res = await t.http.get('/api/docs-json');
    expect(Object.keys(res.body.paths)).toEqual(
      expect.arrayContaining(['/api/v1/statistics', '/api/v1/statistics/routes', '/api/v1/statistics/series']),
    );
    const params = res.body.paths['/api/v1/statistics'].get.parameters.map((p: { name: string }) => p.name);
    expect(params).toEqual(expect.arrayContaining(['measure', 'groupBy', 'format']));
    expect(res.body.paths['/api/v1/statistics/series'].get.parameters.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining(['from', 'to']),
    );
    expect(res.body.components.schemas.CreateApiKeyDto.properties.scopes.items.enum).toContain('statistics');
  });

  describe('access', () => {
    it.each([
      ['admin', 200, () => t.adminKey],
      ['investigator MX', 200, () => keys.invMx],
      ['investigator GT', 200, () => keys.invGt],
      ['partner with the statistics scope', 200, () => keys.partnerStats],
      ['partner without it', 403, () => keys.partnerAlerts],
      ['submitter', 403, () => keys.subGt],
    ])('%s → %d on every view', async (_who, status, key) => {
      for (const path of ['/api/v1/statistics', '/api/v1/statistics/routes', '/api/v1/statistics/series']) {
        expect([path, (await as(key()).get(path)).status]).toEqual([path, status]);
      }
    });

    it("investigators of either country see both countries' aggregates", async () => {
      const mx = await as(keys.invMx).get('/api/v1/statistics?groupBy=country');
      const gt = await as(keys.invGt).get('/api/v1/statistics?groupBy=country');
      expect(mx.body).toEqual(gt.body);
      expect(mx.body.cells).toEqual([
        { country: 'GT', value: 10, suppressed: false },
        { country: 'MX', value: 6, suppressed: false },
      ]);
    });

    it('refuses the statistics scope on a key without the partner role', async () => {
      const res = await t.http
        .post('/api/v1/api-keys')
        .set('Authorization', `Bearer ${t.adminKey}`)
        .send({ organization: 'Observatorio', country: 'MX', roles: ['investigator'], scopes: ['statistics'] });
      expect(res.status).toBe(400);
      expect(res.body.errors[0].field).toBe('scopes');
    });

    it('audits every reading, with ids and codes only', async () => {
      const res = await t.http
        .get('/api/v1/audit?action=statistics.read&limit=500')
        .set('Authorization', `Bearer ${t.adminKey}`);
      expect(res.status).toBe(200);
      const reads = res.body.items as {
        action: string;
        actorKeyId: string;
        entityType: string;
        entityId: string | null;
        details: Record<string, unknown>;
      }[];
      expect(reads.length).toBeGreaterThan(10);
      expect(reads.every((r) => r.entityType === 'statistics' && r.entityId === null && r.actorKeyId)).toBe(true);
      expect(reads.map((r) => r.details.view)).toEqual(expect.arrayContaining(['table', 'routes', 'series']));
      expect(reads.find((r) => r.details.view === 'table')!.details).toEqual({
        view: 'table',
        measure: expect.any(String),
        groupBy: expect.any(Array),
        format: expect.any(String),
      });
    });
  });

  // Last, as it changes the data set: a reversed confirmation no longer joins the report and the victim record.
  it('a reversed confirmation separates the two records again', async () => {
    const res = await as(t.adminKey).post(`/api/v1/alerts/${alertIds.conf0}/reversal`, { reason: 'Prueba' });
    expect(res.status).toBe(200);
    const read = async (query: string) => (await as(keys.invMx, t3).get(`/api/v1/statistics?${query}`)).body;
    expect((await read('measure=people')).total.value).toBe(20);
    expect((await read('measure=confirmed_matches')).total.value).toBe(9);
    expect((await read('measure=people_reported')).total.value).toBe(16);
    const raw = await t.app.get(StatisticsService).raw('people_reported', ['condition']);
    expect(Object.fromEntries(raw.map((r) => [r.key[0], r.n]))).toEqual({ alive: 4, deceased: 5, not_located: 7 });
  });
});
