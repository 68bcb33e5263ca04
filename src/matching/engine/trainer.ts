/**
 * Supervised trainer: estimates every level's m and u, the prior λ and the default threshold from LABELLED
 * report–victim pairs (e.g. the synthetic generator run with training seeds, or pairs investigators confirmed).
 *
 *   m  = share of each level among the true pairs that blocking produces (the only pairs the scorer ever sees);
 *   u  = share of each level among RANDOM report–victim pairs that are not true pairs. Not among blocked
 *        non-matches: blocking selects pairs that agree on names, birth bands, places and times, so their u of
 *        those fields is many times the chance rate and would nearly cancel the very evidence that separates
 *        matches from strangers. The u among blocked non-matches is tallied too, for the diagnostics only;
 *   λ  = matches / (reports × victims), estimated from the blocked true pairs divided by the blocking recall
 *        (= the labelled count when the labels are complete). It goes with the random-pair u: using the blocked
 *        share (matches / candidate pairs) with random-pair u would count the blocking evidence twice;
 *   threshold = the match probability maximising F1 on the training candidate pairs.
 *
 * Guards against the trainer's known failures:
 *   - levels with zero (or few) observations: Bayesian smoothing towards the template model's values
 *     (pseudo-count `alpha`), then floors (half an observation; m at least `minM`, so that an error the labels
 *     never show is not turned into a near-exclusion), then renormalisation;
 *   - fields used by blocking: u from random pairs (above);
 *   - implausible match counts: Σ p over the training candidate pairs is compared with the number of true pairs
 *     among them (`matchCountRatio`); the CLI refuses to write a model when it is outside [0.5, 2].
 * Nothing here knows the generator: the caller passes prepared records and the index pairs that are true.
 */
import { BlockingIndex, DEFAULT_RULES, type BlockingRule } from './blocking.js';
import { COMPARISONS, type ComparisonContext } from './comparisons.js';
import { commonMotifIds, type FrequencyTable } from './frequencies.js';
import { log2, type LevelSpec, type MatchModel } from './model.js';
import { Scorer } from './scorer.js';
import type { PreparedRecord } from './types.js';

/** One labelled data set: prepared records (frequencies attached) and the true pairs as indices. */
export interface LabelledSet {
  reports: readonly PreparedRecord[];
  victims: readonly PreparedRecord[];
  /** [report index, victim index] of every true pair. */
  truePairs: ReadonlyArray<readonly [number, number]>;
  frequencies: FrequencyTable | null;
}

export interface LevelTally {
  comparison: string;
  labels: readonly string[];
  /** Level counts among blocked true pairs. */
  match: number[];
  /** Level counts among random non-matching pairs. */
  random: number[];
  /** Level counts among blocked non-matching pairs (diagnostics). */
  blocked: number[];
}

export interface TrainingTally {
  comparisons: LevelTally[];
  sets: number;
  /** Σ reports × victims over the sets. */
  pairSpace: number;
  labelledPairs: number;
  blockedTruePairs: number;
  candidatePairs: number;
  randomPairs: number;
}

export interface TallyOptions {
  /** Random report–victim pairs sampled for u (per set). */
  randomPairs?: number;
  /** Seed of the pair sampler. */
  seed?: number;
  rules?: readonly BlockingRule[];
  blocking?: MatchModel['blocking'];
}

/** Deterministic 32-bit generator for the pair sampler (mulberry32). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function emptyTally(): TrainingTally {
  return {
    comparisons: COMPARISONS.map((d) => ({
      comparison: d.name,
      labels: d.labels,
      match: d.labels.map(() => 0),
      random: d.labels.map(() => 0),
      blocked: d.labels.map(() => 0),
    })),
    sets: 0,
    pairSpace: 0,
    labelledPairs: 0,
    blockedTruePairs: 0,
    candidatePairs: 0,
    randomPairs: 0,
  };
}

function addLevels(
  into: TrainingTally,
  which: 'match' | 'random' | 'blocked',
  a: PreparedRecord,
  b: PreparedRecord,
  ctx: ComparisonContext,
) {
  for (let ci = 0; ci < COMPARISONS.length; ci++) into.comparisons[ci][which][COMPARISONS[ci].level(a, b, ctx)]++;
}

/** Adds one labelled set's level counts to `into` (a new tally when omitted). */
export function tallyLevels(
  set: LabelledSet,
  options: TallyOptions = {},
  into: TrainingTally = emptyTally(),
): TrainingTally {
  const nV = set.victims.length;
  const ctx: ComparisonContext = { commonMotifs: commonMotifIds(set.frequencies) };
  const isTrue = new Set<number>();
  for (const [ri, vi] of set.truePairs) isTrue.add(ri * nV + vi);
  const index = new BlockingIndex(set.reports, set.victims, options.rules ?? DEFAULT_RULES, options.blocking);
  set.reports.forEach((r, ri) =>
    index.candidates(r, (vi) => {
      into.candidatePairs++;
      const t = isTrue.has(ri * nV + vi);
      if (t) into.blockedTruePairs++;
      addLevels(into, t ? 'match' : 'blocked', r, set.victims[vi], ctx);
    }),
  );
  const rand = mulberry32(options.seed ?? 1);
  const n = options.randomPairs ?? 500_000;
  let drawn = 0;
  for (let k = 0; drawn < n && k < n * 2; k++) {
    const ri = Math.floor(rand() * set.reports.length);
    const vi = Math.floor(rand() * nV);
    if (isTrue.has(ri * nV + vi)) continue;
    addLevels(into, 'random', set.reports[ri], set.victims[vi], ctx);
    drawn++;
  }
  into.randomPairs += drawn;
  into.sets++;
  into.pairSpace += set.reports.length * nV;
  into.labelledPairs += set.truePairs.length;
  return into;
}

export interface EstimateOptions {
  /** Pseudo-count of the smoothing towards the template's values (default 10 pairs). */
  alpha?: number;
  /**
   * Lowest m of any non-null level (default 0.002): errors the labelled data does not show (a wrong sex or an age
   * far off in a real register) must not become near-exclusions. Caps negative weights at about log2(minM/u).
   */
  minM?: number;
  version: string;
  description: string;
}

/**
 * Smoothed shares of the non-null levels: (count + alpha·template share) / (total + alpha), floored at half an
 * observation (0.5 / total) or `minShare`, whichever is larger, and renormalised to sum to 1. Null levels keep m = u = 1 (weight 0).
 */
export function smoothedShares(
  counts: readonly number[],
  template: readonly number[],
  isNull: readonly boolean[],
  alpha: number,
  minShare = 0,
): number[] {
  let total = 0;
  let tSum = 0;
  counts.forEach((c, i) => {
    if (!isNull[i]) {
      total += c;
      tSum += template[i];
    }
  });
  // No data and no smoothing: the template's shares as they are.
  if (total + alpha === 0) return template.map((x, i) => (isNull[i] ? 1 : x / tSum));
  const floor = Math.max(minShare, 0.5 / Math.max(1, total + alpha));
  const raw = counts.map((c, i) =>
    isNull[i] ? 1 : Math.max(floor, (c + (alpha * template[i]) / tSum) / (total + alpha)),
  );
  let sum = 0;
  raw.forEach((x, i) => {
    if (!isNull[i]) sum += x;
  });
  return raw.map((x, i) => (isNull[i] ? 1 : x / sum));
}

const sig = (x: number, digits = 4): number => Number(x.toPrecision(digits));

/** A copy of `template` with m and u estimated from the tally, λ from the labelled matches, tf references updated. */
export function estimateModel(template: MatchModel, tally: TrainingTally, options: EstimateOptions): MatchModel {
  const alpha = options.alpha ?? 10;
  const model: MatchModel = JSON.parse(JSON.stringify(template));
  model.version = options.version;
  model.description = options.description;
  for (const spec of model.comparisons) {
    const t = tally.comparisons.find((c) => c.comparison === spec.name);
    if (!t) continue;
    const labels = spec.levels.map((l) => l.label);
    if (labels.join('|') !== t.labels.join('|'))
      throw new Error(`${spec.name}: template levels differ from the engine's`);
    const isNull = spec.levels.map((l) => !!l.isNull);
    const m = smoothedShares(
      t.match,
      spec.levels.map((l) => l.m),
      isNull,
      alpha,
      options.minM ?? 0.002,
    );
    const u = smoothedShares(
      t.random,
      spec.levels.map((l) => l.u),
      isNull,
      alpha,
    );
    spec.levels.forEach((l: LevelSpec, i) => {
      if (l.isNull) return;
      l.m = sig(m[i]);
      l.u = sig(u[i]);
    });
    // Term frequency: the adjustment log2(referenceU / tf) turns the first tf level's weight into log2(m / tf).
    if (spec.tf) {
      const first = spec.levels.find((l) => l.tf);
      if (first) spec.tf.referenceU = first.u;
    }
  }
  // λ from the blocked true pairs, corrected by the blocking recall the labels show.
  const recall = tally.labelledPairs > 0 ? tally.blockedTruePairs / tally.labelledPairs : 1;
  const matches = recall > 0 ? tally.blockedTruePairs / recall : tally.labelledPairs;
  model.prior = sig(Math.min(0.5, Math.max(1e-9, matches / Math.max(1, tally.pairSpace))), 3);
  return model;
}

export interface ThresholdChoice {
  /** Match probability threshold (rounded). */
  threshold: number;
  weight: number;
  precision: number;
  recall: number;
  f1: number;
}

/**
 * The probability threshold that maximises F1, given the weights of candidate pairs and whether each is true;
 * `positives` counts every true pair (including those blocking missed). The threshold is rounded to two
 * significant digits (and the figures recomputed at the rounded value).
 */
export function chooseThreshold(weights: Float64Array, isTrue: Uint8Array, positives: number): ThresholdChoice {
  const order = Array.from(weights.keys()).sort((x, y) => weights[y] - weights[x]);
  let tp = 0;
  let best = { f1: -1, weight: Infinity };
  for (let k = 0; k < order.length; k++) {
    if (isTrue[order[k]]) tp++;
    const w = weights[order[k]];
    if (k + 1 < order.length && weights[order[k + 1]] === w) continue;
    if (w === -Infinity) break;
    const f1 = (2 * tp) / (k + 1 + positives);
    if (f1 > best.f1) best = { f1, weight: w };
  }
  const p = best.weight === Infinity ? 0.5 : 1 / (1 + Math.pow(2, -best.weight));
  const threshold = Math.min(0.99, Math.max(1e-4, Number(p.toPrecision(2))));
  return { threshold, ...figuresAt(weights, isTrue, positives, threshold) };
}

export function figuresAt(weights: Float64Array, isTrue: Uint8Array, positives: number, threshold: number) {
  const w0 = log2(threshold / (1 - threshold));
  let predicted = 0;
  let tp = 0;
  for (let i = 0; i < weights.length; i++) {
    if (weights[i] >= w0) {
      predicted++;
      if (isTrue[i]) tp++;
    }
  }
  const precision = predicted === 0 ? 0 : tp / predicted;
  const recall = positives === 0 ? 0 : tp / positives;
  return {
    weight: w0,
    precision,
    recall,
    f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall),
  };
}

/** Candidate-pair weights of a labelled set under a model (and whether each pair is true). */
export function scoreCandidates(
  set: LabelledSet,
  model: MatchModel,
  rules: readonly BlockingRule[] = DEFAULT_RULES,
): { weights: Float64Array; isTrue: Uint8Array } {
  const nV = set.victims.length;
  const trueKey = new Set<number>();
  for (const [ri, vi] of set.truePairs) trueKey.add(ri * nV + vi);
  const scorer = new Scorer(model, set.frequencies);
  const index = new BlockingIndex(set.reports, set.victims, rules, model.blocking);
  const w: number[] = [];
  const t: number[] = [];
  set.reports.forEach((r, ri) =>
    index.candidates(r, (vi) => {
      w.push(scorer.score(r, set.victims[vi]));
      t.push(trueKey.has(ri * nV + vi) ? 1 : 0);
    }),
  );
  return { weights: Float64Array.from(w), isTrue: Uint8Array.from(t) };
}

/**
 * Implausible-match-count check: Σ match probability over the candidate pairs (what the model believes the
 * number of matches is) against the number of true pairs among them. Far from 1 means the probabilities are
 * not calibrated (typically fields that are not conditionally independent).
 */
export function matchCountRatio(
  weights: Float64Array,
  isTrue: Uint8Array,
): { expected: number; labelled: number; ratio: number } {
  let expected = 0;
  let labelled = 0;
  for (let i = 0; i < weights.length; i++) {
    expected += weights[i] === -Infinity ? 0 : 1 / (1 + Math.pow(2, -weights[i]));
    labelled += isTrue[i];
  }
  return { expected, labelled, ratio: labelled === 0 ? NaN : expected / labelled };
}

/** Per-level table for the CLI and the docs: counts, m, u, weight, and u among blocked pairs. */
export function describeTally(tally: TrainingTally, model: MatchModel): string[] {
  const lines: string[] = [];
  for (const t of tally.comparisons) {
    const spec = model.comparisons.find((c) => c.name === t.comparison);
    if (!spec) continue;
    const mTot = t.match.reduce((s, x, i) => s + (spec.levels[i].isNull ? 0 : x), 0);
    const uTot = t.random.reduce((s, x, i) => s + (spec.levels[i].isNull ? 0 : x), 0);
    const bTot = t.blocked.reduce((s, x, i) => s + (spec.levels[i].isNull ? 0 : x), 0);
    lines.push(`${t.comparison}: non-null true ${mTot}, random ${uTot}, blocked non-match ${bTot}`);
    spec.levels.forEach((l, i) => {
      if (l.isNull) return;
      const ub = bTot > 0 ? t.blocked[i] / bTot : NaN;
      lines.push(
        `  ${l.label.padEnd(26)} true ${String(t.match[i]).padStart(6)}  random ${String(t.random[i]).padStart(8)}  m ${l.m.toPrecision(3).padStart(9)}  u ${l.u.toPrecision(3).padStart(9)}  w ${log2(
          l.m / l.u,
        )
          .toFixed(2)
          .padStart(6)}  u|blocked ${ub.toPrecision(3)}`,
      );
    });
  }
  return lines;
}
