/**
 * npm run bench:engine -- [--seed 1] [--reports 100000] [--victims 50000] [--threads 2] [--model default|v1|v2] [--skip-scale]
 *
 * 1. Scoring throughput, single thread: the candidate pairs of the default evaluation set (5000 × 3000) scored
 *    repeatedly, and random report–victim pairs; prints pairs per second.
 * 2. Scale: prepare, block and score `--reports` × `--victims` synthetic records; prints the time of each stage,
 *    single-threaded and with the scoring split across `--threads` worker threads (scoreSlice over halves of
 *    the reports; each worker prepares its own records, as the service's worker will).
 * Prints aggregate figures only.
 */
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { BlockingIndex, Scorer, attachFrequencies, prepare, prepareAll, scoreSlice, type BlockingArrays, type FrequencyTable } from '../src/matching/engine/index.js';
import { modelByName } from '../src/matching/engine/models.js';
import type { MatchRecord } from '../src/matching/engine/types.js';
import { generateDataset } from '../src/matching/synthetic/generator.js';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1] : fallback;
}
const sec = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

interface WorkerInit {
  modelName: string;
  victims: MatchRecord[];
  reports: MatchRecord[];
  reportOffset: number;
  frequencies: FrequencyTable;
}

if (!isMainThread) {
  // Worker: prepare own records, then score the slice of reports it is given.
  const init = workerData as WorkerInit;
  const t = performance.now();
  const model = modelByName(init.modelName);
  const victims = init.victims.map(prepare);
  const reports = init.reports.map(prepare);
  for (const r of victims) attachFrequencies(r, init.frequencies);
  for (const r of reports) attachFrequencies(r, init.frequencies);
  const scorer = new Scorer(model, init.frequencies);
  parentPort!.postMessage({ type: 'ready', prepareMs: performance.now() - t });
  parentPort!.on('message', (msg: { arrays: BlockingArrays }) => {
    const t0 = performance.now();
    const thr = Math.log2(model.thresholds.match / (1 - model.thresholds.match));
    const out = scoreSlice({ arrays: msg.arrays, scorer, reports, reportOffset: init.reportOffset, victims, minWeight: thr });
    parentPort!.postMessage({ type: 'done', pairs: out.pairs, above: out.left.length, scoreMs: performance.now() - t0 });
  });
} else {
  main();
}

function throughput(modelName: string, seed: number) {
  const data = generateDataset({ seed, reports: 5000, victims: 3000 });
  const { records, frequencies } = prepareAll([...data.reports, ...data.victims]);
  const reports = records.slice(0, data.reports.length);
  const victims = records.slice(data.reports.length);
  const model = modelByName(modelName);
  const scorer = new Scorer(model, frequencies);
  const index = new BlockingIndex(reports, victims, undefined, model.blocking);
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
  console.log(
    `scoring (model ${model.version}), single thread: candidate pairs ${Math.round(blockedRate).toLocaleString('en')} pairs/s (${(rounds * L.length).toLocaleString('en')} pairs in ${sec(blockedMs)}); random pairs ${Math.round(n / (randomMs / 1000)).toLocaleString('en')} pairs/s`,
  );
  if (sink === 42) console.log('');
}

function startWorkers(init: Omit<WorkerInit, 'reports' | 'reportOffset'>, reports: MatchRecord[], threads: number) {
  const per = Math.ceil(reports.length / threads);
  return Array.from({ length: threads }, (_, k) => {
    const from = k * per;
    const w = new Worker(fileURLToPath(import.meta.url), {
      workerData: { ...init, reports: reports.slice(from, from + per), reportOffset: from } satisfies WorkerInit,
    });
    const ready = new Promise<number>((resolve, reject) => {
      w.once('message', (m: { prepareMs: number }) => resolve(m.prepareMs));
      w.once('error', reject);
    });
    return { worker: w, ready };
  });
}

async function scale(modelName: string, seed: number) {
  const reportsN = Number(arg('reports', '100000'));
  const victimsN = Number(arg('victims', '50000'));
  const threads = Number(arg('threads', '2'));
  const model = modelByName(modelName);
  let t = performance.now();
  const data = generateDataset({ seed, reports: reportsN, victims: victimsN });
  console.log(`scale ${reportsN} × ${victimsN} (model ${model.version}): generated in ${sec(performance.now() - t)} (not counted); load average ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}, ${os.cpus().length} cores`);

  t = performance.now();
  const { records, frequencies } = prepareAll([...data.reports, ...data.victims]);
  const reports = records.slice(0, data.reports.length);
  const victims = records.slice(data.reports.length);
  const prepMs = performance.now() - t;

  t = performance.now();
  const scorer = new Scorer(model, frequencies);
  const index = new BlockingIndex(reports, victims, undefined, model.blocking);
  const indexMs = performance.now() - t;

  // Single thread.
  t = performance.now();
  let pairs = 0;
  let above = 0;
  const thr = Math.log2(model.thresholds.match / (1 - model.thresholds.match));
  for (const r of reports) {
    index.candidates(r, (vi) => {
      pairs++;
      if (scorer.score(r, victims[vi]) >= thr) above++;
    });
  }
  const scoreMs = performance.now() - t;
  console.log(`  prepare ${sec(prepMs)}; blocking index ${sec(indexMs)}; candidates + scoring ${sec(scoreMs)} (${pairs.toLocaleString('en')} pairs, ${(pairs / reports.length).toFixed(1)} per report, ${above} above threshold)`);
  console.log(`  ONE THREAD: blocking + scoring ${sec(indexMs + scoreMs)}; with prepare ${sec(prepMs + indexMs + scoreMs)}`);
  const oversized = index.oversizedKeys();
  console.log(`  rules: ${index.rules.map((r, i) => `${r.name} ${index.ruleHits[i]} (refined ${oversized[i].count}, dropped ${oversized[i].dropped})`).join('; ')}`);

  // Worker threads: each prepares its own records (victims + its reports), then scores its half of the reports.
  t = performance.now();
  const workers = startWorkers({ modelName, victims: data.victims, frequencies }, data.reports, threads);
  const workerPrepMs = await Promise.all(workers.map((w) => w.ready));
  const workerPrepWall = performance.now() - t;
  const arrays = index.toArrays(); // the same index: its typed arrays are copied to each worker
  const index2Ms = indexMs;
  t = performance.now();
  const results = await Promise.all(
    workers.map(
      ({ worker }) =>
        new Promise<{ pairs: number; above: number; scoreMs: number }>((resolve, reject) => {
          worker.once('message', resolve);
          worker.once('error', reject);
          worker.postMessage({ arrays });
        }),
    ),
  );
  const parallelMs = performance.now() - t;
  for (const { worker } of workers) await worker.terminate();
  const pPairs = results.reduce((s, r) => s + r.pairs, 0);
  const pAbove = results.reduce((s, r) => s + r.above, 0);
  console.log(
    `  ${threads} THREADS: blocking index ${sec(index2Ms)} (main thread) + candidates + scoring ${sec(parallelMs)} (wall; per worker ${results.map((r) => sec(r.scoreMs)).join(', ')}; ${pPairs.toLocaleString('en')} pairs, ${pAbove} above threshold${pPairs === pairs && pAbove === above ? ', same as one thread' : ', DIFFERENT from one thread'})`,
  );
  console.log(`  ${threads} THREADS: blocking + scoring ${sec(index2Ms + parallelMs)}; workers' own prepare ${sec(workerPrepWall)} wall (${workerPrepMs.map(sec).join(', ')}), done before, not counted; load average ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}`);
}

async function main() {
  const seed = Number(arg('seed', '1'));
  const modelName = arg('model', 'default');
  throughput(modelName, seed);
  if (!process.argv.includes('--skip-scale')) await scale(modelName, seed);
}
