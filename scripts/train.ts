/**
 * npm run train -- --seeds 101,102,103 [--independent-seeds 201,202,203] [--reports 5000] [--victims 3000] [--random-pairs 1000000] [--alpha 10] [--min-m 0.002]
 *                  [--version 2.0.0] [--out src/matching/engine/model.v2.ts] [--force]
 *
 * Estimates m and u of every comparison level, the prior λ and the default threshold from labelled pairs of the
 * synthetic generator run with TRAINING seeds (never the evaluation seeds 1, 2, 3), starting from TEMPLATE_V2's
 * levels (model.template.ts; its values are only the smoothing prior). Prints aggregate counts only; with --out writes the model
 * as a TypeScript module. Refuses to write when the implausible-match-count check fails (unless --force).
 */
import { writeFileSync } from 'node:fs';
import { TEMPLATE_V2 } from '../src/matching/engine/model.template.js';
import { validateModel, type MatchModel } from '../src/matching/engine/model.js';
import {
  chooseThreshold,
  describeTally,
  emptyTally,
  estimateModel,
  matchCountRatio,
  scoreCandidates,
  tallyLevels,
  type LabelledSet,
} from '../src/matching/engine/trainer.js';
import { labelledSet } from '../src/matching/synthetic/evaluation.js';
import { generateDataset } from '../src/matching/synthetic/generator.js';
import { generateIndependent } from './independent/generator.js';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1] : fallback;
}

const EVALUATION_SEEDS = new Set([1, 2, 3]);
const seeds = arg('seeds', '101,102,103').split(',').filter(Boolean).map(Number);
// Seeds of the independent generator (scripts/independent/) whose sets are added to the training pairs; none by default.
const independentSeeds = arg('independent-seeds', '').split(',').filter(Boolean).map(Number);
if ([...seeds, ...independentSeeds].some((s) => EVALUATION_SEEDS.has(s)) && !process.argv.includes('--force')) {
  console.error('refusing to train on an evaluation seed (1, 2, 3); pass other seeds');
  process.exit(2);
}
const reportsN = Number(arg('reports', '5000'));
const victimsN = Number(arg('victims', '3000'));
const randomPairs = Number(arg('random-pairs', '1000000'));
const alpha = Number(arg('alpha', '10'));
const minM = Number(arg('min-m', '0.002'));
const version = arg('version', '2.0.0');
const out = arg('out', '');
const force = process.argv.includes('--force');
const template: MatchModel = TEMPLATE_V2;

const t0 = performance.now();
const sets: LabelledSet[] = [];
const tally = emptyTally();
// Each training set with the seed of its random non-matching pairs (a different multiplier per generator).
const sources = [
  ...seeds.map((seed) => ({ make: () => generateDataset({ seed, reports: reportsN, victims: victimsN }), randomSeed: seed * 7919 })),
  ...independentSeeds.map((seed) => ({ make: () => generateIndependent({ seed, reports: reportsN, victims: victimsN }), randomSeed: seed * 7927 })),
];
for (const { make, randomSeed } of sources) {
  const set = labelledSet(make());
  sets.push(set);
  tallyLevels(set, { randomPairs, seed: randomSeed, blocking: template.blocking }, tally);
}
console.log(
  `training seeds ${seeds.join(',')}: ${tally.labelledPairs} labelled true pairs, ${tally.blockedTruePairs} among ${tally.candidatePairs} candidate pairs (blocking recall ${((100 * tally.blockedTruePairs) / tally.labelledPairs).toFixed(1)} %), ${tally.randomPairs} random pairs`,
);

const trainingSets = [seeds.length ? `our generator's seeds ${seeds.join(',')}` : '', independentSeeds.length ? `the independent generator's seeds ${independentSeeds.join(',')}` : '']
  .filter(Boolean)
  .join(' and ');
const description = `Fellegi–Sunter model for missing-person reports against suspected-victim records, Mexico–Guatemala; m and u estimated from labelled synthetic pairs (${trainingSets}).`;
const model = estimateModel(template, tally, { alpha, minM, version, description });

// Threshold and calibration on the training candidate pairs.
const all: { w: number[]; t: number[] } = { w: [], t: [] };
for (const set of sets) {
  const { weights, isTrue } = scoreCandidates(set, model);
  weights.forEach((w) => all.w.push(w));
  isTrue.forEach((t) => all.t.push(t));
}
const weights = Float64Array.from(all.w);
const isTrue = Uint8Array.from(all.t);
const choice = chooseThreshold(weights, isTrue, tally.labelledPairs);
model.thresholds = { match: choice.threshold, review: Math.min(0.05, Number((choice.threshold / 10).toPrecision(1))) };
const check = matchCountRatio(weights, isTrue);
const problems = validateModel(model);

for (const line of describeTally(tally, model)) console.log(line);
console.log(
  `prior λ ${model.prior} (matches / (reports × victims)); blocked share ${(tally.blockedTruePairs / tally.candidatePairs).toExponential(3)}`,
);
console.log(
  `threshold p ≥ ${choice.threshold} (weight ${choice.weight.toFixed(2)}): training precision ${(100 * choice.precision).toFixed(1)} %, recall ${(100 * choice.recall).toFixed(1)} %, F1 ${choice.f1.toFixed(3)}`,
);
console.log(
  `match-count check: Σp over candidates ${check.expected.toFixed(0)} vs ${check.labelled} true candidate pairs (ratio ${check.ratio.toFixed(2)})`,
);
console.log(`trained in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
const plausible = check.ratio >= 0.5 && check.ratio <= 2;
if (problems.length > 0) console.error(`invalid model: ${problems.join('; ')}`);
if (!plausible) console.error('implausible match count: the probabilities are not calibrated');

if (out) {
  if (problems.length > 0 || (!plausible && !force)) process.exit(1);
  const independentArg = independentSeeds.length ? ` --independent-seeds ${independentSeeds.join(',')}` : '';
  const command = `npm run train -- --seeds ${seeds.join(',')}${independentArg} --reports ${reportsN} --victims ${victimsN} --random-pairs ${randomPairs} --alpha ${alpha} --min-m ${minM} --version ${version} --out ${out}`;
  // Formatted as the rest of the code base (prettier is a dev dependency; the raw text is written without it).
  let text = renderModel(model, command, choice, check.ratio);
  try {
    const prettier = await import('prettier');
    text = await prettier.format(text, { ...((await prettier.resolveConfig(out)) ?? {}), parser: 'typescript' });
  } catch {
    // keep the unformatted text
  }
  writeFileSync(out, text);
  console.log(`wrote ${out}`);
}

function renderModel(m: MatchModel, command: string, c: typeof choice, ratio: number): string {
  const name = `MODEL_V${m.version.split('.')[0]}`;
  return `/**
 * Match model, version ${m.version} — TRAINED, not hand-set. Generated by scripts/train.ts; do not edit by hand.
 *
 *   ${command}
 *
 * Level labels, order and descriptions are those of model.template.ts (model 1's, with age, time, place and marks
 * replaced by age_detail, time_alive + time_deceased, place_detail and marks_detail); every m and u, the prior and the thresholds are
 * estimated from labelled synthetic pairs of the TRAINING sets, ${trainingSets} (${reportsN} reports × ${victimsN} victims
 * each; the evaluation seeds 1–3 of both generators are held out):
 *  - m: level shares among the ${tally.blockedTruePairs} true pairs that blocking produced;
 *  - u: level shares among ${tally.randomPairs} random non-matching report–victim pairs (not blocked pairs: blocking
 *    selects on names, birth bands, places and times);
 *  - smoothing: (count + ${alpha} × template share) / (total + ${alpha}), floor of half an observation, m ≥ ${minM}, renormalised;
 *  - λ = labelled matches / (reports × victims) = ${m.prior};
 *  - threshold p ≥ ${m.thresholds.match}: the F1-maximising value on the training candidate pairs (training F1 ${c.f1.toFixed(3)},
 *    precision ${(100 * c.precision).toFixed(1)} %, recall ${(100 * c.recall).toFixed(1)} %);
 *  - match-count check: Σ p over the training candidate pairs / true candidate pairs = ${ratio.toFixed(2)}.
 * These values describe the synthetic generators; on real data, retrain on confirmed pairs (docs/matching.md).
 */
import type { MatchModel } from './model.js';

export const ${name}: MatchModel = ${JSON.stringify(m, null, 2)};
`;
}
