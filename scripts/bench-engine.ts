/**
 * npm run bench:engine -- [--seed 1] [--reports 100000] [--victims 50000] [--skip-scale]
 *
 * 1. Scoring throughput, single thread: the candidate pairs of the default evaluation set (5000 × 3000) scored
 *    repeatedly, and random report–victim pairs; prints pairs per second.
 * 2. Scale: prepare, block and score `--reports` × `--victims` synthetic records; prints the time of each stage.
 * Prints aggregate figures only.
 */
import { BlockingIndex, Scorer, prepareAll } from '../src/matching/engine/index.js';
import { generateDataset } from '../src/matching/synthetic/generator.js';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1] : fallback;
}
const seed = Number(arg('seed', '1'));
const sec = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

function throughput() {
  const data = generateDataset({ seed, reports: 5000, victims: 3000 });
  const { records, frequencies } = prepareAll([...data.reports, ...data.victims]);
  const reports = records.slice(0, data.reports.length);
  const victims = records.slice(data.reports.length);
  const scorer = new Scorer(undefined, frequencies);
  const index = new BlockingIndex(reports, victims);
  const left: number[] = [];
  const right: number[] = [];
  reports.forEach((r, ri) => index.candidates(r, (vi) => (left.push(ri), right.push(vi))));
  const L = Int32Array.from(left);
  const R = Int32Array.from(right);
  let sink = 0;
  // warm-up
  for (let i = 0; i < Math.min(L.length, 200_000); i++) sink += scorer.score(reports[L[i]], victims[R[i]]);
  const rounds = Math.max(1, Math.ceil(3_000_000 / L.length));
  let t = performance.now();
  for (let k = 0; k < rounds; k++) for (let i = 0; i < L.length; i++) sink += scorer.score(reports[L[i]], victims[R[i]]);
  const blockedMs = performance.now() - t;
  const blockedRate = (rounds * L.length) / (blockedMs / 1000);
  const n = 2_000_000;
  let x = 12345;
  t = performance.now();
  for (let i = 0; i < n; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    sink += scorer.score(reports[x % reports.length], victims[(x >>> 8) % victims.length]);
  }
  const randomMs = performance.now() - t;
  console.log(`scoring, single thread: candidate pairs ${Math.round(blockedRate).toLocaleString('en')} pairs/s (${(rounds * L.length).toLocaleString('en')} pairs in ${sec(blockedMs)}); random pairs ${Math.round(n / (randomMs / 1000)).toLocaleString('en')} pairs/s`);
  if (sink === 42) console.log('');
}

function scale() {
  const reportsN = Number(arg('reports', '100000'));
  const victimsN = Number(arg('victims', '50000'));
  let t = performance.now();
  const data = generateDataset({ seed, reports: reportsN, victims: victimsN });
  console.log(`scale ${reportsN} × ${victimsN}: generated in ${sec(performance.now() - t)} (not counted)`);
  t = performance.now();
  const { records, frequencies } = prepareAll([...data.reports, ...data.victims]);
  const reports = records.slice(0, data.reports.length);
  const victims = records.slice(data.reports.length);
  const prepMs = performance.now() - t;
  t = performance.now();
  const scorer = new Scorer(undefined, frequencies);
  const index = new BlockingIndex(reports, victims);
  const indexMs = performance.now() - t;
  t = performance.now();
  let pairs = 0;
  let above = 0;
  const thr = Math.log2(scorer.model.thresholds.match / (1 - scorer.model.thresholds.match));
  for (const r of reports) {
    index.candidates(r, (vi) => {
      pairs++;
      if (scorer.score(r, victims[vi]) >= thr) above++;
    });
  }
  const scoreMs = performance.now() - t;
  console.log(`  prepare ${sec(prepMs)}; blocking index ${sec(indexMs)}; candidates + scoring ${sec(scoreMs)} (${pairs.toLocaleString('en')} pairs, ${(pairs / reports.length).toFixed(1)} per report, ${above} above threshold)`);
  console.log(`  blocking + scoring ${sec(indexMs + scoreMs)}; with prepare ${sec(prepMs + indexMs + scoreMs)} (one thread)`);
  const oversized = index.oversizedKeys();
  console.log(`  rules: ${index.rules.map((r, i) => `${r.name} ${index.ruleHits[i]} (refined ${oversized[i].count}, dropped ${oversized[i].dropped})`).join('; ')}`);
}

throughput();
if (!process.argv.includes('--skip-scale')) scale();
