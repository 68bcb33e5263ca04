/**
 * Evaluation of the engine on a synthetic (or any labelled) data set: blocks, scores, and reports aggregate
 * figures only — never a name or any other personal value.
 */
import { BlockingIndex, DEFAULT_RULES } from '../engine/blocking.js';
import { prepareAll } from '../engine/index.js';
import type { MatchModel } from '../engine/model.js';
import { MODEL_DEFAULT } from '../engine/models.js';
import { Scorer } from '../engine/scorer.js';
import type { LabelledSet } from '../engine/trainer.js';
import type { MatchRecord } from '../engine/types.js';
import type { SyntheticDataset, VictimTruth } from './generator.js';

export interface EvaluationOptions {
  model?: MatchModel;
  /** Match probability threshold (default: the model's). */
  threshold?: number;
  topK?: number;
}

export interface Ratio {
  hit: number;
  total: number;
  rate: number;
}

export interface EvaluationReport {
  modelVersion: string;
  threshold: number;
  reports: number;
  victims: number;
  truePairs: number;
  candidatePairs: number;
  pairsPerReport: number;
  pairsPerVictim: number;
  blockingRecall: Ratio;
  predicted: number;
  truePositives: number;
  precision: number;
  recall: number;
  f1: number;
  recallBy: Record<string, Ratio>;
  blockingRecallBy: Record<string, Ratio>;
  /** Victims with a true report whose best true report ranks in the top K of their candidates. */
  topK: Record<string, Ratio>;
  falsePositivesBy: Record<string, number>;
  rules: { name: string; pairs: number; oversizedKeys: number; droppedKeys: number }[];
  /** How many true pairs each rule found (a pair can be found by several). */
  rulesTruePairs: Record<string, number>;
  timingsMs: Record<string, number>;
}

const ratio = (hit: number, total: number): Ratio => ({ hit, total, rate: total === 0 ? NaN : hit / total });

function bump(map: Map<string, [number, number]>, key: string, hit: boolean) {
  const v = map.get(key) ?? [0, 0];
  v[1]++;
  if (hit) v[0]++;
  map.set(key, v);
}

/** Per victim, the K best-scored candidates (weights descending) and whether each is a true pair. */
export class TopCandidates {
  private readonly weights: Float64Array[];
  private readonly truth: Uint8Array[];

  constructor(
    victims: number,
    readonly k: number,
  ) {
    this.weights = Array.from({ length: victims }, () => new Float64Array(k).fill(-Infinity));
    this.truth = Array.from({ length: victims }, () => new Uint8Array(k));
  }

  /** Offers a scored candidate of victim `vi`; kept when among its K best so far. */
  offer(vi: number, weight: number, isTrue: boolean): void {
    const tw = this.weights[vi];
    const tt = this.truth[vi];
    if (!(weight > tw[this.k - 1])) return;
    let pos = this.k - 1;
    while (pos > 0 && tw[pos - 1] < weight) {
      tw[pos] = tw[pos - 1];
      tt[pos] = tt[pos - 1];
      pos--;
    }
    tw[pos] = weight;
    tt[pos] = isTrue ? 1 : 0;
  }

  /** Whether a true pair is among victim `vi`'s K best. */
  hasTrue(vi: number): boolean {
    return this.truth[vi].some((x) => x === 1);
  }
}

export function evaluate(data: Pick<SyntheticDataset, 'reports' | 'victims' | 'truePairs' | 'victimTruth'>, options: EvaluationOptions = {}): EvaluationReport {
  const model = options.model ?? MODEL_DEFAULT;
  const threshold = options.threshold ?? model.thresholds.match;
  const K = options.topK ?? 5;
  const t0 = performance.now();
  const all: MatchRecord[] = [...data.reports, ...data.victims];
  const prepared = prepareAll(all);
  const reports = prepared.records.slice(0, data.reports.length);
  const victims = prepared.records.slice(data.reports.length);
  const t1 = performance.now();
  const scorer = new Scorer(model, prepared.frequencies);
  const index = new BlockingIndex(reports, victims, DEFAULT_RULES, model.blocking);
  const t2 = performance.now();

  const reportIdx = new Map(data.reports.map((r, i) => [r.id, i]));
  const victimIdx = new Map(data.victims.map((v, i) => [v.id, i]));
  const nV = victims.length;
  const trueKey = new Set<number>();
  for (const tp of data.truePairs) trueKey.add(reportIdx.get(tp.reportId)! * nV + victimIdx.get(tp.victimId)!);

  const top = new TopCandidates(victims.length, K);
  const blockedTrue = new Map<number, number>(); // pair key → rule mask
  let candidatePairs = 0;
  let predicted = 0;
  let truePositives = 0;
  const predictedTrue = new Set<number>();
  const fpBy = new Map<string, number>();
  const truthByVictim = data.victimTruth;
  const weightThreshold = Math.log2(threshold / (1 - threshold));

  reports.forEach((r, ri) => {
    index.candidates(r, (vi, mask) => {
      candidatePairs++;
      const w = scorer.score(r, victims[vi]);
      const key = ri * nV + vi;
      const isTrue = trueKey.has(key);
      if (isTrue) blockedTrue.set(key, mask);
      if (w >= weightThreshold) {
        predicted++;
        if (isTrue) {
          truePositives++;
          predictedTrue.add(key);
        } else {
          const kind = truthByVictim[vi].negativeKind ?? (truthByVictim[vi].reportIds.length > 0 ? 'other_persons_victim' : 'other');
          fpBy.set(kind, (fpBy.get(kind) ?? 0) + 1);
        }
      }
      top.offer(vi, w, isTrue);
    });
  });
  const t3 = performance.now();

  const recallBy = new Map<string, [number, number]>();
  const blockBy = new Map<string, [number, number]>();
  const rulesTrue: Record<string, number> = Object.fromEntries(DEFAULT_RULES.map((r) => [r.name, 0]));
  for (const tp of data.truePairs) {
    const ri = reportIdx.get(tp.reportId)!;
    const vi = victimIdx.get(tp.victimId)!;
    const key = ri * nV + vi;
    const t: VictimTruth = truthByVictim[vi];
    const hit = predictedTrue.has(key);
    const blocked = blockedTrue.has(key);
    const crossBorder = data.reports[ri].country !== data.victims[vi].country;
    const named = t.nameCase === 'named';
    const groups = [
      `name:${t.nameCase}`,
      named ? 'named' : t.nameCase === 'nameless' ? 'nameless' : 'alias_or_false_name',
      `condition:${t.condition}`,
      `${named ? 'named' : 'not_named'}+${t.condition}`,
      crossBorder ? 'cross_border' : 'same_country',
    ];
    for (const g of groups) {
      bump(recallBy, g, hit);
      bump(blockBy, g, blocked);
    }
    const mask = blockedTrue.get(key) ?? 0;
    DEFAULT_RULES.forEach((r, i) => {
      if (mask & (1 << i)) rulesTrue[r.name]++;
    });
  }

  const topBy = new Map<string, [number, number]>();
  truthByVictim.forEach((t, vi) => {
    if (t.reportIds.length === 0) return;
    const hit = top.hasTrue(vi);
    bump(topBy, `name:${t.nameCase}`, hit);
    bump(topBy, 'all', hit);
  });

  const precision = predicted === 0 ? 0 : truePositives / predicted;
  const recall = data.truePairs.length === 0 ? 0 : truePositives / data.truePairs.length;
  const toObj = (m: Map<string, [number, number]>) =>
    Object.fromEntries([...m.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([k, [h, n]]) => [k, ratio(h, n)]));
  const oversized = index.oversizedKeys();
  return {
    modelVersion: model.version,
    threshold,
    reports: reports.length,
    victims: victims.length,
    truePairs: data.truePairs.length,
    candidatePairs,
    pairsPerReport: candidatePairs / Math.max(1, reports.length),
    pairsPerVictim: candidatePairs / Math.max(1, victims.length),
    blockingRecall: ratio(blockedTrue.size, data.truePairs.length),
    predicted,
    truePositives,
    precision,
    recall,
    f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall),
    recallBy: toObj(recallBy),
    blockingRecallBy: toObj(blockBy),
    topK: toObj(topBy),
    falsePositivesBy: Object.fromEntries(fpBy),
    rules: DEFAULT_RULES.map((r, i) => ({ name: r.name, pairs: index.ruleHits[i], oversizedKeys: oversized[i].count, droppedKeys: oversized[i].dropped })),
    rulesTruePairs: rulesTrue,
    timingsMs: { prepare: t1 - t0, blockingIndex: t2 - t1, blockAndScore: t3 - t2, total: t3 - t0 },
  };
}

const pct = (x: number): string => (Number.isFinite(x) ? `${(100 * x).toFixed(1)}%` : '—');

export function formatReport(r: EvaluationReport, K = 5): string {
  const lines: string[] = [];
  lines.push(`model ${r.modelVersion}, threshold p ≥ ${r.threshold}`);
  lines.push(`records: ${r.reports} reports, ${r.victims} victims, ${r.truePairs} true pairs`);
  lines.push(`candidate pairs: ${r.candidatePairs} (${r.pairsPerReport.toFixed(1)} per report, ${r.pairsPerVictim.toFixed(1)} per victim); blocking recall ${pct(r.blockingRecall.rate)}`);
  lines.push(`precision ${pct(r.precision)}  recall ${pct(r.recall)}  F1 ${r.f1.toFixed(3)}  (predicted ${r.predicted}, true positives ${r.truePositives})`);
  lines.push('recall by case (threshold / blocking):');
  for (const [k, v] of Object.entries(r.recallBy)) {
    const b = r.blockingRecallBy[k];
    lines.push(`  ${k.padEnd(28)} ${pct(v.rate).padStart(6)}  (${v.hit}/${v.total})   blocked ${pct(b.rate)}`);
  }
  lines.push(`victims with a true report among their top ${K} candidates:`);
  for (const [k, v] of Object.entries(r.topK)) lines.push(`  ${k.padEnd(28)} ${pct(v.rate).padStart(6)}  (${v.hit}/${v.total})`);
  lines.push(`false positives by kind of victim: ${Object.entries(r.falsePositivesBy).map(([k, v]) => `${k} ${v}`).join(', ') || 'none'}`);
  lines.push('blocking rules (pairs produced / true pairs found / oversized keys refined / dropped):');
  for (const rule of r.rules) lines.push(`  ${rule.name.padEnd(22)} ${String(rule.pairs).padStart(9)}  ${String(r.rulesTruePairs[rule.name]).padStart(6)}  ${rule.oversizedKeys} / ${rule.droppedKeys}`);
  lines.push(`time: prepare ${(r.timingsMs.prepare / 1000).toFixed(2)} s, index ${(r.timingsMs.blockingIndex / 1000).toFixed(2)} s, block+score ${(r.timingsMs.blockAndScore / 1000).toFixed(2)} s, total ${(r.timingsMs.total / 1000).toFixed(2)} s`);
  return lines.join('\n');
}

/** A synthetic data set as the trainer's labelled set: prepared records (frequencies attached) and true index pairs. */
export function labelledSet(data: Pick<SyntheticDataset, 'reports' | 'victims' | 'truePairs'>): LabelledSet {
  const prepared = prepareAll([...data.reports, ...data.victims]);
  const reports = prepared.records.slice(0, data.reports.length);
  const victims = prepared.records.slice(data.reports.length);
  const reportIdx = new Map(data.reports.map((r, i) => [r.id, i]));
  const victimIdx = new Map(data.victims.map((v, i) => [v.id, i]));
  const truePairs = data.truePairs.map((tp) => [reportIdx.get(tp.reportId)!, victimIdx.get(tp.victimId)!] as const);
  return { reports, victims, truePairs, frequencies: prepared.frequencies };
}
