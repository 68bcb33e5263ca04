/**
 * Blocking: which report–victim pairs are scored at all.
 *
 * Rules are declarative: a rule names the key parts of the report (left) and of the victim (right); a pair is a
 * candidate when one of its left keys equals one of its right keys. Several rules are combined by union, pairs
 * are deduplicated, and each pair remembers (as a bit mask) every rule that produced it.
 *
 * Each rule survives a different kind of error: a misspelt given name is caught by the surname rules, a dropped
 * second surname by the first-surname rule, swapped surnames by the swapped rule, a wrong name entirely by the
 * document, marks and nameless-profile rules.
 *
 * Very common keys (Hernández + José) would make blocks that cost more than they find. A block whose
 * report × victim product exceeds `maxBlockPairs` is refined by the rule's `refine` parts (e.g. birth band):
 * only its pairs that also agree on those parts are kept. Blocks of rarer keys are never touched, so their recall
 * is unaffected.
 */
import { REACHABLE_ZONES, ZONES } from './geo.js';
import { REGION_MAIN_GROUP, motifName } from './marks.js';
import type { BlockingSettings } from './model.js';
import { MODEL_V1 } from './model.v1.js';
import type { PreparedRecord } from './types.js';

export type KeyPart =
  | 'documentNumber'
  | 'surname1'
  | 'surname2'
  | 'anySurname'
  | 'givenCanonical'
  | 'birthBand'
  | 'sex'
  | 'zone'
  | 'eventYear'
  | 'markSignature'
  | 'heightBand';

export interface BlockingRule {
  name: string;
  description: string;
  left: KeyPart[];
  /** Victim-side parts; the same as left when omitted. */
  right?: KeyPart[];
  /** Restrict the victim side: 'nameless' = victims without a surname (no name, or a first name/nickname only). */
  rightFilter?: 'nameless';
  /** Parts appended, one after another, to the key of an oversized block. */
  refine: KeyPart[];
  /** Overrides the model's maxBlockPairs for this rule. */
  maxBlockPairs?: number;
}

export const DEFAULT_RULES: readonly BlockingRule[] = [
  { name: 'document', description: 'Same document number (any type).', left: ['documentNumber'], refine: ['givenCanonical'] },
  {
    name: 'surname1_given',
    description: 'Phonetic first surname + canonical given name (nickname-resolved).',
    left: ['surname1', 'givenCanonical'],
    refine: ['birthBand'],
  },
  {
    name: 'surname2_given',
    description: 'Phonetic second surname + canonical given name.',
    left: ['surname2', 'givenCanonical'],
    refine: ['birthBand'],
  },
  {
    name: 'swapped_surnames',
    description: "Report's first and second surnames equal the victim's second and first.",
    left: ['surname1', 'surname2'],
    right: ['surname2', 'surname1'],
    refine: ['givenCanonical'],
  },
  {
    name: 'maternal_as_first',
    description: "Report's second surname is the victim's first (paternal surname dropped or order swapped) + given name.",
    left: ['surname2', 'givenCanonical'],
    right: ['surname1', 'givenCanonical'],
    refine: ['birthBand'],
  },
  {
    name: 'both_surnames',
    description: 'Both phonetic surnames (survives a misspelt, nicknamed or false given name).',
    left: ['surname1', 'surname2'],
    refine: ['birthBand'],
  },
  {
    name: 'surname_birth_band',
    description: 'Either phonetic surname + five-year birth band (victim side widened by the age uncertainty) + sex.',
    left: ['anySurname', 'birthBand', 'sex'],
    refine: ['zone', 'eventYear'],
    maxBlockPairs: 1_000,
  },
  {
    name: 'given_birth_sex',
    description: 'Victims known only by a first name or nickname: canonical given name or alias + birth band + sex.',
    left: ['givenCanonical', 'birthBand', 'sex'],
    rightFilter: 'nameless',
    refine: ['zone', 'eventYear'],
  },
  {
    name: 'given_birth_time',
    description: 'Canonical given name + birth band + sex + time window (true first name, false or misheard surnames).',
    left: ['givenCanonical', 'birthBand', 'sex', 'eventYear'],
    refine: ['zone'],
    maxBlockPairs: 1_000,
  },
  {
    name: 'nameless_profile',
    description: 'Nameless victims: sex + birth band + zone reachable from the last-seen place + time window.',
    left: ['sex', 'birthBand', 'zone', 'eventYear'],
    rightFilter: 'nameless',
    refine: ['heightBand'],
    maxBlockPairs: 2_000,
  },
  {
    name: 'mark_motif',
    description: 'A mark with the same motif on the same body-region group.',
    left: ['markSignature'],
    refine: ['sex'],
  },
];

type Side = 'left' | 'right';

const ALL_ZONES = ZONES.map((_, i) => String(i));
const ALL_HEIGHT_BANDS = Array.from({ length: 12 }, (_, i) => String(13 + i));

function bandsCovering(lo: number, hi: number, width: number): string[] {
  const out: string[] = [];
  const a = Math.floor(lo / width);
  const b = Math.floor(hi / width);
  for (let k = a; k <= b && out.length < 8; k++) out.push(String(k));
  return out;
}

export function keyPartValues(part: KeyPart, r: PreparedRecord, side: Side, settings: BlockingSettings): string[] {
  switch (part) {
    case 'documentNumber':
      return r.docs.map((d) => d.number);
    case 'surname1':
      return r.s1LatKey ? [r.s1LatKey] : [];
    case 'surname2':
      return r.s2LatKey ? [r.s2LatKey] : [];
    case 'anySurname':
      if (!r.s1LatKey) return [];
      return r.s2LatKey && r.s2LatKey !== r.s1LatKey ? [r.s1LatKey, r.s2LatKey] : [r.s1LatKey];
    case 'givenCanonical':
      return r.gBlock;
    case 'birthBand': {
      if (!(r.birthLo === r.birthLo)) return [];
      // Victim ages are estimates: widen their side (more for the deceased).
      const margin = side === 'right' ? (r.deceased ? 6 : r.agePrecise ? 1 : 3) : 0;
      return bandsCovering(r.birthLo - margin, r.birthHi + margin, settings.birthBandYears);
    }
    case 'sex':
      return r.sex === 1 ? ['f'] : r.sex === 2 ? ['m'] : ['f', 'm'];
    case 'zone':
      if (r.zone < 0) return ALL_ZONES;
      return side === 'left' ? REACHABLE_ZONES[r.zone].map(String) : [String(r.zone)];
    case 'eventYear': {
      if (!(r.eventYear === r.eventYear)) return [];
      if (side === 'left') return [String(r.eventYear)];
      // Found in year Y: last seen in Y+1 (date errors) down to Y-2 (Y-4 for the deceased).
      const back = r.deceased ? 4 : 2;
      const out: string[] = [];
      for (let y = r.eventYear + 1; y >= r.eventYear - back; y--) out.push(String(y));
      return out;
    }
    case 'markSignature': {
      const out = new Set<string>();
      for (const m of r.marks) for (const id of m.motifs) out.add(`${REGION_MAIN_GROUP[m.region]}|${motifName(id)}`);
      return [...out];
    }
    case 'heightBand': {
      if (!(r.heightCm === r.heightCm)) return ALL_HEIGHT_BANDS;
      if (side === 'left') return [String(Math.floor(r.heightCm / 10))];
      return bandsCovering(r.heightCm - 8, r.heightCm + 8, 10);
    }
  }
}

const MAX_KEYS_PER_RECORD = 96;

function keysOf(parts: KeyPart[], r: PreparedRecord, side: Side, settings: BlockingSettings): string[] {
  let keys: string[] = [''];
  for (const p of parts) {
    const vals = keyPartValues(p, r, side, settings);
    if (vals.length === 0) return [];
    const next: string[] = [];
    for (const k of keys) for (const v of vals) if (next.length < MAX_KEYS_PER_RECORD) next.push(k === '' ? v : `${k}\u0001${v}`);
    keys = next;
  }
  return keys;
}

interface CompiledRule {
  rule: BlockingRule;
  bit: number;
  /** Keys (at any refinement depth) whose block is too large and is split by the next refine part. */
  oversized: Map<string, number>;
  /** Oversized keys with no refine part left: dropped. */
  dropped: number;
  index: Map<string, number[]>;
  /** Final keys of each report known at build time (by report index). */
  reportKeys: string[][];
}

export interface BlockingStats {
  rules: { name: string; pairs: number; oversizedKeys: number; droppedKeys: number }[];
  /** Distinct candidate pairs. */
  pairs: number;
  reports: number;
  victims: number;
}

/**
 * An index of the victims for a set of rules. Build it once; ask candidates() for each report (a new report can
 * be linked incrementally the same way).
 */
export class BlockingIndex {
  readonly rules: readonly BlockingRule[];
  private readonly compiled: CompiledRule[];
  private readonly settings: BlockingSettings;
  private readonly stamp: Int32Array;
  private readonly masks: Uint32Array;
  private generation = 0;
  private readonly reportIndex: Map<PreparedRecord, number>;
  readonly ruleHits: Float64Array;

  constructor(
    reports: readonly PreparedRecord[],
    readonly victims: readonly PreparedRecord[],
    rules: readonly BlockingRule[] = DEFAULT_RULES,
    settings: BlockingSettings = MODEL_V1.blocking,
  ) {
    if (rules.length > 31) throw new Error('at most 31 blocking rules');
    this.rules = rules;
    this.settings = settings;
    this.stamp = new Int32Array(victims.length);
    this.masks = new Uint32Array(victims.length);
    this.ruleHits = new Float64Array(rules.length);
    this.reportIndex = new Map(reports.map((r, i) => [r, i]));
    this.compiled = rules.map((rule, i) => this.compile(rule, i, reports));
  }

  private victimEligible(rule: BlockingRule, v: PreparedRecord): boolean {
    return rule.rightFilter !== 'nameless' || !v.hasSurname;
  }

  /**
   * Final keys of one record under a rule: a key whose block is oversized is replaced by its refinements
   * (key + refine value), level after level; a key still oversized when no refine part is left is dropped.
   */
  private finalKeys(c: CompiledRule, r: PreparedRecord, side: Side, base: string[]): string[] {
    const out: string[] = [];
    const stack: Array<[string, number]> = base.map((k) => [k, 0]);
    while (stack.length > 0) {
      const [k, depth] = stack.pop()!;
      if (!c.oversized.has(k)) {
        out.push(k);
        continue;
      }
      if (depth >= c.rule.refine.length) continue;
      for (const v of keyPartValues(c.rule.refine[depth], r, side, this.settings)) stack.push([`${k}#${v}`, depth + 1]);
    }
    return out;
  }

  private compile(rule: BlockingRule, bit: number, reports: readonly PreparedRecord[]): CompiledRule {
    const rightParts = rule.right ?? rule.left;
    const c: CompiledRule = { rule, bit, oversized: new Map(), dropped: 0, index: new Map(), reportKeys: [] };
    const cap = rule.maxBlockPairs ?? this.settings.maxBlockPairs;
    // Keys still to be sized, per record, level by level.
    const vBase: string[][] = this.victims.map((v) => (this.victimEligible(rule, v) ? [...new Set(keysOf(rightParts, v, 'right', this.settings))] : []));
    const rBase: string[][] = reports.map((r) => [...new Set(keysOf(rule.left, r, 'left', this.settings))]);
    let vPending = vBase;
    let rPending = rBase;
    for (let depth = 0; depth <= rule.refine.length; depth++) {
      const vCount = new Map<string, number>();
      for (const keys of vPending) for (const k of keys) vCount.set(k, (vCount.get(k) ?? 0) + 1);
      const rCount = new Map<string, number>();
      for (const keys of rPending) for (const k of keys) if (vCount.has(k)) rCount.set(k, (rCount.get(k) ?? 0) + 1);
      const over = new Set<string>();
      for (const [k, n] of rCount) if (n * (vCount.get(k) ?? 0) > cap) over.add(k);
      if (over.size === 0) break;
      for (const k of over) c.oversized.set(k, depth);
      if (depth === rule.refine.length) {
        c.dropped = over.size;
        break;
      }
      const part = rule.refine[depth];
      const refineAll = (pending: string[][], records: readonly PreparedRecord[], side: Side) =>
        pending.map((keys, i) => {
          const next: string[] = [];
          for (const k of keys) {
            if (!over.has(k)) continue;
            for (const v of keyPartValues(part, records[i], side, this.settings)) next.push(`${k}#${v}`);
          }
          return next;
        });
      vPending = refineAll(vPending, this.victims, 'right');
      rPending = refineAll(rPending, reports, 'left');
    }
    this.victims.forEach((v, vi) => {
      if (!this.victimEligible(rule, v)) return;
      for (const k of new Set(this.finalKeys(c, v, 'right', vBase[vi]))) {
        let list = c.index.get(k);
        if (!list) c.index.set(k, (list = []));
        list.push(vi);
      }
    });
    c.reportKeys = reports.map((r, ri) => [...new Set(this.finalKeys(c, r, 'left', rBase[ri]))].filter((k) => c.index.has(k)));
    return c;
  }

  /**
   * Candidate victims of one report: calls visit(victimIndex, ruleMask) once per distinct victim.
   * Not re-entrant (uses shared scratch arrays).
   */
  candidates(report: PreparedRecord, visit: (victimIndex: number, ruleMask: number) => void): number {
    const gen = ++this.generation;
    const touched: number[] = [];
    const known = this.reportIndex.get(report);
    for (const c of this.compiled) {
      const keys = known !== undefined ? c.reportKeys[known] : [...new Set(this.finalKeys(c, report, 'left', keysOf(c.rule.left, report, 'left', this.settings)))];
      for (const fk of keys) {
        const list = c.index.get(fk);
        if (!list) continue;
        for (let i = 0; i < list.length; i++) {
          const vi = list[i];
          if (this.stamp[vi] !== gen) {
            this.stamp[vi] = gen;
            this.masks[vi] = 0;
            touched.push(vi);
          }
          if ((this.masks[vi] & (1 << c.bit)) === 0) {
            this.masks[vi] |= 1 << c.bit;
            this.ruleHits[c.bit]++;
          }
        }
      }
    }
    for (const vi of touched) visit(vi, this.masks[vi]);
    return touched.length;
  }

  oversizedKeys(): { name: string; count: number; dropped: number }[] {
    return this.compiled.map((c) => ({ name: c.rule.name, count: c.oversized.size, dropped: c.dropped }));
  }

  ruleNames(mask: number): string[] {
    return this.rules.filter((_, i) => (mask & (1 << i)) !== 0).map((r) => r.name);
  }
}

export interface CandidatePairs {
  left: Int32Array;
  right: Int32Array;
  ruleMask: Uint32Array;
  stats: BlockingStats;
}

/** Blocks all reports against all victims and returns the candidate pairs as parallel arrays (indices). */
export function block(
  reports: readonly PreparedRecord[],
  victims: readonly PreparedRecord[],
  rules: readonly BlockingRule[] = DEFAULT_RULES,
  settings: BlockingSettings = MODEL_V1.blocking,
): CandidatePairs {
  const index = new BlockingIndex(reports, victims, rules, settings);
  const left: number[] = [];
  const right: number[] = [];
  const masks: number[] = [];
  reports.forEach((r, ri) =>
    index.candidates(r, (vi, mask) => {
      left.push(ri);
      right.push(vi);
      masks.push(mask);
    }),
  );
  const oversized = index.oversizedKeys();
  return {
    left: Int32Array.from(left),
    right: Int32Array.from(right),
    ruleMask: Uint32Array.from(masks),
    stats: {
      rules: rules.map((r, i) => ({ name: r.name, pairs: index.ruleHits[i], oversizedKeys: oversized[i].count, droppedKeys: oversized[i].dropped })),
      pairs: left.length,
      reports: reports.length,
      victims: victims.length,
    },
  };
}
