/**
 * npm run evaluate:independent -- --seed 1 --reports 5000 --victims 3000
 *                                 [--model default|v1|v2] [--threshold 0.53] [--deployment-prior] [--json] [--diagnose]
 *                                 [--without mark_free_text,full_name_surname_first,...]
 *
 * Runs the engine's blocking and scoring on the independent data set (scripts/independent/generator.ts) the same
 * way scripts/evaluate.ts does on ours: prepareAll over reports + victims, one Scorer with the model, one
 * BlockingIndex with DEFAULT_RULES and the model's blocking options, every candidate pair scored, the model's
 * match threshold unless --threshold is given. Prints aggregate figures only (no names or other personal values,
 * which are synthetic anyway). --diagnose adds aggregates of why true pairs were missed and why false pairs
 * passed (from the generator's corruption tags and the scorer's explanations).
 */
import { BlockingIndex, DEFAULT_RULES } from '../../src/matching/engine/blocking.js';
import { prepareAll } from '../../src/matching/engine/index.js';
import { modelByName } from '../../src/matching/engine/models.js';
import { Scorer } from '../../src/matching/engine/scorer.js';
import { deploymentPrior } from '../../src/matching/pipeline/match-session.js';
import { prepareMark } from '../../src/matching/engine/marks.js';
import type { MatchMark } from '../../src/matching/engine/types.js';
import { TopCandidates } from '../../src/matching/synthetic/evaluation.js';
import { generateIndependent, type IndependentDataset } from './generator.js';
import { MOTIFS, REGION_ES } from './world.js';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1] : fallback;
}

interface Ratio {
  hit: number;
  total: number;
}
const pct = (r: Ratio | number, total?: number): string => {
  const [h, n] = typeof r === 'number' ? [r, total ?? 0] : [r.hit, r.total];
  return n === 0 ? '—' : `${((100 * h) / n).toFixed(1)}%`;
};

class Tally {
  readonly m = new Map<string, Ratio>();
  add(key: string, hit: boolean) {
    const v = this.m.get(key) ?? { hit: 0, total: 0 };
    v.total++;
    if (hit) v.hit++;
    this.m.set(key, v);
  }
  sorted(): [string, Ratio][] {
    return [...this.m.entries()].sort(([a], [b]) => a.localeCompare(b));
  }
}

const count = (m: Map<string, number>, k: string, by = 1) => m.set(k, (m.get(k) ?? 0) + by);
const top = (m: Map<string, number>, n: number) => [...m.entries()].sort((a, b) => b[1] - a[1]).slice(0, n);

export function runIndependent(
  data: IndependentDataset,
  opts: { modelName: string; threshold?: number; deploymentPriorOn: boolean; diagnose: boolean },
) {
  const named = modelByName(opts.modelName);
  const model = opts.deploymentPriorOn ? { ...named, prior: deploymentPrior(named, data.reports.length) } : named;
  const threshold = opts.threshold ?? model.thresholds.match;
  const K = 5;

  const t0 = performance.now();
  const prepared = prepareAll([...data.reports, ...data.victims]);
  const reports = prepared.records.slice(0, data.reports.length);
  const victims = prepared.records.slice(data.reports.length);
  const t1 = performance.now();
  const scorer = new Scorer(model, prepared.frequencies);
  const index = new BlockingIndex(reports, victims, DEFAULT_RULES, model.blocking);
  const t2 = performance.now();

  const nV = victims.length;
  const reportIdx = new Map(data.reports.map((r, i) => [r.id, i]));
  const victimIdx = new Map(data.victims.map((v, i) => [v.id, i]));
  const trueKey = new Set<number>();
  for (const tp of data.truePairs) trueKey.add(reportIdx.get(tp.reportId)! * nV + victimIdx.get(tp.victimId)!);

  const top = new TopCandidates(victims.length, K);
  const blocked = new Map<number, number>();
  const weightOf = new Map<number, number>();
  const predictedTrue = new Set<number>();
  const falsePositives: [number, number][] = [];
  let candidatePairs = 0;
  let predicted = 0;
  const minWeight = Math.log2(threshold / (1 - threshold));

  reports.forEach((r, ri) => {
    index.candidates(r, (vi, mask) => {
      candidatePairs++;
      const w = scorer.score(r, victims[vi]);
      const key = ri * nV + vi;
      const isTrue = trueKey.has(key);
      if (isTrue) {
        blocked.set(key, mask);
        weightOf.set(key, w);
      }
      if (w >= minWeight) {
        predicted++;
        if (isTrue) predictedTrue.add(key);
        else falsePositives.push([ri, vi]);
      }
      top.offer(vi, w, isTrue);
    });
  });
  const t3 = performance.now();

  const recall = new Tally();
  const blockRecall = new Tally();
  const missTags = new Tally(); // per tag: hit = missed
  const missedPairs: { ri: number; vi: number; blocked: boolean }[] = [];
  for (const tp of data.truePairs) {
    const ri = reportIdx.get(tp.reportId)!;
    const vi = victimIdx.get(tp.victimId)!;
    const key = ri * nV + vi;
    const t = data.victimTruth[vi];
    const hit = predictedTrue.has(key);
    const isBlocked = blocked.has(key);
    const cross = data.reports[ri].country !== data.victims[vi].country;
    const isNamed = t.nameCase === 'named';
    for (const g of [
      'all',
      `name:${t.nameCase}`,
      isNamed ? 'named' : 'not_named',
      `condition:${t.condition}`,
      `${isNamed ? 'named' : 'not_named'}+${t.condition}`,
      cross ? 'cross_border' : 'same_country',
    ]) {
      recall.add(g, hit);
      blockRecall.add(g, isBlocked);
    }
    const tags = new Set([
      ...t.tags.map((x) => `v:${x}`),
      ...data.reportTruth[ri].tags.map((x) => `r:${x}`),
      'ALL (baseline)',
    ]);
    if (isNamed) for (const tag of tags) missTags.add(tag, !hit);
    if (!hit) missedPairs.push({ ri, vi, blocked: isBlocked });
  }

  const topK = new Tally();
  const namelessTopTags = new Tally(); // nameless victims with a report: hit = true report NOT in the top 5
  data.victimTruth.forEach((t, vi) => {
    if (t.reportIds.length === 0) return;
    const hit = top.hasTrue(vi);
    if (t.nameCase === 'nameless') {
      const rtags = t.reportIds.flatMap((id) => data.reportTruth[reportIdx.get(id)!].tags.map((x) => `r:${x}`));
      for (const tag of new Set([
        ...t.tags.map((x) => `v:${x}`),
        ...rtags,
        `condition:${t.condition}`,
        'ALL (baseline)',
      ]))
        namelessTopTags.add(tag, !hit);
    }
    topK.add('all', hit);
    topK.add(`name:${t.nameCase}`, hit);
    if (t.nameCase === 'nameless') topK.add(`nameless+${t.condition}`, hit);
  });

  const precisionBy = new Tally(); // per victim name case: hit = predicted pair is true
  for (const key of predictedTrue) precisionBy.add(`name:${data.victimTruth[key % nV].nameCase}`, true);
  for (const [, vi] of falsePositives) precisionBy.add(`name:${data.victimTruth[vi].nameCase}`, false);
  const fpBy = new Map<string, number>();
  for (const [, vi] of falsePositives) {
    const t = data.victimTruth[vi];
    count(fpBy, t.reportIds.length > 0 ? 'victim_of_another_report' : (t.negativeKind ?? 'unrelated'));
  }

  const tp = predictedTrue.size;
  const precision = predicted === 0 ? 0 : tp / predicted;
  const rec = data.truePairs.length === 0 ? 0 : tp / data.truePairs.length;
  const result = {
    seed: data.seed,
    modelVersion: model.version,
    threshold,
    reports: reports.length,
    victims: victims.length,
    rejectedBodies: data.rejected.length,
    truePairs: data.truePairs.length,
    candidatePairs,
    pairsPerReport: candidatePairs / Math.max(1, reports.length),
    pairsPerVictim: candidatePairs / Math.max(1, victims.length),
    blockingRecall: blocked.size / Math.max(1, data.truePairs.length),
    predicted,
    truePositives: tp,
    precision,
    recall: rec,
    f1: precision + rec === 0 ? 0 : (2 * precision * rec) / (precision + rec),
    recallBy: Object.fromEntries(recall.sorted()),
    blockingRecallBy: Object.fromEntries(blockRecall.sorted()),
    topK: Object.fromEntries(topK.sorted()),
    falsePositivesBy: Object.fromEntries(fpBy),
    precisionBy: Object.fromEntries(precisionBy.sorted()),
    timingsMs: { prepare: t1 - t0, blockingIndex: t2 - t1, blockAndScore: t3 - t2, total: t3 - t0 },
  };

  let diagnosis: string[] = [];
  if (opts.diagnose) {
    diagnosis = diagnose(data, {
      reports,
      victims,
      scorer,
      missedPairs,
      falsePositives,
      missTags,
      namelessTopTags,
      minWeight,
    });
  }
  return { result, diagnosis };
}

function diagnose(
  data: IndependentDataset,
  ctx: {
    reports: ReturnType<typeof prepareAll>['records'];
    victims: ReturnType<typeof prepareAll>['records'];
    scorer: Scorer;
    missedPairs: { ri: number; vi: number; blocked: boolean }[];
    falsePositives: [number, number][];
    missTags: Tally;
    namelessTopTags: Tally;
    minWeight: number;
  },
): string[] {
  const out: string[] = [];
  const { reports, victims, scorer } = ctx;
  const notBlocked = ctx.missedPairs.filter((m) => !m.blocked);
  const lowScore = ctx.missedPairs.filter((m) => m.blocked);
  out.push(
    `missed true pairs: ${ctx.missedPairs.length} (not blocked ${notBlocked.length}, blocked but below threshold ${lowScore.length})`,
  );

  const byCase = new Map<string, number>();
  for (const m of notBlocked) count(byCase, `${data.victimTruth[m.vi].nameCase}+${data.victimTruth[m.vi].condition}`);
  out.push(
    `not blocked, by victim case: ${top(byCase, 10)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}`,
  );

  const tagTable = (title: string, tally: Tally, verb: string) => {
    out.push(title);
    const rows = tally
      .sorted()
      .filter(([, r]) => r.total >= 20)
      .sort((a, b) => b[1].hit / b[1].total - a[1].hit / a[1].total);
    for (const [k, r] of rows) out.push(`  ${k.padEnd(36)} ${verb} ${pct(r).padStart(6)}  (${r.hit}/${r.total})`);
  };
  tagTable(
    'NAMED victims: share of true pairs missed at the threshold, by corruption tag (tags on ≥ 20 pairs; v: victim, r: report):',
    ctx.missTags,
    'missed',
  );
  tagTable(
    'NAMELESS victims with a report: share whose true report is NOT in their top 5, by tag (≥ 20 victims):',
    ctx.namelessTopTags,
    'not in top 5',
  );

  // Comparisons that pulled missed-but-blocked pairs down (named and alias victims only: nameless ones have
  // little evidence by construction), and levels that pushed false positives up.
  const against = new Map<string, number>();
  const againstW = new Map<string, number>();
  let lowNamed = 0;
  const exclusions = new Map<string, number>();
  for (const m of lowScore) {
    const e = scorer.explain(reports[m.ri], victims[m.vi]);
    if (e.excluded) count(exclusions, e.exclusionReason ?? 'excluded');
    if (data.victimTruth[m.vi].nameCase !== 'named') continue; // named victims only (false names disagree by design)
    lowNamed++;
    for (const c of e.comparisons) {
      const w = c.weight + c.tfAdjustment;
      if (w < -1) {
        count(against, `${c.comparison}=${c.level}`);
        count(againstW, `${c.comparison}=${c.level}`, w);
      }
    }
  }
  out.push(
    `exclusions among blocked misses: ${
      top(exclusions, 8)
        .map(([k, v]) => `${k} ${v}`)
        .join(', ') || 'none'
    }`,
  );
  out.push(`levels weighing against blocked-but-missed NAMED pairs (${lowNamed} pairs; count, mean weight):`);
  for (const [k, v] of top(against, 14))
    out.push(`  ${k.padEnd(44)} ${String(v).padStart(5)}  ${(againstW.get(k)! / v).toFixed(2)}`);

  const nameless = lowScore.filter((m) => data.victimTruth[m.vi].nameCase === 'nameless');
  const againstN = new Map<string, number>();
  for (const m of nameless) {
    const e = scorer.explain(reports[m.ri], victims[m.vi]);
    for (const c of e.comparisons) if (c.weight + c.tfAdjustment < -1) count(againstN, `${c.comparison}=${c.level}`);
  }
  out.push(`levels weighing against blocked-but-missed NAMELESS pairs (${nameless.length} pairs):`);
  for (const [k, v] of top(againstN, 10)) out.push(`  ${k.padEnd(44)} ${String(v).padStart(5)}`);

  const forFp = new Map<string, number>();
  const fpKinds = new Map<string, number>();
  for (const [ri, vi] of ctx.falsePositives) {
    const e = scorer.explain(reports[ri], victims[vi]);
    const strongest = e.comparisons
      .filter((c) => c.weight + c.tfAdjustment > 2)
      .sort((a, b) => b.weight + b.tfAdjustment - (a.weight + a.tfAdjustment))
      .slice(0, 3);
    for (const c of strongest) count(forFp, `${c.comparison}=${c.level}`);
    const t = data.victimTruth[vi];
    const rp = data.reportTruth[ri].personId;
    const kind =
      t.personId === rp
        ? 'same_person?'
        : (t.negativeKind ?? (t.reportIds.length ? 'victim_of_another_report' : 'unrelated'));
    count(fpKinds, `${kind}+${t.nameCase}`);
  }
  out.push(...markParaphraseCoverage());
  out.push(
    `false positives by victim kind and case: ${top(fpKinds, 12)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}`,
  );
  out.push('levels among the three strongest reasons of false positives (count):');
  for (const [k, v] of top(forFp, 14)) out.push(`  ${k.padEnd(44)} ${String(v).padStart(5)}`);
  return out;
}

function format(r: ReturnType<typeof runIndependent>['result'], genMs: number): string {
  const L: string[] = [];
  L.push(
    `independent set, seed ${r.seed}; generated (through API validation and mapping) in ${(genMs / 1000).toFixed(2)} s; bodies refused by validation: ${r.rejectedBodies}`,
  );
  L.push(`model ${r.modelVersion}, threshold p ≥ ${r.threshold}`);
  L.push(`records: ${r.reports} reports, ${r.victims} victims, ${r.truePairs} true pairs`);
  L.push(
    `candidate pairs: ${r.candidatePairs} (${r.pairsPerReport.toFixed(1)} per report, ${r.pairsPerVictim.toFixed(1)} per victim); blocking recall ${(100 * r.blockingRecall).toFixed(1)}%`,
  );
  L.push(
    `precision ${(100 * r.precision).toFixed(1)}%  recall ${(100 * r.recall).toFixed(1)}%  F1 ${r.f1.toFixed(3)}  (predicted ${r.predicted}, true positives ${r.truePositives})`,
  );
  L.push('recall by case (threshold / blocking):');
  for (const [k, v] of Object.entries(r.recallBy)) {
    L.push(`  ${k.padEnd(28)} ${pct(v).padStart(6)}  (${v.hit}/${v.total})   blocked ${pct(r.blockingRecallBy[k])}`);
  }
  L.push('victims with a true report among their top 5 candidates:');
  for (const [k, v] of Object.entries(r.topK)) L.push(`  ${k.padEnd(28)} ${pct(v).padStart(6)}  (${v.hit}/${v.total})`);
  L.push(
    `precision by victim case: ${Object.entries(r.precisionBy)
      .map(([k, v]) => `${k} ${pct(v)} (${v.hit}/${v.total})`)
      .join(', ')}`,
  );
  L.push(
    `false positives by kind of victim: ${
      Object.entries(r.falsePositivesBy)
        .map(([k, v]) => `${k} ${v}`)
        .join(', ') || 'none'
    }`,
  );
  const t = r.timingsMs;
  L.push(
    `time: prepare ${(t.prepare / 1000).toFixed(2)} s, index ${(t.blockingIndex / 1000).toFixed(2)} s, block+score ${(t.blockAndScore / 1000).toFixed(2)} s, total ${(t.total / 1000).toFixed(2)} s`,
  );
  return L.join('\n');
}

const isMain = process.argv[1]?.endsWith('evaluate-independent.js');
if (isMain) {
  const seed = Number(arg('seed', '1'));
  const nReports = Number(arg('reports', '5000'));
  const nVictims = Number(arg('victims', '3000'));
  const thresholdArg = arg('threshold', '');
  const g0 = performance.now();
  const without = arg('without', '').split(',').filter(Boolean);
  const data = generateIndependent({ seed, reports: nReports, victims: nVictims, without });
  if (without.length) console.log(`counterfactual: channels switched off: ${without.join(', ')}`);
  const g1 = performance.now();
  const { result, diagnosis } = runIndependent(data, {
    modelName: arg('model', 'default'),
    threshold: thresholdArg ? Number(thresholdArg) : undefined,
    deploymentPriorOn: process.argv.includes('--deployment-prior'),
    diagnose: process.argv.includes('--diagnose'),
  });
  if (process.argv.includes('--json'))
    console.log(JSON.stringify({ generateMs: g1 - g0, ...result, diagnosis }, null, 2));
  else {
    console.log(format(result, g1 - g0));
    if (data.rejected.length) {
      const reasons = new Map<string, number>();
      for (const r of data.rejected) for (const x of r.reasons) count(reasons, `${r.kind} ${x}`);
      console.log(
        `refused: ${top(reasons, 8)
          .map(([k, v]) => `${k} (${v})`)
          .join('; ')}`,
      );
    }
    if (diagnosis.length) console.log(['', 'diagnosis:', ...diagnosis].join('\n'));
  }
}

/**
 * How the engine reads the generator's mark wordings: for every motif, every (family wording, officer wording)
 * pair is prepared with prepareMark, the officer one both structured (same region) and as a forensic free-text
 * row (region "other", place in the words). Counts pairs whose motif ids intersect, and free-text rows whose
 * region comes out as the true one.
 */
function markParaphraseCoverage(): string[] {
  const out = [
    'mark wordings as the engine reads them (family × officer wording pairs; motif shared / region read from free text):',
  ];
  let shared = 0;
  let pairs = 0;
  let regionOk = 0;
  for (const m of MOTIFS) {
    const region = m.regions[0];
    const fill = (s: string) => s.replace('{N}', 'Lupita').replace('{D}', '2010');
    let mShared = 0;
    let mPairs = 0;
    let mRegion = 0;
    for (const f of m.family) {
      const a = prepareMark({ type: m.type, bodyRegion: region, description: fill(f) } as MatchMark);
      for (const o of m.officer) {
        const b = prepareMark({ type: m.type, bodyRegion: region, description: fill(o) } as MatchMark);
        const free = prepareMark({
          type: m.type,
          bodyRegion: 'other',
          description: `Tatuaje: ${fill(o)} en ${REGION_ES[region] ?? region} izq.`,
        } as MatchMark);
        mPairs++;
        if ([...a.motifs].some((x) => b.motifs.includes(x))) mShared++;
        if (free.region === a.region) mRegion++;
      }
    }
    shared += mShared;
    pairs += mPairs;
    regionOk += mRegion;
    out.push(
      `  ${m.key.padEnd(14)} motif shared ${String(mShared).padStart(2)}/${mPairs}   region from free text ${mRegion}/${mPairs}`,
    );
  }
  out.push(`  all            motif shared ${shared}/${pairs}   region from free text ${regionOk}/${pairs}`);
  return out;
}
