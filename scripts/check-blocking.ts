/**
 * npm run check:blocking -- [--seed 1] [--reports 20000] [--victims 10000] [--new 1000] [--score]
 *
 * Fingerprints of the blocking index and (with --score) of the scorer, to check that a speed change leaves
 * their output exactly as it was: the build time of the index as a full run builds it (reverse side included),
 * the number of candidate pairs per rule, a hash of the pair set (each pair with its rule mask, order-free) and
 * of the sequence in which candidates() lists them; the same for the incremental paths (new reports through
 * candidates(), new victims through reportsOf()); with --score, the sum of the weights and a hash of their bits.
 * Aggregate figures only, no personal data.
 */
import { BlockingIndex, DEFAULT_RULES } from '../src/matching/engine/blocking.js';
import { attachFrequencies, buildFrequencyTable } from '../src/matching/engine/frequencies.js';
import { MODEL_DEFAULT } from '../src/matching/engine/models.js';
import { prepare } from '../src/matching/engine/prepare.js';
import { Scorer } from '../src/matching/engine/scorer.js';
import { deploymentPrior } from '../src/matching/pipeline/match-session.js';
import { generateDataset } from '../src/matching/synthetic/generator.js';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] !== undefined ? Number(process.argv[i + 1]) : fallback;
}
const SEED = arg('seed', 1);
const REPORTS = arg('reports', 20_000);
const VICTIMS = arg('victims', 10_000);
const NEW = arg('new', 1_000);
const SCORE = process.argv.includes('--score');

/** 32-bit mix of three integers (murmur3 finaliser over a simple combination). */
function mix(a: number, b: number, c: number): number {
  let h = Math.imul(a, 0x9e3779b1) ^ Math.imul(b + 0x7f4a7c15, 0x85ebca6b) ^ Math.imul(c + 0x165667b1, 0xc2b2ae35);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

class Fingerprint {
  pairs = 0;
  private set = 0;
  private setXor = 0;
  private seq = 0x811c9dc5;
  readonly perRule = new Float64Array(DEFAULT_RULES.length);
  add(ri: number, vi: number, mask: number): void {
    this.pairs++;
    const h = mix(ri, vi, mask);
    this.set = (this.set + h) >>> 0;
    this.setXor = (this.setXor ^ Math.imul(h, 0x2c1b3c6d)) >>> 0;
    this.seq = mix(this.seq, h, this.pairs);
    for (let m = mask, bit = 0; m !== 0; m >>>= 1, bit++) if (m & 1) this.perRule[bit]++;
  }
  toString(): string {
    const hex = (n: number) => n.toString(16).padStart(8, '0');
    const rules = DEFAULT_RULES.map((r, i) => `${r.name}=${this.perRule[i]}`).join(' ');
    return `pairs ${this.pairs}  set ${hex(this.set)}${hex(this.setXor)}  sequence ${hex(this.seq)}\n    ${rules}`;
  }
}

const data = generateDataset({ seed: SEED, reports: REPORTS, victims: VICTIMS });
const reports = data.reports.map(prepare);
const victims = data.victims.map(prepare);
const frequencies = buildFrequencyTable([...reports, ...victims]);
for (const r of [...reports, ...victims]) attachFrequencies(r, frequencies);

const t0 = performance.now();
const index = new BlockingIndex(reports, victims, DEFAULT_RULES, MODEL_DEFAULT.blocking, { reverse: true });
const t1 = performance.now();
console.log(`seed ${SEED}, ${REPORTS} reports × ${VICTIMS} victims: index built in ${((t1 - t0) / 1000).toFixed(2)} s`);
console.log(`  oversized ${JSON.stringify(index.oversizedKeys())}`);

const scorer = SCORE
  ? new Scorer({ ...MODEL_DEFAULT, prior: deploymentPrior(MODEL_DEFAULT, reports.length) }, frequencies)
  : null;
let weightSum = 0;
let weightHash = 0;
let excluded = 0;
const bits = new Float64Array(1);
const words = new Uint32Array(bits.buffer);
const full = new Fingerprint();
let scoreMs = 0;
const t2 = performance.now();
reports.forEach((r, ri) =>
  index.candidates(r, (vi, mask) => {
    full.add(ri, vi, mask);
    if (scorer) {
      const w = scorer.score(r, victims[vi]);
      if (w === -Infinity) excluded++;
      else weightSum += w;
      bits[0] = w;
      weightHash = (weightHash + mix(words[0], words[1], mix(ri, vi, 0))) >>> 0;
    }
  }),
);
scoreMs = performance.now() - t2;
console.log(`full: ${full}  (${(scoreMs / 1000).toFixed(2)} s${scorer ? ' with scoring' : ''})`);
if (scorer) {
  console.log(
    `  weights: sum ${weightSum.toPrecision(17)}, excluded ${excluded}, hash ${weightHash.toString(16).padStart(8, '0')}`,
  );
  // The pairs a run keeps (weight at least the review threshold's), scored in full and with scoreAtLeast().
  const threshold = MODEL_DEFAULT.thresholds.review;
  const minWeight = Math.log2(threshold / (1 - threshold));
  const pairsR: number[] = [];
  const pairsV: number[] = [];
  reports.forEach((r, ri) => index.candidates(r, (vi) => (pairsR.push(ri), pairsV.push(vi))));
  for (const cut of [false, true, false, true]) {
    let kept = 0;
    let keptHash = 0;
    const t = performance.now();
    for (let p = 0; p < pairsR.length; p++) {
      const w = cut
        ? scorer.scoreAtLeast(reports[pairsR[p]], victims[pairsV[p]], minWeight)
        : scorer.score(reports[pairsR[p]], victims[pairsV[p]]);
      if (!(w >= minWeight)) continue;
      kept++;
      bits[0] = w;
      keptHash = (keptHash + mix(words[0], words[1], mix(pairsR[p], pairsV[p], 0))) >>> 0;
    }
    const s = ((performance.now() - t) / 1000).toFixed(2);
    console.log(
      `  kept (weight >= ${minWeight.toFixed(2)}) via ${cut ? 'scoreAtLeast' : 'score      '}: ${kept}, hash ${keptHash.toString(16).padStart(8, '0')}  (${s} s)`,
    );
  }
}

// Records added after the build: new reports through candidates(), new victims through reportsOf().
const fresh = generateDataset({ seed: SEED + 1000, reports: NEW / 2, victims: NEW / 2 });
const newReports = fresh.reports.map(prepare);
const newVictims = fresh.victims.map(prepare);
for (const r of [...newReports, ...newVictims]) attachFrequencies(r, frequencies);
const added = new Fingerprint();
newReports.forEach((r, j) => index.candidates(r, (vi, mask) => added.add(j, vi, mask)));
newVictims.forEach((v, j) => index.reportsOf(v, (ri, mask) => added.add(ri, 1_000_000 + j, mask)));
console.log(`added: ${added}`);
