/**
 * Scoring: total match weight = log2 prior odds + Σ level weights (+ term-frequency adjustments), and the
 * explanation of a pair as a waterfall (one row per comparison: level label, weight, the two values compared).
 *
 * score() is the hot path: no allocation, weights read from Float64Arrays built once from the model.
 */
import { COMPARISONS, type ComparisonContext, type ComparisonDef } from './comparisons.js';
import { commonMotifIds, type FrequencyTable } from './frequencies.js';
import { type MatchModel, levelWeight, log2, priorWeight, probabilityFromWeight, validateModel } from './model.js';
import { MODEL_V1 } from './model.v1.js';
import type { PreparedRecord } from './types.js';

export interface ComparisonEvidence {
  comparison: string;
  level: string;
  /** Level weight log2(m/u) (0 for the null level). */
  weight: number;
  /** Term-frequency adjustment added to the weight (0 when none applies). */
  tfAdjustment: number;
  m: number | null;
  u: number | null;
  left: string;
  right: string;
}

export interface PairExplanation {
  leftId: string;
  rightId: string;
  modelVersion: string;
  priorWeight: number;
  /** Prior + Σ (weight + tfAdjustment); -Infinity when excluded. */
  matchWeight: number;
  matchProbability: number;
  excluded: boolean;
  exclusionReason: string | null;
  comparisons: ComparisonEvidence[];
}

/** Comparisons every model must score (sex carries the only hard exclusion). */
export const REQUIRED_COMPARISONS: readonly string[] = ['given_name', 'first_surname', 'second_surname', 'sex'];

interface TfSpec {
  referenceU: number;
  floor: number;
  min: number;
  max: number;
}

export class Scorer {
  readonly model: MatchModel;
  readonly prior: number;
  private readonly defs: readonly ComparisonDef[];
  private readonly weights: Float64Array[];
  private readonly tfLevel: Uint8Array[];
  private readonly excludeLevel: Int32Array;
  private readonly tfSpec: (TfSpec | null)[];
  readonly ctx: ComparisonContext;
  /** scoreAtLeast(): comparisons in order of their weight range, widest first … */
  private readonly boundOrder: Int32Array;
  /** … the most the comparisons from boundOrder[k] on can add (level weight plus the largest tf adjustment) … */
  private readonly reachable: Float64Array;
  /** … each comparison's most (per level), and its levels of the pair being scored. */
  private readonly levelCeiling: Float64Array[];
  private readonly pairLevels: Int32Array;

  constructor(model: MatchModel = MODEL_V1, frequencies: FrequencyTable | null = null) {
    const problems = validateModel(model);
    if (problems.length > 0) throw new Error(`invalid match model ${model.version}: ${problems.join('; ')}`);
    this.model = model;
    this.prior = priorWeight(model);
    // A model scores exactly the comparisons it lists (model 2 replaces time, place and marks by finer ones),
    // in the engine's order; a name the engine does not know, or different level labels, is refused.
    for (const c of model.comparisons) {
      if (!COMPARISONS.some((d) => d.name === c.name)) throw new Error(`model ${model.version}: unknown comparison ${c.name}`);
    }
    for (const required of REQUIRED_COMPARISONS) {
      if (!model.comparisons.some((c) => c.name === required)) throw new Error(`model ${model.version} lacks comparison ${required}`);
    }
    this.defs = COMPARISONS.filter((d) => model.comparisons.some((c) => c.name === d.name));
    this.weights = [];
    this.tfLevel = [];
    this.tfSpec = [];
    this.excludeLevel = new Int32Array(this.defs.length).fill(-1);
    this.defs.forEach((def, ci) => {
      const spec = model.comparisons.find((c) => c.name === def.name)!;
      const labels = spec.levels.map((l) => l.label);
      if (labels.join('|') !== def.labels.join('|')) {
        throw new Error(`model ${model.version}: ${def.name} levels [${labels}] differ from the engine's [${def.labels}]`);
      }
      this.weights.push(Float64Array.from(spec.levels.map(levelWeight)));
      this.tfLevel.push(Uint8Array.from(spec.levels.map((l) => (l.tf ? 1 : 0))));
      this.tfSpec.push(spec.tf ? { referenceU: spec.tf.referenceU, floor: spec.tf.floor, min: spec.tf.minAdjustment, max: spec.tf.maxAdjustment } : null);
      const ex = spec.levels.findIndex((l) => l.excludes);
      this.excludeLevel[ci] = ex;
    });
    this.ctx = { commonMotifs: commonMotifIds(frequencies) };
    // Each level's most and least (tf levels at their largest and smallest adjustment), excluding levels aside.
    const tfMost = (ci: number, level: number) => (this.tfLevel[ci][level] === 1 && this.tfSpec[ci] ? Math.max(0, this.tfSpec[ci]!.max) : 0);
    const tfLeast = (ci: number, level: number) => (this.tfLevel[ci][level] === 1 && this.tfSpec[ci] ? Math.min(0, this.tfSpec[ci]!.min) : 0);
    this.levelCeiling = this.weights.map((w, ci) => w.map((x, level) => x + tfMost(ci, level)));
    const kept = (ci: number) => [...this.weights[ci].keys()].filter((level) => level !== this.excludeLevel[ci]);
    const most = this.defs.map((_d, ci) => Math.max(...kept(ci).map((level) => this.levelCeiling[ci][level])));
    const least = this.defs.map((_d, ci) => Math.min(...kept(ci).map((level) => this.weights[ci][level] + tfLeast(ci, level))));
    this.boundOrder = Int32Array.from(this.defs.keys()).sort((x, y) => most[y] - least[y] - (most[x] - least[x]) || x - y);
    this.reachable = new Float64Array(this.defs.length + 1);
    for (let k = this.defs.length - 1; k >= 0; k--) this.reachable[k] = this.reachable[k + 1] + most[this.boundOrder[k]];
    this.pairLevels = new Int32Array(this.defs.length);
  }

  private tfAdjust(ci: number, tf: number): number {
    const spec = this.tfSpec[ci];
    if (!spec || !(tf > 0)) return 0;
    const adj = log2(spec.referenceU / Math.max(tf, spec.floor));
    return adj < spec.min ? spec.min : adj > spec.max ? spec.max : adj;
  }

  /** Total match weight of a report (left) and a victim (right); -Infinity when excluded. */
  score(left: PreparedRecord, right: PreparedRecord): number {
    let a = left;
    let b = right;
    if (a.isVictim && !b.isVictim) {
      a = right;
      b = left;
    }
    let w = this.prior;
    const defs = this.defs;
    const ctx = this.ctx;
    for (let ci = 0; ci < defs.length; ci++) {
      const def = defs[ci];
      const level = def.level(a, b, ctx);
      if (level === this.excludeLevel[ci]) return -Infinity;
      w += this.weights[ci][level];
      if (this.tfLevel[ci][level] === 1 && def.tf) w += this.tfAdjust(ci, def.tf(a, b, level));
    }
    return w;
  }

  /**
   * score(left, right) when it can reach `min`; -Infinity when it certainly cannot (or the pair is excluded). The
   * comparisons with the widest weight range are taken first; as soon as the weight so far plus the most the
   * others could add falls short of `min`, the rest are skipped. A pair that is not cut short is summed in the
   * model's order, so its weight is score()'s to the last bit.
   */
  scoreAtLeast(left: PreparedRecord, right: PreparedRecord, min: number): number {
    let a = left;
    let b = right;
    if (a.isVictim && !b.isVictim) {
      a = right;
      b = left;
    }
    const defs = this.defs;
    const ctx = this.ctx;
    const levels = this.pairLevels;
    // An upper bound of the weight of the comparisons taken so far (tf levels at their largest adjustment).
    let most = this.prior;
    for (let k = 0; k < defs.length; k++) {
      if (most + this.reachable[k] < min - BOUND_MARGIN) return -Infinity;
      const ci = this.boundOrder[k];
      const level = defs[ci].level(a, b, ctx);
      if (level === this.excludeLevel[ci]) return -Infinity;
      levels[ci] = level;
      most += this.levelCeiling[ci][level];
    }
    let w = this.prior;
    for (let ci = 0; ci < defs.length; ci++) {
      const def = defs[ci];
      const level = levels[ci];
      w += this.weights[ci][level];
      if (this.tfLevel[ci][level] === 1 && def.tf) w += this.tfAdjust(ci, def.tf(a, b, level));
    }
    return w;
  }

  probability(weight: number): number {
    return probabilityFromWeight(weight);
  }

  /** The full evidence for one pair, for the review screen. */
  explain(left: PreparedRecord, right: PreparedRecord): PairExplanation {
    let a = left;
    let b = right;
    if (a.isVictim && !b.isVictim) {
      a = right;
      b = left;
    }
    let w = this.prior;
    let excluded = false;
    let reason: string | null = null;
    const rows: ComparisonEvidence[] = [];
    this.defs.forEach((def, ci) => {
      const level = def.level(a, b, this.ctx);
      const spec = this.model.comparisons.find((c) => c.name === def.name)!.levels[level];
      const weight = this.weights[ci][level];
      const tfAdjustment = this.tfLevel[ci][level] === 1 && def.tf ? this.tfAdjust(ci, def.tf(a, b, level)) : 0;
      if (level === this.excludeLevel[ci]) {
        excluded = true;
        reason = `${def.name}: ${spec.label}`;
      }
      w += weight + tfAdjustment;
      rows.push({
        comparison: def.name,
        level: spec.label,
        weight: round(weight),
        tfAdjustment: round(tfAdjustment),
        m: spec.isNull ? null : spec.m,
        u: spec.isNull ? null : spec.u,
        left: def.show(a),
        right: def.show(b),
      });
    });
    const matchWeight = excluded ? -Infinity : w;
    return {
      leftId: a.id,
      rightId: b.id,
      modelVersion: this.model.version,
      priorWeight: round(this.prior),
      matchWeight: excluded ? -Infinity : round(matchWeight),
      matchProbability: probabilityFromWeight(matchWeight),
      excluded,
      exclusionReason: reason,
      comparisons: rows,
    };
  }
}

const round = (x: number): number => Math.round(x * 1000) / 1000;

/** scoreAtLeast() cuts a pair short only when it falls short by more than this (rounding of the sums of bounds). */
const BOUND_MARGIN = 1e-9;

/**
 * λ for a deployment: the expected number of true report–victim matches over the number of report–victim pairs.
 */
export function estimatePrior(expectedMatches: number, reports: number, victims: number): number {
  const pairs = reports * victims;
  if (pairs <= 0) return MODEL_V1.prior;
  return Math.min(0.5, Math.max(1e-9, expectedMatches / pairs));
}

/** Renders an explanation as plain text, one comparison per line, strongest contributions first. */
export function formatWaterfall(e: PairExplanation): string {
  const lines = [`prior (λ)${' '.repeat(24)}${e.priorWeight.toFixed(2).padStart(7)}`];
  let running = e.priorWeight;
  for (const c of e.comparisons) {
    const total = c.weight + c.tfAdjustment;
    running += total;
    const tf = c.tfAdjustment !== 0 ? ` (tf ${c.tfAdjustment >= 0 ? '+' : ''}${c.tfAdjustment.toFixed(2)})` : '';
    lines.push(
      `${c.comparison.padEnd(15)} ${c.level.padEnd(24)} ${total.toFixed(2).padStart(7)}${tf}  → ${running.toFixed(2)}   [${c.left}] vs [${c.right}]`,
    );
  }
  lines.push(`match weight ${e.matchWeight === -Infinity ? '-∞' : e.matchWeight.toFixed(2)}, probability ${e.matchProbability.toFixed(4)}${e.excluded ? ` — EXCLUDED (${e.exclusionReason})` : ''}`);
  return lines.join('\n');
}
