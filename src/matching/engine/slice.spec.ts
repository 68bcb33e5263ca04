import { BlockingIndex, DEFAULT_RULES, candidateScratch, candidatesOf } from './blocking.js';
import { jaroWinkler, jaroWinklerById } from './jaro-winkler.js';
import { MODEL_V1 } from './model.v1.js';
import { MODEL_V2 } from './model.v2.js';
import { prepare } from './prepare.js';
import { Scorer } from './scorer.js';
import { scoreSlice } from './slice.js';
import { INTERN } from './text.js';
import type { MatchRecord } from './types.js';

let n = 0;
const rec = (kind: MatchRecord['kind'], over: Partial<MatchRecord>): MatchRecord => ({
  id: `${kind === 'missing_report' ? 'R' : 'V'}${++n}`,
  kind,
  country: 'MX',
  sex: 'male',
  givenNames: null,
  firstSurname: null,
  secondSurname: null,
  ...over,
});

// A small mixed set: named, nickname, swapped, nameless with a profile, a shared tattoo.
const reportRows: Partial<MatchRecord>[] = [
  {
    givenNames: 'Jesús',
    firstSurname: 'Hernández',
    secondSurname: 'Xol',
    dateOfBirth: '1999-04-02',
    lastSeenDate: '2021-02-10',
    lastSeenPlace: { country: 'GT', admin1Code: '16' },
  },
  {
    givenNames: 'Juan',
    firstSurname: 'López',
    secondSurname: 'Pérez',
    dateOfBirth: '1990',
    lastSeenDate: '2019-06-01',
  },
  {
    givenNames: 'Ana',
    firstSurname: 'Caal',
    secondSurname: 'Pop',
    sex: 'female',
    dateOfBirth: '1995',
    lastSeenDate: '2020-03-01',
    lastSeenPlace: { country: 'GT', admin1Code: '09' },
  },
  {
    givenNames: 'Pedro',
    firstSurname: 'Tzul',
    marks: [{ type: 'tattoo', bodyRegion: 'forearm', side: 'left', description: 'dragón' }],
    dateOfBirth: '1985',
  },
  {
    givenNames: 'José Luis',
    firstSurname: 'García',
    secondSurname: 'Hernández',
    dateOfBirth: '1992',
    lastSeenDate: '2018-01-01',
  },
];
const victimRows: Partial<MatchRecord>[] = [
  {
    givenNames: 'Chuy',
    firstSurname: 'Ernández',
    estimatedAgeMin: 20,
    estimatedAgeMax: 25,
    foundDate: '2021-05-03',
    foundPlace: { country: 'MX', admin1Code: '07' },
  },
  { givenNames: 'Juan', firstSurname: 'Pérez', secondSurname: 'López', dateOfBirth: '1990', foundDate: '2019-08-01' },
  {
    sex: 'female',
    estimatedAgeMin: 20,
    estimatedAgeMax: 30,
    foundDate: '2020-09-01',
    foundPlace: { country: 'MX', admin1Code: '07' },
    condition: 'deceased',
  },
  { marks: [{ type: 'other', description: 'tatuaje de dragon en brazo izquierdo' }], condition: 'deceased' },
  { givenNames: 'Luis', firstSurname: 'García', estimatedAgeMin: 24, estimatedAgeMax: 30, foundDate: '2018-05-01' },
  { givenNames: 'Rosa', firstSurname: 'Xol', sex: 'female' },
];
const reports = reportRows.map((r) => prepare(rec('missing_report', r)));
const victims = victimRows.map((v) => prepare(rec('suspected_victim', v)));

function pairsOf(visitAll: (visit: (ri: number, vi: number, mask: number) => void) => void): string[] {
  const out: string[] = [];
  visitAll((ri, vi, mask) => out.push(`${ri}-${vi}:${mask}`));
  return out.sort();
}

describe('index as typed arrays (for worker threads)', () => {
  const index = new BlockingIndex(reports, victims, DEFAULT_RULES, MODEL_V2.blocking);
  const expected = pairsOf((visit) =>
    reports.forEach((r, ri) => index.candidates(r, (vi, mask) => visit(ri, vi, mask))),
  );

  it('finds candidates at all (the set is not trivially empty)', () => {
    expect(expected.length).toBeGreaterThanOrEqual(5);
  });

  it('candidatesOf gives the same pairs and rule masks as candidates()', () => {
    const arrays = index.toArrays();
    const scratch = candidateScratch(arrays.victims);
    const got = pairsOf((visit) =>
      reports.forEach((_, ri) => candidatesOf(arrays, ri, scratch, (vi, mask) => visit(ri, vi, mask))),
    );
    expect(got).toEqual(expected);
  });

  it('a report unknown at build time gets the same candidates as when known', () => {
    const unknown = prepare(rec('missing_report', reportRows[0]));
    const a: string[] = [];
    const b: string[] = [];
    index.candidates(reports[0], (vi, mask) => a.push(`${vi}:${mask}`));
    index.candidates(unknown, (vi, mask) => b.push(`${vi}:${mask}`));
    expect(b.sort()).toEqual(a.sort());
  });

  it.each([
    { slices: [[0, 5]] },
    {
      slices: [
        [0, 2],
        [2, 5],
      ],
    },
    {
      slices: [
        [0, 1],
        [1, 3],
        [3, 5],
      ],
    },
  ])('scoreSlice over $slices equals scoring every candidate pair in one pass', ({ slices }) => {
    const scorer = new Scorer(MODEL_V2);
    const seq = pairsOf((visit) =>
      reports.forEach((r, ri) =>
        index.candidates(r, (vi) => visit(ri, vi, Math.round(scorer.score(r, victims[vi]) * 1e6))),
      ),
    );
    const arrays = index.toArrays();
    const got: string[] = [];
    let pairs = 0;
    for (const [from, to] of slices) {
      // As in a worker: only the slice's reports, addressed by global index through reportOffset.
      const out = scoreSlice({
        arrays,
        scorer,
        reports: reports.slice(from, to),
        reportOffset: from,
        victims,
        minWeight: -Infinity,
      });
      pairs += out.pairs;
      for (let i = 0; i < out.left.length; i++)
        got.push(`${out.left[i]}-${out.right[i]}:${Math.round(out.weight[i] * 1e6)}`);
    }
    expect(pairs).toBe(seq.length);
    expect(got.sort()).toEqual(seq);
  });

  it('scoreSlice returns only pairs at or above minWeight', () => {
    const scorer = new Scorer(MODEL_V1);
    const out = scoreSlice({ arrays: index.toArrays(), scorer, reports, victims, minWeight: 0 });
    expect(out.left.length).toBeLessThan(out.pairs);
    for (const w of out.weight) expect(w).toBeGreaterThanOrEqual(0);
  });
});

describe('memoised Jaro–Winkler', () => {
  const words = [
    'guadalupe',
    'guillermo',
    'guilermo',
    'lilia',
    'leticia',
    'martinez',
    'martinex',
    'juan',
    'juana',
    'x',
    '',
  ];
  it.each(words.flatMap((a) => words.map((b) => ({ a, b }))))('jaroWinklerById($a, $b) = jaroWinkler', ({ a, b }) => {
    const ia = INTERN.id(`g:${a}`);
    const ib = INTERN.id(`g:${b}`);
    // Twice: computed, then from the memo; and with no ids (computed directly).
    expect(jaroWinklerById(ia, a, ib, b)).toBe(jaroWinkler(a, b));
    expect(jaroWinklerById(ia, a, ib, b)).toBe(jaroWinkler(a, b));
    expect(jaroWinklerById(0, a, 0, b)).toBe(jaroWinkler(a, b));
  });
});
