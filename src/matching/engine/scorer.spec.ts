import { prepareAll } from './index.js';
import { modelByName } from './models.js';
import { generateDataset } from '../synthetic/generator.js';
import { MODEL_V1 } from './model.v1.js';
import { probabilityFromWeight, validateModel, type MatchModel } from './model.js';
import { attachFrequencies } from './frequencies.js';
import { prepare } from './prepare.js';
import { Scorer, formatWaterfall } from './scorer.js';
import type { MatchRecord } from './types.js';

const base = (kind: MatchRecord['kind'], over: Partial<MatchRecord>): MatchRecord => ({
  id: kind === 'missing_report' ? 'R1' : 'V1',
  kind,
  country: kind === 'missing_report' ? 'GT' : 'MX',
  givenNames: 'Juana',
  firstSurname: 'Tzul',
  secondSurname: 'Xol',
  sex: 'female',
  dateOfBirth: '1998-04-02',
  lastSeenDate: kind === 'missing_report' ? '2021-02-10' : null,
  foundDate: kind === 'suspected_victim' ? '2021-05-03' : null,
  ...over,
});

describe('model v1', () => {
  it('is valid', () => {
    expect(validateModel(MODEL_V1)).toEqual([]);
  });

  it('refuses a model whose labels differ from the engine', () => {
    const broken: MatchModel = JSON.parse(JSON.stringify(MODEL_V1));
    broken.comparisons[0].levels[1].label = 'renamed';
    expect(() => new Scorer(broken)).toThrow(/differ/);
  });
});

describe('probability', () => {
  it.each([-30, -13.3, -5, -1, 0, 0.5, 1, 5, 13.3, 30])('is monotone in weight around %p', (w) => {
    expect(probabilityFromWeight(w + 0.25)).toBeGreaterThan(probabilityFromWeight(w));
  });
  it.each([
    { weight: 0, probability: 0.5 },
    { weight: -Infinity, probability: 0 },
    { weight: 1, probability: 2 / 3 },
  ])('weight $weight → $probability', ({ weight, probability }) => {
    expect(probabilityFromWeight(weight)).toBeCloseTo(probability, 10);
  });
});

describe('scorer', () => {
  const scorer = new Scorer();

  it.each([
    { left: {}, right: {}, excluded: false },
    { left: {}, right: { sex: 'male' as const }, excluded: true },
    { left: {}, right: { sex: 'unknown' as const }, excluded: false },
  ])('hard exclusion only on different known sex ($right)', ({ left, right, excluded }) => {
    const a = prepare(base('missing_report', left));
    const b = prepare(base('suspected_victim', right));
    const w = scorer.score(a, b);
    expect(w === -Infinity).toBe(excluded);
    expect(scorer.explain(a, b).excluded).toBe(excluded);
  });

  it('scores the same whichever side comes first, and the waterfall sums to the total', () => {
    const a = prepare(base('missing_report', {}));
    const b = prepare(base('suspected_victim', { givenNames: 'Juanita', secondSurname: null }));
    expect(scorer.score(a, b)).toBeCloseTo(scorer.score(b, a), 10);
    const e = scorer.explain(a, b);
    const sum = e.priorWeight + e.comparisons.reduce((s, c) => s + c.weight + c.tfAdjustment, 0);
    expect(e.matchWeight).toBeCloseTo(sum, 2);
    expect(e.matchWeight).toBeCloseTo(scorer.score(a, b), 2);
    expect(e.comparisons.find((c) => c.comparison === 'given_name')!.level).toBe('nickname');
    expect(formatWaterfall(e)).toContain('given_name');
  });

  it('ranks more agreement higher', () => {
    const a = prepare(base('missing_report', { heightCm: 150 }));
    const close = prepare(base('suspected_victim', { heightCm: 151 }));
    const far = prepare(base('suspected_victim', { heightCm: 175 }));
    expect(scorer.score(a, close)).toBeGreaterThan(scorer.score(a, far));
  });

  it('counts a rare surname more than a common one (term frequency)', () => {
    const table = {
      surnames: { ernandes: 400, tsul: 2 },
      surnameSlots: 10_000,
      givenNames: {},
      givenSlots: 0,
      motifs: {},
      marks: 0,
    };
    const tf = new Scorer(MODEL_V1, table);
    const mk = (kind: MatchRecord['kind'], s: string) => {
      const p = prepare(base(kind, { firstSurname: s, secondSurname: null }));
      p.s1Tf = (table.surnames[s === 'Tzul' ? 'tsul' : 'ernandes'] ?? 1) / table.surnameSlots;
      return p;
    };
    const rare = tf.explain(mk('missing_report', 'Tzul'), mk('suspected_victim', 'Tzul'));
    const common = tf.explain(mk('missing_report', 'Hernández'), mk('suspected_victim', 'Hernández'));
    const w = (e: typeof rare) => e.comparisons.find((c) => c.comparison === 'first_surname')!;
    expect(w(rare).level).toBe('exact');
    expect(w(common).level).toBe('exact');
    expect(w(rare).weight + w(rare).tfAdjustment).toBeGreaterThan(w(common).weight + w(common).tfAdjustment);
  });
});

describe('given-name term frequency on exact_word', () => {
  // Two words shared, neither record's full name equal: the rarer shared word's frequency is used, whatever the
  // order in which the words were interned (scores must not depend on the thread that prepared the records).
  it.each([
    { left: 'Baltazar Juan Ignacio', right: 'Juan Baltazar', tfs: { baltazar: 0.0001, juan: 0.05 } },
    { left: 'Juan Baltazar Ignacio', right: 'Baltazar Juan', tfs: { baltazar: 0.05, juan: 0.0001 } },
  ])('$left vs $right uses the rarest shared word', ({ left, right, tfs }) => {
    const table = { surnames: {}, surnameSlots: 0, givenNames: tfs as Record<string, number>, givenSlots: 1, motifs: {}, marks: 0 };
    const scorer = new Scorer(MODEL_V1, table);
    const mk = (kind: MatchRecord['kind'], g: string) => {
      const p = prepare(base(kind, { givenNames: g }));
      attachFrequencies(p, table);
      return p;
    };
    const e = scorer.explain(mk('missing_report', left), mk('suspected_victim', right));
    const row = e.comparisons.find((c) => c.comparison === 'given_name')!;
    expect(row.level).toBe('exact_word');
    // referenceU 0.01 / floor-clamped 0.001 → +3.32, clamped to the maximum of 3 bits.
    expect(row.tfAdjustment).toBeCloseTo(3, 3);
  });
});

describe('scoreAtLeast (a run keeps only pairs that reach its threshold)', () => {
  const data = generateDataset({ seed: 7, reports: 150, victims: 100 });
  const { records, frequencies } = prepareAll([...data.reports, ...data.victims]);
  const reports = records.slice(0, 150);
  const victims = records.slice(150);
  it.each([
    { model: 'v1', min: -Infinity },
    { model: 'v1', min: -10 },
    { model: 'v1', min: 0 },
    { model: 'v2', min: -20 },
    { model: 'v2', min: -4.25 },
    { model: 'v2', min: 0 },
    { model: 'v2', min: 8 },
    { model: 'v2', min: 40 },
  ])('model $model, minimum $min: score() to the last bit when it reaches the minimum, below it otherwise', ({ model, min }) => {
    const scorer = new Scorer(modelByName(model), frequencies);
    let reached = 0;
    let cut = 0;
    const wrong: string[] = [];
    reports.forEach((r, ri) =>
      victims.forEach((v, vi) => {
        const full = scorer.score(r, v);
        const bounded = scorer.scoreAtLeast(r, v, min);
        // Either side may come first.
        if (!Object.is(scorer.scoreAtLeast(v, r, min), bounded)) wrong.push(`${ri}:${vi} swapped`);
        if (full >= min) {
          reached++;
          if (!Object.is(bounded, full)) wrong.push(`${ri}:${vi} ${bounded} ≠ ${full}`);
        } else {
          if (!(bounded < min || (bounded === -Infinity && full === -Infinity))) wrong.push(`${ri}:${vi} ${bounded} not below ${min}`);
          if (bounded !== full) cut++;
        }
      }),
    );
    expect(wrong).toEqual([]);
    if (min === -Infinity) expect(cut).toBe(0);
    if (min >= 0) expect(cut).toBeGreaterThan(0);
    if (min <= 0) expect(reached).toBeGreaterThan(0);
  });
});
