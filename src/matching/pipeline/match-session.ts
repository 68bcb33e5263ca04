/**
 * A warm, in-memory copy of every record's matching features, kept in step with the database by `sync`, and the
 * matching run over it. Pure TypeScript over the engine: it runs inside a worker thread (match-worker.ts) so
 * that scoring never blocks the HTTP event loop, or in-process where no worker can be started (unit tests).
 */
import {
  attachFrequencies,
  BlockingIndex,
  buildFrequencyTable,
  DEFAULT_RULES,
  type FrequencyTable,
  MODEL_DEFAULT,
  type MatchModel,
  type MatchRecord,
  type PairExplanation,
  prepare,
  type PreparedRecord,
  Scorer,
} from '../engine/index.js';

export interface VersionedRecord extends MatchRecord {
  version: number;
}

/** An alert already stored for a pair, as scored then. */
export interface KnownAlert {
  reportId: string;
  victimId: string;
  weight: number;
  reportVersion: number;
  victimVersion: number;
  modelVersion: string;
}

export interface RunRequest {
  mode: 'full' | 'incremental';
  /** Incremental: the records changed since the last successful run. */
  changedIds: string[];
  /**
   * Stored alerts in the run's scope: each is rescored whatever blocking says, and handed back only when its
   * score differs from the stored one (so a rerun over unchanged data writes nothing).
   */
  known: KnownAlert[];
}

/**
 * The prior λ is the chance that a random report–victim pair is a match: about (victims that have a report) /
 * (reports × victims), so it falls as reports accumulate. The models are fitted on the generator's default set of
 * this many reports; with R reports the service divides the model's λ by 2^k, where 2^k ≤ R / TRAINING_REPORTS
 * < 2^(k+1) (never multiplies it). In steps of two, so λ — and with it every stored weight — changes only when the
 * number of reports doubles, not at every run.
 */
export const TRAINING_REPORTS = 5_000;

export function deploymentPrior(model: MatchModel, reports: number): number {
  const doublings = Math.floor(Math.log2(Math.max(1, reports) / TRAINING_REPORTS));
  return doublings > 0 ? model.prior / 2 ** doublings : model.prior;
}

/** Weights closer than this are the same evidence (floating-point noise across runs). */
const SAME_WEIGHT = 1e-9;

/** True when a pair scores exactly as its stored alert did: nothing about the alert can change. */
export function sameEvidence(
  stored: { weight: number; reportVersion: number; victimVersion: number; modelVersion: string },
  now: { weight: number; reportVersion: number; victimVersion: number; modelVersion: string },
): boolean {
  const sameWeight = stored.weight === now.weight || Math.abs(stored.weight - now.weight) <= SAME_WEIGHT;
  return sameWeight && stored.reportVersion === now.reportVersion && stored.victimVersion === now.victimVersion && stored.modelVersion === now.modelVersion;
}

export interface ScoredPair {
  reportId: string;
  victimId: string;
  reportVersion: number;
  victimVersion: number;
  weight: number;
  probability: number;
  /** Blocking rules that proposed the pair (empty for a forced pair blocking no longer proposes). */
  rules: string[];
  evidence: PairExplanation;
  /** Either person was under 18 at the event. */
  minor: boolean;
  /** The victim's found date (for recency), or null. */
  foundDate: string | null;
  reportCountry: string;
  victimCountry: string;
}

export interface RunSummary {
  /** Pairs to write: new ones at or above the review threshold, and stored alerts whose score changed. Read with next(). */
  kept: number;
  /** Stored alerts rescored to exactly their stored score (nothing to write). */
  unchanged: number;
  pairsByRule: Record<string, number>;
  pairsCompared: number;
  reportsConsidered: number;
  victimsConsidered: number;
  threshold: number;
  timingsMs: Record<string, number>;
}

/** A whole run's result at once (tests, small data). */
export interface RunOutcome extends RunSummary {
  pairs: ScoredPair[];
}

/** A run in progress (or finished and not yet read): its scorer, cursor, counts and the pairs kept to write. */
interface ActiveRun {
  reports: PreparedRecord[];
  victims: PreparedRecord[];
  scorer: Scorer;
  ruleNames: string[];
  ruleCounts: Float64Array;
  minWeight: number;
  threshold: number;
  /** Stored alerts not yet met by the run (pair key → alert). */
  known: Map<number, KnownAlert>;
  /** Kept pairs, in the order found: report index, victim index, rule mask, weight. */
  left: number[];
  right: number[];
  masks: number[];
  weights: number[];
  /** The next kept pair next() hands out. */
  next: number;
  unchanged: number;
  compared: number;
  /** Full run: the next report to score. */
  cursor: number;
  done: boolean;
  reportsConsidered: number;
  victimsConsidered: number;
  timings: { index: number; candidates: number; known: number };
}

/** Reports scored at a time: by next() while waiting for enough pairs, and per turn of the worker's event loop. */
export const SCORE_SLICE_REPORTS = 256;

interface HeldRecord {
  version: number;
  prepared: PreparedRecord;
  /** Position in the session's reports or victims array (stable: a changed record is replaced in place). */
  pos: number;
}

/** The blocking index of the last full build, kept warm for incremental runs. */
interface WarmIndex {
  index: BlockingIndex;
  /** Reports and victims at positions below these were indexed; later ones were added since. */
  reports: number;
  victims: number;
}

/** An incremental run rebuilds the warm index (and the term frequencies) once this share of records was added since. */
export const WARM_REBUILD_SHARE = 0.1;

export class MatchSession {
  private readonly records = new Map<string, HeldRecord>();
  private readonly reports: PreparedRecord[] = [];
  private readonly victims: PreparedRecord[] = [];
  private frequencies: FrequencyTable | null = null;
  private warm: WarmIndex | null = null;
  /** The current run: scored a slice at a time, its kept pairs handed out in slices by next() so no thread ever holds all their evidence. */
  private active: ActiveRun | null = null;
  private finished: RunSummary | null = null;

  constructor(readonly model: MatchModel = MODEL_DEFAULT) {}

  get size(): number {
    return this.records.size;
  }

  /**
   * Adds or replaces records (a record already held at the same version is left as it is). New and changed
   * records get the current term frequencies; the others keep theirs until the next rebuild.
   */
  sync(records: readonly VersionedRecord[]): number {
    let changed = 0;
    for (const record of records) {
      const held = this.records.get(record.id);
      if (held && held.version === record.version) continue;
      const prepared = prepare(record);
      if (this.frequencies) attachFrequencies(prepared, this.frequencies);
      const side = prepared.isVictim ? this.victims : this.reports;
      if (held && held.prepared.isVictim === prepared.isVictim) {
        side[held.pos] = prepared;
        this.records.set(record.id, { version: record.version, prepared, pos: held.pos });
      } else {
        if (held) throw new Error('a record cannot change between report and suspected victim');
        side.push(prepared);
        this.records.set(record.id, { version: record.version, prepared, pos: side.length - 1 });
      }
      changed++;
    }
    return changed;
  }

  /**
   * Term frequencies over every record, and a blocking index (with its reverse side) over every record: what a
   * full run needs, and what incremental runs reuse until WARM_REBUILD_SHARE of records was added since.
   */
  private rebuild(): WarmIndex {
    const all = [...this.reports, ...this.victims];
    this.frequencies = buildFrequencyTable(all);
    for (const r of all) attachFrequencies(r, this.frequencies);
    this.warm = {
      index: new BlockingIndex(this.reports, this.victims, DEFAULT_RULES, this.model.blocking, { reverse: true }),
      reports: this.reports.length,
      victims: this.victims.length,
    };
    return this.warm;
  }

  /**
   * Starts a run: term frequencies and the blocking index (a full run, or a stale warm index), the scorer, the
   * stored alerts to rescore. An incremental run is small and is scored here at once; a full run is scored by
   * advance(), a slice of reports at a time, so that the pairs found so far can be explained and written (next())
   * while the rest are scored. Any run in progress is abandoned.
   */
  start(request: RunRequest): { threshold: number } {
    const t0 = performance.now();
    const { reports, victims } = this;
    const added = this.warm ? reports.length - this.warm.reports + victims.length - this.warm.victims : Infinity;
    const stale = !this.warm || !this.frequencies || added > WARM_REBUILD_SHARE * (this.warm.reports + this.warm.victims);
    const warm = request.mode === 'full' || stale ? this.rebuild() : this.warm!;
    const scorer = new Scorer({ ...this.model, prior: deploymentPrior(this.model, reports.length) }, this.frequencies!);
    const threshold = this.model.thresholds.review;
    const t1 = performance.now();

    const known = new Map<number, KnownAlert>();
    for (const alert of request.known) {
      const r = this.records.get(alert.reportId);
      const v = this.records.get(alert.victimId);
      if (r && v && !r.prepared.isVictim && v.prepared.isVictim) known.set(r.pos * victims.length + v.pos, alert);
    }
    const ruleNames = DEFAULT_RULES.map((r) => r.name);
    const run: ActiveRun = {
      reports,
      victims,
      scorer,
      ruleNames,
      ruleCounts: new Float64Array(ruleNames.length),
      // The smallest weight whose probability reaches the threshold (probability is monotone in the weight).
      minWeight: Math.log2(threshold / (1 - threshold)),
      threshold,
      known,
      left: [],
      right: [],
      masks: [],
      weights: [],
      next: 0,
      unchanged: 0,
      compared: 0,
      cursor: 0,
      done: false,
      reportsConsidered: reports.length,
      victimsConsidered: victims.length,
      timings: { index: Math.round(t1 - t0), candidates: 0, known: 0 },
    };
    this.active = run;
    this.finished = null;
    if (request.mode !== 'full') {
      const t2 = performance.now();
      this.incrementalPairs(run, warm, request.changedIds);
      run.timings.candidates = Math.round(performance.now() - t2);
      this.finish(run);
    }
    return { threshold };
  }

  /**
   * Scores the next `maxReports` reports of a full run against their blocked candidates (each pair comes once:
   * the index unites the rules per report). Returns true once the run is completely scored, stored alerts that
   * blocking no longer proposes included.
   */
  advance(maxReports: number): boolean {
    const run = this.active;
    if (!run) return true;
    if (run.done) return true;
    const t = performance.now();
    const index = this.warm!.index;
    const end = Math.min(run.reports.length, run.cursor + maxReports);
    for (let ri = run.cursor; ri < end; ri++) index.candidates(run.reports[ri], (vi, mask) => this.consider(run, ri, vi, mask));
    run.cursor = end;
    run.timings.candidates += performance.now() - t;
    if (end === run.reports.length) {
      run.timings.candidates = Math.round(run.timings.candidates);
      this.finish(run);
    }
    return run.done;
  }

  /** True while a started run has reports left to score. */
  get scoring(): boolean {
    return this.active !== null && !this.active.done;
  }

  /** The last completely scored run's counts (also after its pairs were read). */
  summary(): RunSummary {
    if (!this.finished || (this.active && !this.active.done)) throw new Error('no finished matching run');
    return this.finished;
  }

  /** Scores whatever the started run has left, then its counts. */
  complete(): RunSummary {
    while (!this.advance(Number.MAX_SAFE_INTEGER));
    return this.summary();
  }

  /** Blocks and scores the whole run at once; the kept pairs are then read with next(). */
  run(request: RunRequest): RunSummary {
    this.start(request);
    return this.complete();
  }

  private consider(run: ActiveRun, ri: number, vi: number, mask: number): void {
    run.compared++;
    for (let m = mask, bit = 0; m !== 0; m >>>= 1, bit++) if (m & 1) run.ruleCounts[bit]++;
    const { reports, victims, scorer } = run;
    const key = ri * victims.length + vi;
    const stored = run.known.size > 0 ? run.known.get(key) : undefined;
    // A stored alert needs its exact weight; any other pair only if it can reach the threshold.
    const weight = stored ? scorer.score(reports[ri], victims[vi]) : scorer.scoreAtLeast(reports[ri], victims[vi], run.minWeight);
    if (stored) {
      run.known.delete(key);
      const now = { weight, reportVersion: this.versionOf(reports[ri]), victimVersion: this.versionOf(victims[vi]), modelVersion: this.model.version };
      if (sameEvidence(stored, now)) {
        run.unchanged++;
        return;
      }
    } else if (!(weight >= run.minWeight) || scorer.probability(weight) < run.threshold) return;
    run.left.push(ri);
    run.right.push(vi);
    run.masks.push(mask);
    run.weights.push(weight);
  }

  private versionOf(r: PreparedRecord): number {
    return this.records.get(r.id)!.version;
  }

  /** Stored alerts blocking no longer proposes are rescored all the same; then the run is complete. */
  private finish(run: ActiveRun): void {
    const t = performance.now();
    const n = run.victims.length;
    for (const key of [...run.known.keys()]) this.consider(run, Math.floor(key / n), key % n, 0);
    run.timings.known = Math.round(performance.now() - t);
    run.done = true;
    this.finished = {
      kept: run.left.length,
      unchanged: run.unchanged,
      pairsByRule: Object.fromEntries(run.ruleNames.map((n, bit) => [n, run.ruleCounts[bit]])),
      pairsCompared: run.compared,
      reportsConsidered: run.reportsConsidered,
      victimsConsidered: run.victimsConsidered,
      threshold: run.threshold,
      // 'index' is the term frequencies and blocking index (0 when an incremental run reused the warm ones);
      // blocking and scoring are interleaved: 'candidates' is both; 'known' the rescoring of stored alerts.
      timingsMs: { ...run.timings },
    };
  }

  /** The pairs of an incremental run: the changed records against everything on the other side, and new against new. */
  private incrementalPairs(run: ActiveRun, warm: WarmIndex, changedIds: string[]): void {
    const { reports, victims } = run;
    const changedReports: number[] = [];
    const changedVictims: number[] = [];
    for (const id of new Set(changedIds)) {
      const held = this.records.get(id);
      if (held) (held.prepared.isVictim ? changedVictims : changedReports).push(held.pos);
    }
    run.reportsConsidered = changedReports.length;
    run.victimsConsidered = changedVictims.length;
    // Several passes may find the same pair (a new report and a new victim): unite their rules, then score once.
    const found = new Map<number, number>();
    const collect = (ri: number, vi: number, mask: number) => {
      const key = ri * victims.length + vi;
      found.set(key, (found.get(key) ?? 0) | mask);
    };
    // Changed reports against the indexed victims (the warm index computes a changed report's keys afresh) …
    for (const ri of changedReports) warm.index.candidates(reports[ri], (vi, mask) => collect(ri, vi, mask));
    // … and against the victims added since the index was built.
    const addedVictims = victims.slice(warm.victims);
    if (changedReports.length > 0 && addedVictims.length > 0) {
      const small = new BlockingIndex(changedReports.map((ri) => reports[ri]), addedVictims, DEFAULT_RULES, this.model.blocking);
      for (const ri of changedReports) small.candidates(reports[ri], (j, mask) => collect(ri, warm.victims + j, mask));
    }
    // Every indexed report against the changed victims, through the index's reverse side …
    for (const vi of changedVictims) warm.index.reportsOf(victims[vi], (ri, mask) => collect(ri, vi, mask));
    // … and the reports added since against them.
    const addedReports = reports.slice(warm.reports);
    if (changedVictims.length > 0 && addedReports.length > 0) {
      const small = new BlockingIndex(addedReports, changedVictims.map((vi) => victims[vi]), DEFAULT_RULES, this.model.blocking);
      addedReports.forEach((r, j) => small.candidates(r, (k, mask) => collect(warm.reports + j, changedVictims[k], mask)));
    }
    for (const [key, mask] of found) this.consider(run, Math.floor(key / victims.length), key % victims.length, mask);
  }

  /**
   * The next `max` kept pairs of the run, with their evidence. While a full run is still being scored, scores on
   * until `max` pairs are found or the run is complete; an empty list means every pair was read.
   */
  next(max: number): ScoredPair[] {
    const run = this.active;
    if (!run) return [];
    while (!run.done && run.left.length - run.next < max) this.advance(SCORE_SLICE_REPORTS);
    const out: ScoredPair[] = [];
    for (; run.next < run.left.length && out.length < max; run.next++) {
      const i = run.next;
      const report = run.reports[run.left[i]];
      const victim = run.victims[run.right[i]];
      out.push({
        reportId: report.id,
        victimId: victim.id,
        reportVersion: this.versionOf(report),
        victimVersion: this.versionOf(victim),
        weight: run.weights[i],
        probability: run.scorer.probability(run.weights[i]),
        rules: run.ruleNames.filter((_n, bit) => run.masks[i] & (1 << bit)),
        evidence: run.scorer.explain(report, victim),
        minor: isMinor(report.source) || isMinor(victim.source),
        foundDate: victim.source.foundDate ?? null,
        reportCountry: report.country,
        victimCountry: victim.country,
      });
    }
    // Explained pairs are not needed again: let their memory go (the arrays only grow while scoring goes on).
    if (out.length === 0 && run.done) this.active = null;
    return out;
  }

  /** run() and every next() at once. */
  runAll(request: RunRequest): RunOutcome {
    const summary = this.run(request);
    const pairs: ScoredPair[] = [];
    for (let chunk = this.next(10_000); chunk.length > 0; chunk = this.next(10_000)) pairs.push(...chunk);
    return { ...summary, pairs };
  }
}

/** Possibly under 18 at the event: from the age at disappearance, the estimated range, or the date of birth. */
export function isMinor(record: MatchRecord): boolean {
  if (record.kind === 'suspected_victim') {
    if (typeof record.estimatedAgeMin === 'number') return record.estimatedAgeMin < 18;
  } else if (typeof record.ageAtEvent === 'number') return record.ageAtEvent < 18;
  const event = record.kind === 'suspected_victim' ? record.foundDate : record.lastSeenDate;
  if (!record.dateOfBirth || !event) return false;
  const years = Number(event.slice(0, 4)) - Number(record.dateOfBirth.slice(0, 4));
  // A full date of birth tells whether the birthday had come; a partial one leaves it open (possibly a minor).
  const birthdayPassed = record.dateOfBirth.length === 10 ? event.slice(5) >= record.dateOfBirth.slice(5) : false;
  return (birthdayPassed ? years : years - 1) < 18;
}
