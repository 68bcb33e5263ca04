import { COMPARISONS } from './comparisons.js';
import { levelWeight, validateModel, type MatchModel } from './model.js';
import { MODEL_V1 } from './model.v1.js';
import { MODEL_V2 } from './model.v2.js';
import { MODEL_V3 } from './model.v3.js';
import { TEMPLATE_V2 } from './model.template.js';
import { MODEL_DEFAULT, modelByName } from './models.js';
import { prepare } from './prepare.js';
import { Scorer } from './scorer.js';
import {
  chooseThreshold,
  emptyTally,
  estimateModel,
  figuresAt,
  matchCountRatio,
  smoothedShares,
  tallyLevels,
  type LabelledSet,
  type TrainingTally,
} from './trainer.js';
import type { MatchRecord } from './types.js';

describe('smoothedShares', () => {
  it.each([
    {
      case: 'plenty of data: close to the observed shares',
      counts: [0, 900, 100],
      template: [1, 0.5, 0.5],
      isNull: [true, false, false],
      alpha: 10,
      expected: [1, (900 + 5) / 1010, (100 + 5) / 1010],
    },
    {
      case: 'a zero count gets the template share of alpha',
      counts: [0, 100, 0],
      template: [1, 0.8, 0.2],
      isNull: [true, false, false],
      alpha: 10,
      expected: [1, 108 / 110, 2 / 110],
    },
    {
      case: 'alpha 0 and a zero count: the floor of half an observation, renormalised',
      counts: [0, 100, 0],
      template: [1, 0.8, 0.2],
      isNull: [true, false, false],
      alpha: 0,
      expected: [1, 1 / 1.005, 0.005 / 1.005],
    },
    {
      case: 'a minimum share lifts a level the data never shows',
      counts: [5, 1000, 0],
      template: [1, 0.999, 0.001],
      isNull: [true, false, false],
      alpha: 0,
      minShare: 0.01,
      expected: [1, 1 / 1.01, 0.01 / 1.01],
    },
  ])('$case', ({ counts, template, isNull, alpha, minShare, expected }) => {
    const got = smoothedShares(counts, template, isNull, alpha, minShare);
    got.forEach((x, i) => expect(x).toBeCloseTo(expected[i], 6));
    expect(got.filter((_, i) => !isNull[i]).reduce((s, x) => s + x, 0)).toBeCloseTo(1, 9);
  });
});

/** A tally with hand-set counts: only sex and height carry data. */
function handTally(): TrainingTally {
  const t = emptyTally();
  const sex = t.comparisons.find((c) => c.comparison === 'sex')!;
  sex.match = [10, 990, 0]; // null, agree, disagree
  sex.random = [0, 5000, 5000];
  const height = t.comparisons.find((c) => c.comparison === 'height')!;
  height.match = [500, 300, 150, 40, 10];
  height.random = [0, 1000, 2000, 3000, 4000];
  t.sets = 1;
  t.pairSpace = 1_000_000;
  t.labelledPairs = 1_100;
  t.blockedTruePairs = 1_000;
  t.candidatePairs = 50_000;
  t.randomPairs = 10_000;
  return t;
}

describe('estimateModel', () => {
  const model = estimateModel(MODEL_V1, handTally(), { alpha: 0, minM: 0, version: '9.0.0', description: 'test' });
  const level = (c: string, l: string) =>
    model.comparisons.find((x) => x.name === c)!.levels.find((x) => x.label === l)!;

  it.each([
    { comparison: 'height', label: 'within_3cm', m: 300 / 500, u: 1000 / 10_000 },
    { comparison: 'height', label: 'within_7cm', m: 150 / 500, u: 2000 / 10_000 },
    { comparison: 'height', label: 'within_12cm', m: 40 / 500, u: 3000 / 10_000 },
    { comparison: 'height', label: 'else', m: 10 / 500, u: 4000 / 10_000 },
    { comparison: 'sex', label: 'agree', m: 1 / (1 + 0.5 / 990), u: 0.5 },
    // Never seen among the true pairs: floored at half an observation, not zero (a finite weight).
    { comparison: 'sex', label: 'disagree', m: 0.5 / 990 / (1 + 0.5 / 990), u: 0.5 },
  ])('$comparison $label: m from the true pairs, u from the random pairs', ({ comparison, label, m, u }) => {
    expect(level(comparison, label).m).toBeCloseTo(m, 3);
    expect(level(comparison, label).u).toBeCloseTo(u, 3);
    expect(Number.isFinite(levelWeight(level(comparison, label)))).toBe(true);
  });

  it('keeps null levels at weight 0 and the model valid', () => {
    expect(levelWeight(level('height', 'null'))).toBe(0);
    expect(validateModel(model)).toEqual([]);
    expect(model.version).toBe('9.0.0');
  });

  it('estimates λ from the blocked true pairs corrected by the blocking recall', () => {
    // 1000 blocked of 1100 labelled → recall 0.909…; 1000 / recall = 1100 matches over 10^6 pairs.
    expect(model.prior).toBeCloseTo(1100 / 1_000_000, 8);
  });

  it('leaves comparisons without data at the template values (smoothing only)', () => {
    const smoothed = estimateModel(MODEL_V1, handTally(), { alpha: 10, version: '9.0.1', description: 'test' });
    const eye = smoothed.comparisons.find((c) => c.name === 'eye_color')!;
    const v1 = MODEL_V1.comparisons.find((c) => c.name === 'eye_color')!;
    eye.levels.forEach((l, i) => {
      expect(l.m).toBeCloseTo(v1.levels[i].m, 3);
      expect(l.u).toBeCloseTo(v1.levels[i].u, 3);
    });
  });

  it('sets the term-frequency reference to the trained u of the first tf level', () => {
    const s = model.comparisons.find((c) => c.name === 'first_surname')!;
    expect(s.tf!.referenceU).toBe(s.levels.find((l) => l.label === 'exact')!.u);
  });

  it('refuses a template whose levels differ from the engine', () => {
    const broken: MatchModel = JSON.parse(JSON.stringify(MODEL_V1));
    broken.comparisons[5].levels.pop();
    expect(() => estimateModel(broken, handTally(), { version: 'x', description: 'x' })).toThrow(/differ/);
  });
});

describe('chooseThreshold', () => {
  const p = (w: number) => 1 / (1 + Math.pow(2, -w));
  it.each([
    {
      case: 'perfect separation: cut between the true and the false pairs',
      weights: [10, 9, 8, -5, -6],
      truth: [1, 1, 1, 0, 0],
      positives: 3,
      f1: 1,
    },
    {
      case: 'a true pair blocking missed still counts in the recall',
      weights: [10, 9, -5],
      truth: [1, 1, 0],
      positives: 3,
      f1: 0.8,
    },
    {
      case: 'one false pair above a true one: taking both is better',
      weights: [10, 5, 4, -3],
      truth: [1, 0, 1, 0],
      positives: 2,
      f1: 0.8,
    },
  ])('$case', ({ weights, truth, positives, f1 }) => {
    const c = chooseThreshold(Float64Array.from(weights), Uint8Array.from(truth), positives);
    expect(c.f1).toBeCloseTo(f1, 6);
    const fig = figuresAt(Float64Array.from(weights), Uint8Array.from(truth), positives, c.threshold);
    expect(fig.f1).toBeCloseTo(c.f1, 9);
    // The rounded threshold still separates the same pairs.
    expect(c.threshold).toBeLessThanOrEqual(
      p(Math.min(...weights.filter((_, i) => truth[i] === 1 || weights[i] >= 4))) + 1e-9,
    );
  });
});

describe('matchCountRatio (implausible match counts)', () => {
  it.each([
    { weights: [0, 0], truth: [1, 0], expected: 1, ratio: 1 },
    { weights: [30, -30, -30, -30], truth: [1, 0, 0, 0], expected: 1, ratio: 1 },
    { weights: [30, 30, 30, 30], truth: [1, 0, 0, 0], expected: 4, ratio: 4 },
    { weights: [-Infinity, 30], truth: [0, 1], expected: 1, ratio: 1 },
  ])('Σp over $weights with truth $truth → ratio $ratio', ({ weights, truth, expected, ratio }) => {
    const r = matchCountRatio(Float64Array.from(weights), Uint8Array.from(truth));
    expect(r.expected).toBeCloseTo(expected, 6);
    expect(r.ratio).toBeCloseTo(ratio, 6);
  });
});

describe('tallyLevels on a tiny labelled set', () => {
  const rec = (kind: MatchRecord['kind'], id: string, over: Partial<MatchRecord>): MatchRecord => ({
    id,
    kind,
    country: 'MX',
    sex: 'female',
    givenNames: null,
    firstSurname: null,
    secondSurname: null,
    ...over,
  });
  const reports = [
    rec('missing_report', 'R1', { givenNames: 'Juana', firstSurname: 'Tzul', secondSurname: 'Xol', heightCm: 150 }),
    rec('missing_report', 'R2', { givenNames: 'Rosa', firstSurname: 'Pérez', secondSurname: 'López', heightCm: 160 }),
    rec('missing_report', 'R3', {
      givenNames: 'Pedro',
      firstSurname: 'Caal',
      secondSurname: 'Pop',
      sex: 'male',
      heightCm: 170,
    }),
  ].map(prepare);
  const victims = [
    rec('suspected_victim', 'V1', { givenNames: 'Juana', firstSurname: 'Tzul', heightCm: 152 }),
    rec('suspected_victim', 'V2', { givenNames: 'Rosa', firstSurname: 'Perez', secondSurname: 'Lopez', heightCm: 175 }),
    rec('suspected_victim', 'V3', { givenNames: 'Marta', firstSurname: 'Cruz', heightCm: 140 }),
  ].map(prepare);
  const set: LabelledSet = {
    reports,
    victims,
    truePairs: [
      [0, 0],
      [1, 1],
    ],
    frequencies: null,
  };
  const tally = tallyLevels(set, { randomPairs: 200, seed: 7 });
  const c = (name: string) => tally.comparisons.find((x) => x.comparison === name)!;

  it('counts both true pairs as blocked, by level', () => {
    expect(tally.labelledPairs).toBe(2);
    expect(tally.blockedTruePairs).toBe(2);
    expect(tally.pairSpace).toBe(9);
    const fs = c('first_surname');
    expect(fs.match[fs.labels.indexOf('exact')]).toBe(2);
    const h = c('height');
    expect(h.match[h.labels.indexOf('within_3cm')]).toBe(1); // 150 vs 152
    expect(h.match[h.labels.indexOf('else')]).toBe(1); // 160 vs 175
  });

  it('draws the random pairs from the non-matching pairs only', () => {
    expect(tally.randomPairs).toBe(200);
    for (const t of tally.comparisons) expect(t.random.reduce((s, x) => s + x, 0)).toBe(200);
    // Random pairs never include the two true pairs, and none of the non-matches share a first surname.
    const fs = c('first_surname');
    expect(fs.random[fs.labels.indexOf('exact')]).toBe(0);
    // R3 (male) against any victim (female): the only sex disagreements; 1 report in 3 → about a third.
    const sex = c('sex');
    const share = sex.random[sex.labels.indexOf('disagree')] / 200;
    expect(share).toBeGreaterThan(0.25);
    expect(share).toBeLessThan(0.65);
  });

  it('is deterministic by seed', () => {
    const again = tallyLevels(set, { randomPairs: 200, seed: 7 });
    expect(again.comparisons.map((x) => x.random)).toEqual(tally.comparisons.map((x) => x.random));
  });

  it('tallies every engine comparison', () => {
    expect(tally.comparisons.map((x) => x.comparison)).toEqual(COMPARISONS.map((d) => d.name));
  });
});

// Score of the pair below under model 1, computed with the engine as committed in 8260371 (before model 2).
const V1_REFERENCE_WEIGHT = 3.9624903833536385;

describe('versioned models', () => {
  const a = prepare({
    id: 'R1',
    kind: 'missing_report',
    country: 'GT',
    givenNames: 'Juana',
    firstSurname: 'Tzul',
    secondSurname: 'Xol',
    sex: 'female',
    dateOfBirth: '1998-04-02',
    lastSeenDate: '2021-02-10',
    lastSeenPlace: { country: 'GT', admin1Code: '09' },
  });
  const b = prepare({
    id: 'V1',
    kind: 'suspected_victim',
    country: 'MX',
    givenNames: 'Juanita',
    firstSurname: 'Tzul',
    sex: 'female',
    condition: 'alive',
    estimatedAgeMin: 20,
    estimatedAgeMax: 25,
    foundDate: '2021-05-03',
    foundPlace: { country: 'MX', admin1Code: '07', municipality: 'Tapachula' },
  });

  it.each([
    { model: MODEL_V1, comparisons: 16, has: 'time', hasNot: 'time_alive' },
    { model: MODEL_V2, comparisons: 17, has: 'time_alive', hasNot: 'time' },
    { model: MODEL_V3, comparisons: 17, has: 'time_alive', hasNot: 'time' },
  ])('model $model.version scores exactly the comparisons it lists', ({ model, comparisons, has, hasNot }) => {
    expect(validateModel(model)).toEqual([]);
    const e = new Scorer(model).explain(a, b);
    expect(e.comparisons).toHaveLength(comparisons);
    expect(e.comparisons.some((c) => c.comparison === has)).toBe(true);
    expect(e.comparisons.some((c) => c.comparison === hasNot)).toBe(false);
    expect(e.modelVersion).toBe(model.version);
  });

  it('model 1 still scores this pair as before model 2 existed (regression)', () => {
    // Value computed with the engine of commit 8260371 (model 1.0.0, no frequency table).
    expect(new Scorer(MODEL_V1).score(a, b)).toBeCloseTo(V1_REFERENCE_WEIGHT, 6);
  });

  it('refuses a model naming a comparison the engine does not know, or lacking sex', () => {
    const unknown: MatchModel = JSON.parse(JSON.stringify(MODEL_V1));
    unknown.comparisons[3].name = 'gender';
    expect(() => new Scorer(unknown)).toThrow(/unknown comparison gender/);
    const noSex: MatchModel = JSON.parse(JSON.stringify(MODEL_V1));
    noSex.comparisons = noSex.comparisons.filter((c) => c.name !== 'sex');
    expect(() => new Scorer(noSex)).toThrow(/lacks comparison sex/);
  });

  it('the template has every level of the comparisons it lists, and is valid', () => {
    expect(validateModel(TEMPLATE_V2)).toEqual([]);
    for (const c of TEMPLATE_V2.comparisons) {
      expect(c.levels.map((l) => l.label)).toEqual([...COMPARISONS.find((d) => d.name === c.name)!.labels]);
    }
    expect(MODEL_V2.comparisons.map((c) => c.name)).toEqual(TEMPLATE_V2.comparisons.map((c) => c.name));
    expect(MODEL_V3.comparisons.map((c) => c.name)).toEqual(TEMPLATE_V2.comparisons.map((c) => c.name));
  });

  it.each([
    { name: 'default', version: MODEL_DEFAULT.version },
    { name: 'v1', version: '1.0.0' },
    { name: '2', version: '2.0.0' },
    { name: '2.0.0', version: '2.0.0' },
    { name: 'v3', version: '3.0.0' },
  ])('modelByName($name) → $version', ({ name, version }) => {
    expect(modelByName(name).version).toBe(version);
  });

  it('MODEL_DEFAULT is model 3', () => {
    expect(MODEL_DEFAULT).toBe(MODEL_V3);
  });
});
