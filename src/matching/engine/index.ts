/**
 * Public API of the matching engine (pure TypeScript: no NestJS, no TypeORM).
 *
 *   const prepared = prepareAll(records);                 // features once per record (+ term frequencies)
 *   const scorer = new Scorer(MODEL_V1, prepared.frequencies);
 *   const index = new BlockingIndex(reports, victims);    // or block(reports, victims) for all pairs at once
 *   index.candidates(report, (vi, mask) => scorer.score(report, victims[vi]));
 *   scorer.explain(report, victim);                        // waterfall for the review screen
 */
import { attachFrequencies, buildFrequencyTable, type FrequencyTable } from './frequencies.js';
import { prepare } from './prepare.js';
import type { MatchRecord, PreparedRecord } from './types.js';

export * from './types.js';
export { prepare } from './prepare.js';
export { normalizeName, normalizeGivenNames, normalizeSurname } from './normalize.js';
export { latamKey, mayaKey } from './phonetic.js';
export { canonicalGivenForms, nicknameCanonicals } from './nicknames.js';
export { jaroWinkler } from './jaro-winkler.js';
export { fold } from './text.js';
export { buildFrequencyTable, attachFrequencies, type FrequencyTable } from './frequencies.js';
export { COMPARISONS, type ComparisonDef } from './comparisons.js';
export { MODEL_V1 } from './model.v1.js';
export { MODEL_V2 } from './model.v2.js';
export { MODEL_V3 } from './model.v3.js';
export { MODEL_DEFAULT, MODELS, modelByName } from './models.js';
export { type MatchModel, type ComparisonSpec, type LevelSpec, levelWeight, probabilityFromWeight, validateModel } from './model.js';
export { Scorer, estimatePrior, formatWaterfall, type PairExplanation, type ComparisonEvidence } from './scorer.js';
export {
  BlockingIndex,
  block,
  candidatesOf,
  candidateScratch,
  DEFAULT_RULES,
  type BlockingArrays,
  type BlockingRule,
  type CandidateScratch,
  type KeyPart,
  type CandidatePairs,
  type BlockingStats,
} from './blocking.js';
export { scoreSlice, type ScoredSlice, type SliceInput } from './slice.js';
export {
  chooseThreshold,
  estimateModel,
  matchCountRatio,
  tallyLevels,
  type LabelledSet,
  type TrainingTally,
} from './trainer.js';

export interface PreparedSet {
  records: PreparedRecord[];
  frequencies: FrequencyTable;
}

/**
 * Prepares many records and attaches term frequencies. Pass `frequencies` to use a table built elsewhere
 * (e.g. from the whole database); otherwise one is built from these records.
 */
export function prepareAll(records: readonly MatchRecord[], frequencies?: FrequencyTable): PreparedSet {
  const prepared = records.map(prepare);
  const table = frequencies ?? buildFrequencyTable(prepared);
  for (const p of prepared) attachFrequencies(p, table);
  return { records: prepared, frequencies: table };
}
