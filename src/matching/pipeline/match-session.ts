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

interface KeptPairs {
  reports: PreparedRecord[];
  victims: PreparedRecord[];
  scorer: Scorer;
  ruleNames: string[];
  left: Int32Array;
  right: Int32Array;
  masks: Uint32Array;
  weights: Float64Array;
  next: number;
}

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
  /** The last run's kept pairs, handed out in slices by next() so no thread ever holds all their evidence. */
  private kept: KeptPairs | null = null;

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

  /** Blocks and scores; keeps the pairs to raise or rescore for next(). */
  run(request: RunRequest): RunSummary {
    const t0 = performance.now();
    const { reports, victims } = this;
    const added = this.warm ? reports.length - this.warm.reports + victims.length - this.warm.victims : Infinity;
    const stale = !this.warm || !this.frequencies || added > WARM_REBUILD_SHARE * (this.warm.reports + this.warm.victims);
    const warm = request.mode === 'full' || stale ? this.rebuild() : this.warm!;
    const scorer = new Scorer({ ...this.model, prior: deploymentPrior(this.model, reports.length) }, this.frequencies!);
    const threshold = this.model.thresholds.review;
    const t1 = performance.now();

    const ruleNames = DEFAULT_RULES.map((r) => r.name);
    const ruleCounts = new Float64Array(ruleNames.length);
    // The smallest weight whose probability reaches the threshold (probability is monotone in the weight).
    const minWeight = Math.log2(threshold / (1 - threshold));
    const pairKey = (ri: number, vi: number) => ri * victims.length + vi;
    const known = new Map<number, KnownAlert>();
    for (const alert of request.known) {
      const r = this.records.get(alert.reportId);
      const v = this.records.get(alert.victimId);
      if (r && v && !r.prepared.isVictim && v.prepared.isVictim) known.set(pairKey(r.pos, v.pos), alert);
    }
    const version = (r: PreparedRecord) => this.records.get(r.id)!.version;
    // Pairs are scored as blocking proposes them; only the ones to write are kept.
    const keptLeft: number[] = [];
    const keptRight: number[] = [];
    const keptMasks: number[] = [];
    const keptWeights: number[] = [];
    let unchanged = 0;
    let compared = 0;
    const consider = (ri: number, vi: number, mask: number) => {
      compared++;
      for (let m = mask, bit = 0; m !== 0; m >>>= 1, bit++) if (m & 1) ruleCounts[bit]++;
      const key = pairKey(ri, vi);
      const stored = known.size > 0 ? known.get(key) : undefined;
      // A stored alert needs its exact weight; any other pair only if it can reach the threshold.
      const weight = stored ? scorer.score(reports[ri], victims[vi]) : scorer.scoreAtLeast(reports[ri], victims[vi], minWeight);
      if (stored) {
        known.delete(key);
        if (sameEvidence(stored, { weight, reportVersion: version(reports[ri]), victimVersion: version(victims[vi]), modelVersion: this.model.version })) {
          unchanged++;
          return;
        }
      } else if (!(weight >= minWeight) || scorer.probability(weight) < threshold) return;
      keptLeft.push(ri);
      keptRight.push(vi);
      keptMasks.push(mask);
      keptWeights.push(weight);
    };

    let reportsConsidered = reports.length;
    let victimsConsidered = victims.length;
    if (request.mode === 'full') {
      // One pass: the index already unites the rules per report, so each pair comes once.
      reports.forEach((r, ri) => warm.index.candidates(r, (vi, mask) => consider(ri, vi, mask)));
    } else {
      const changedReports: number[] = [];
      const changedVictims: number[] = [];
      for (const id of new Set(request.changedIds)) {
        const held = this.records.get(id);
        if (held) (held.prepared.isVictim ? changedVictims : changedReports).push(held.pos);
      }
      reportsConsidered = changedReports.length;
      victimsConsidered = changedVictims.length;
      // Several passes may find the same pair (a new report and a new victim): unite their rules, then score once.
      const found = new Map<number, number>();
      const collect = (ri: number, vi: number, mask: number) => {
        const key = pairKey(ri, vi);
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
      for (const [key, mask] of found) consider(Math.floor(key / victims.length), key % victims.length, mask);
    }
    const t2 = performance.now();
    // Stored alerts blocking no longer proposes are rescored all the same.
    for (const key of [...known.keys()]) consider(Math.floor(key / victims.length), key % victims.length, 0);

    this.kept = {
      reports,
      victims,
      scorer,
      ruleNames,
      left: Int32Array.from(keptLeft),
      right: Int32Array.from(keptRight),
      masks: Uint32Array.from(keptMasks),
      weights: Float64Array.from(keptWeights),
      next: 0,
    };
    const t3 = performance.now();
    return {
      kept: keptLeft.length,
      unchanged,
      pairsByRule: Object.fromEntries(ruleNames.map((n, bit) => [n, ruleCounts[bit]])),
      pairsCompared: compared,
      reportsConsidered,
      victimsConsidered,
      threshold,
      // 'index' is the term frequencies and blocking index (0 when an incremental run reused the warm ones);
      // blocking and scoring are interleaved: 'candidates' is both; 'known' the rescoring of stored alerts.
      timingsMs: { index: Math.round(t1 - t0), candidates: Math.round(t2 - t1), known: Math.round(t3 - t2) },
    };
  }

  /** The next `max` kept pairs of the last run, with their evidence; an empty list when all were read. */
  next(max: number): ScoredPair[] {
    const k = this.kept;
    if (!k) return [];
    const out: ScoredPair[] = [];
    for (; k.next < k.left.length && out.length < max; k.next++) {
      const i = k.next;
      const report = k.reports[k.left[i]];
      const victim = k.victims[k.right[i]];
      out.push({
        reportId: report.id,
        victimId: victim.id,
        reportVersion: this.records.get(report.id)!.version,
        victimVersion: this.records.get(victim.id)!.version,
        weight: k.weights[i],
        probability: k.scorer.probability(k.weights[i]),
        rules: k.ruleNames.filter((_n, bit) => k.masks[i] & (1 << bit)),
        evidence: k.scorer.explain(report, victim),
        minor: isMinor(report.source) || isMinor(victim.source),
        foundDate: victim.source.foundDate ?? null,
        reportCountry: report.country,
        victimCountry: victim.country,
      });
    }
    if (out.length === 0) this.kept = null;
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
