/**
 * Scoring a slice of reports against their blocked candidates: the unit of work of a worker thread.
 *
 * Pure (no I/O, no threads): the caller gives the blocking index as typed arrays (BlockingIndex.toArrays(), which
 * can be posted to a worker), a Scorer, and prepared records. The records must have been prepared in the same
 * thread as the Scorer (interned ids are per thread); report and victim INDICES are what the arrays share.
 */
import { candidateScratch, candidatesOf, type BlockingArrays, type CandidateScratch } from './blocking.js';
import type { Scorer } from './scorer.js';
import type { PreparedRecord } from './types.js';

export interface SliceInput {
  arrays: BlockingArrays;
  scorer: Scorer;
  /** Reports of this slice: reports[i] is report index reportOffset + i of the index. */
  reports: readonly PreparedRecord[];
  reportOffset?: number;
  /** All victims, in the index's order. */
  victims: readonly PreparedRecord[];
  /** Report indices [from, to) of the index (defaults: the whole of `reports`). */
  from?: number;
  to?: number;
  /** Pairs with a weight below this are counted but not returned (default: the review threshold's weight). */
  minWeight?: number;
  scratch?: CandidateScratch;
}

export interface ScoredSlice {
  /** Candidate pairs scored. */
  pairs: number;
  /** Returned pairs (weight ≥ minWeight), as parallel arrays: report index, victim index, weight, rule mask. */
  left: Int32Array;
  right: Int32Array;
  weight: Float64Array;
  ruleMask: Uint32Array;
}

export function scoreSlice(input: SliceInput): ScoredSlice {
  const { arrays, scorer, reports, victims } = input;
  const offset = input.reportOffset ?? 0;
  const from = input.from ?? offset;
  const to = input.to ?? offset + reports.length;
  const review = scorer.model.thresholds.review;
  const minWeight = input.minWeight ?? Math.log2(review / (1 - review));
  const scratch = input.scratch ?? candidateScratch(arrays.victims);
  const left: number[] = [];
  const right: number[] = [];
  const weight: number[] = [];
  const masks: number[] = [];
  let pairs = 0;
  for (let ri = from; ri < to; ri++) {
    const r = reports[ri - offset];
    pairs += candidatesOf(arrays, ri, scratch, (vi, mask) => {
      const w = scorer.score(r, victims[vi]);
      if (w >= minWeight) {
        left.push(ri);
        right.push(vi);
        weight.push(w);
        masks.push(mask);
      }
    });
  }
  return {
    pairs,
    left: Int32Array.from(left),
    right: Int32Array.from(right),
    weight: Float64Array.from(weight),
    ruleMask: Uint32Array.from(masks),
  };
}
