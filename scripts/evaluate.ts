/**
 * npm run evaluate -- --seed 1 --reports 5000 --victims 3000 [--model default|v1|v2] [--threshold 0.5] [--json]
 *                      [--deployment-prior]
 *
 * --deployment-prior scales the model's prior λ to the number of reports as the service does (deploymentPrior:
 * halved per doubling beyond the 5,000 reports the models were fitted on); without it λ is the model's.
 * Generates a synthetic data set, runs blocking and scoring, and prints aggregate quality and speed figures.
 * Prints no personal data.
 */
import { modelByName } from '../src/matching/engine/models.js';
import { deploymentPrior } from '../src/matching/pipeline/match-session.js';
import { generateDataset } from '../src/matching/synthetic/generator.js';
import { evaluate, formatReport } from '../src/matching/synthetic/evaluation.js';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1] : fallback;
}

const seed = Number(arg('seed', '1'));
const reports = Number(arg('reports', '5000'));
const victims = Number(arg('victims', '3000'));
const thresholdArg = arg('threshold', '');
const json = process.argv.includes('--json');
const named = modelByName(arg('model', 'default'));
const model = process.argv.includes('--deployment-prior') ? { ...named, prior: deploymentPrior(named, reports) } : named;

const t0 = performance.now();
const data = generateDataset({ seed, reports, victims });
const t1 = performance.now();
const report = evaluate(data, thresholdArg ? { model, threshold: Number(thresholdArg) } : { model });
if (json) {
  console.log(JSON.stringify({ seed, generateMs: t1 - t0, ...report }, null, 2));
} else {
  console.log(`seed ${seed}; generated in ${((t1 - t0) / 1000).toFixed(2)} s`);
  console.log(formatReport(report));
}
