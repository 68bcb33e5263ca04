/**
 * Shape of a versioned Fellegi–Sunter match model. The values live in model.v1.ts (and later versions);
 * comparisons.ts holds the level logic, which refers to levels by label and checks the model against it.
 */

export interface LevelSpec {
  /** Stable identifier shown to reviewers (and referred to by the comparison code). */
  label: string;
  /** P(level | the two records are the same person). */
  m: number;
  /** P(level | the two records are different people). */
  u: number;
  /** The null level (a side lacks the data): weight 0 whatever m and u say. */
  isNull?: boolean;
  /** Term-frequency adjustment applies on this level. */
  tf?: boolean;
  /** Agreement that makes the pair impossible (only used where certain). */
  excludes?: boolean;
  description: string;
}

export interface ComparisonSpec {
  name: string;
  description: string;
  levels: LevelSpec[];
  /** Term-frequency settings for the levels flagged tf. */
  tf?: {
    /** Frequency the level's u stands for: adjustment = log2(referenceU / max(tf, floor)). */
    referenceU: number;
    /** Lowest frequency credited (avoids huge bonuses for values seen once). */
    floor: number;
    /** Clamp of the adjustment, in bits. */
    minAdjustment: number;
    maxAdjustment: number;
  };
}

export interface BlockingSettings {
  /** A block (key) whose report × victim product exceeds this is refined by the rule's refine key. */
  maxBlockPairs: number;
  /** Birth-year band width, years. */
  birthBandYears: number;
}

export interface MatchModel {
  version: string;
  description: string;
  /** Probability that a random report–victim pair is a match (λ). */
  prior: number;
  thresholds: {
    /** Default match probability at or above which a pair is proposed as a match. */
    match: number;
    /** Pairs at or above this probability (but below match) go to the review queue as weaker candidates. */
    review: number;
  };
  blocking: BlockingSettings;
  comparisons: ComparisonSpec[];
}

export function log2(x: number): number {
  return Math.log(x) / Math.LN2;
}

/** Weight of a level: log2(m/u), 0 for the null level. */
export function levelWeight(level: LevelSpec): number {
  if (level.isNull) return 0;
  return log2(level.m / level.u);
}

/** Log2 prior odds. */
export function priorWeight(model: MatchModel): number {
  return log2(model.prior / (1 - model.prior));
}

export function probabilityFromWeight(weight: number): number {
  if (weight === -Infinity) return 0;
  if (weight === Infinity) return 1;
  return 1 / (1 + Math.pow(2, -weight));
}

/** Sanity checks a model (probabilities in range, m of non-null levels summing to about 1). */
export function validateModel(model: MatchModel): string[] {
  const problems: string[] = [];
  if (!(model.prior > 0 && model.prior < 1)) problems.push('prior must be in (0,1)');
  for (const c of model.comparisons) {
    let mSum = 0;
    let uSum = 0;
    for (const l of c.levels) {
      if (l.isNull) continue;
      if (!(l.m > 0 && l.m <= 1) || !(l.u > 0 && l.u <= 1)) problems.push(`${c.name}.${l.label}: m and u must be in (0,1]`);
      mSum += l.m;
      uSum += l.u;
    }
    if (Math.abs(mSum - 1) > 0.05) problems.push(`${c.name}: m sums to ${mSum.toFixed(3)}`);
    if (Math.abs(uSum - 1) > 0.05) problems.push(`${c.name}: u sums to ${uSum.toFixed(3)}`);
  }
  return problems;
}
