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
import { INTERN } from './text.js';
import type { PreparedRecord } from './types.js';

export type KeyPart =
  | 'documentNumber'
  | 'surname1'
  | 'surname2'
  | 'anySurname'
  | 'givenCanonical'
  | 'birthBand'
  | 'probableBirthBand'
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
  /**
   * A block still oversized after every refinement is dropped, unless this is set: each of its victims then keeps
   * the reports closest to it by profileDistance() (this many, over all its dropped blocks). For the nameless,
   * whose only key is a coarse profile: a ranked short list per unidentified person rather than nothing.
   */
  bestPerVictim?: number;
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
    // Backup rule (most of its true pairs are found by a name rule too). 500 rather than 1,000 (here and in
    // given_birth_time) cut the pairs at 100k × 50k from 5.3 M to 3.4 M (given_birth_time 3.2 M to 2.4 M) for
    // −0.26 point of blocking recall there, and none on the 5000 × 3000 evaluation sets (docs/matching.md).
    maxBlockPairs: 500,
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
    maxBlockPairs: 500,
  },
  {
    name: 'nameless_profile',
    description:
      'Nameless victims: sex + birth band (for a report with no age at all, the bands of ages 12–51 at the event) + zone reachable from the last-seen place + time window.',
    left: ['sex', 'probableBirthBand', 'zone', 'eventYear'],
    rightFilter: 'nameless',
    refine: ['heightBand'],
    maxBlockPairs: 2_000,
    bestPerVictim: 50,
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
    case 'probableBirthBand':
      if (side === 'left' && !(r.birthLo === r.birthLo) && r.eventYear === r.eventYear) {
        return bandsCovering(r.eventYear - UNKNOWN_AGE_MAX, r.eventYear - UNKNOWN_AGE_MIN, settings.birthBandYears);
      }
      return keyPartValues('birthBand', r, side, settings);
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

/**
 * A report with neither a date of birth nor an age would have no birth band, and so no nameless-profile candidates
 * at all: it is put in the bands of the ages most missing people have (12–51 at the event; at most 8 bands).
 */
const UNKNOWN_AGE_MIN = 12;
const UNKNOWN_AGE_MAX = 51;

const MAX_KEYS_PER_RECORD = 96;

// ---------------------------------------------------------------------------------------------------------------
// Integer keys. A part value is a non-negative integer (interned id, band number, year, zone…); a composite key
// (rule parts, then refine parts) is interned pairwise — (key so far, next value) → key id — in a numeric Map per
// rule. No strings are built or hashed per record and key, and blocks and report keys are typed arrays (CSR),
// which a worker thread can receive as they are.

const VALUE_LIMIT = 2 ** 26;
const ALL_ZONE_IDS = ZONES.map((_, i) => i);
const ALL_HEIGHT_BAND_IDS = Array.from({ length: 12 }, (_, i) => 13 + i);

function bandIds(lo: number, hi: number, width: number, out: number[]): void {
  const a = Math.floor(lo / width);
  const b = Math.floor(hi / width);
  for (let k = a, n = 0; k <= b && n < 8; k++, n++) out.push(k + 1000);
}

/**
 * Integer values of one key part of a record (same semantics as keyPartValues). The result may be `out` (emptied
 * first) or a shared constant array: read it before the next call, never change it.
 */
export function keyPartIds(
  part: KeyPart,
  r: PreparedRecord,
  side: Side,
  settings: BlockingSettings,
  givenIds: (r: PreparedRecord) => number[],
  out: number[] = [],
): readonly number[] {
  out.length = 0;
  switch (part) {
    case 'documentNumber':
      for (const d of r.docs) out.push(INTERN.id(`doc:${d.number}`));
      return out;
    case 'surname1':
      if (r.s1LatKey) out.push(r.s1Lat);
      return out;
    case 'surname2':
      if (r.s2LatKey) out.push(r.s2Lat);
      return out;
    case 'anySurname':
      if (!r.s1LatKey) return out;
      out.push(r.s1Lat);
      if (r.s2LatKey && r.s2LatKey !== r.s1LatKey) out.push(r.s2Lat);
      return out;
    case 'givenCanonical':
      return givenIds(r);
    case 'birthBand': {
      if (!(r.birthLo === r.birthLo)) return out;
      const margin = side === 'right' ? (r.deceased ? 6 : r.agePrecise ? 1 : 3) : 0;
      bandIds(r.birthLo - margin, r.birthHi + margin, settings.birthBandYears, out);
      return out;
    }
    case 'probableBirthBand':
      if (side === 'left' && !(r.birthLo === r.birthLo) && r.eventYear === r.eventYear) {
        bandIds(r.eventYear - UNKNOWN_AGE_MAX, r.eventYear - UNKNOWN_AGE_MIN, settings.birthBandYears, out);
        return out;
      }
      return keyPartIds('birthBand', r, side, settings, givenIds, out);
    case 'sex':
      if (r.sex === 1 || r.sex === 2) out.push(r.sex);
      else out.push(1, 2);
      return out;
    case 'zone':
      if (r.zone < 0) return ALL_ZONE_IDS;
      if (side === 'left') return REACHABLE_ZONES[r.zone] as number[];
      out.push(r.zone);
      return out;
    case 'eventYear': {
      if (!(r.eventYear === r.eventYear)) return out;
      if (side === 'left') {
        out.push(r.eventYear);
        return out;
      }
      const back = r.deceased ? 4 : 2;
      for (let y = r.eventYear + 1; y >= r.eventYear - back; y--) out.push(y);
      return out;
    }
    case 'markSignature': {
      for (const m of r.marks) {
        for (const id of m.motifs) {
          const v = INTERN.id(`ms:${REGION_MAIN_GROUP[m.region]}|${motifName(id)}`);
          if (!out.includes(v)) out.push(v);
        }
      }
      return out;
    }
    case 'heightBand': {
      if (!(r.heightCm === r.heightCm)) return ALL_HEIGHT_BAND_IDS;
      if (side === 'left') {
        out.push(Math.floor(r.heightCm / 10));
        return out;
      }
      const a = Math.floor((r.heightCm - 8) / 10);
      const b = Math.floor((r.heightCm + 8) / 10);
      for (let k = a; k <= b; k++) out.push(k);
      return out;
    }
  }
}

const RADIANS = Math.PI / 180;
const KM_PER_DEGREE = 111.2;

/**
 * How far a victim's profile is from a report's, for ranking the reports of an oversized nameless block (lower is
 * closer; 0 = nothing tells them apart). Cheap, no names: years between the birth ranges, height beyond a 4 cm
 * tolerance, found before last seen (strongly) or long after (mildly), and distance between the places. An
 * unknown value costs a fixed middle amount, so that missing data neither wins nor loses.
 */
export function profileDistance(report: PreparedRecord, victim: PreparedRecord): number {
  return profileDistanceAt(profileOf([report]), 0, profileOf([victim]), 0);
}

/** Profiles as one flat array, PROFILE_FIELDS numbers per record: [birthLo, birthHi, height, eventDay, lat, lon]. */
const PROFILE_FIELDS = 6;
export function profileOf(records: readonly PreparedRecord[]): Float64Array {
  const out = new Float64Array(records.length * PROFILE_FIELDS);
  records.forEach((r, i) => {
    const o = i * PROFILE_FIELDS;
    out[o] = r.birthLo;
    out[o + 1] = r.birthHi;
    out[o + 2] = r.heightCm;
    out[o + 3] = r.eventDay;
    out[o + 4] = r.lat;
    out[o + 5] = r.lon;
  });
  return out;
}

/**
 * profileDistance over flat profiles (report i of `r`, victim j of `v`): no object reads in the ranking loop.
 * Every term is ≥ 0, so once the partial sum passes `bar` the rest is skipped and that partial sum (> bar) is
 * returned: a caller asking "is it within bar?" gets the same answer, sooner.
 */
function profileDistanceAt(r: Float64Array, i: number, v: Float64Array, j: number, bar = Infinity, cosLat = Math.cos(v[j * PROFILE_FIELDS + 4] * RADIANS)): number {
  const a = i * PROFILE_FIELDS;
  const b = j * PROFILE_FIELDS;
  let d = 0;
  if (r[a] === r[a] && v[b] === v[b]) d += Math.max(0, r[a] - v[b + 1], v[b] - r[a + 1]) / 2;
  else d += 1;
  if (d > bar) return d;
  if (r[a + 2] === r[a + 2] && v[b + 2] === v[b + 2]) d += Math.max(0, Math.abs(r[a + 2] - v[b + 2]) - 4) / 4;
  else d += 1;
  if (d > bar) return d;
  if (r[a + 3] === r[a + 3] && v[b + 3] === v[b + 3]) {
    const days = v[b + 3] - r[a + 3];
    d += days < -30 ? 2 + -days / 180 : Math.max(0, days) / 730;
  } else d += 1;
  if (d > bar) return d;
  if (r[a + 4] === r[a + 4] && v[b + 4] === v[b + 4]) {
    // Equirectangular distance at the victim's latitude: within a few per cent of the great circle over the
    // distances that matter here, and far cheaper.
    const dx = (r[a + 5] - v[b + 5]) * cosLat;
    const dy = r[a + 4] - v[b + 4];
    d += Math.min(3, (KM_PER_DEGREE * Math.sqrt(dx * dx + dy * dy)) / 300);
  } else d += 1;
  return d;
}

/**
 * The `n` closest reports of one victim, as a max-heap ordered by (distance, report index) so that ties break
 * alike everywhere; a report offered twice (it shares several blocks with the victim) is kept once.
 */
class ShortList {
  readonly d: Float64Array;
  readonly r: Int32Array;
  size = 0;
  constructor(readonly n: number) {
    this.d = new Float64Array(n);
    this.r = new Int32Array(n);
  }
  /** The distance a report must not exceed to enter (Infinity until the list is full). */
  get bar(): number {
    return this.size < this.n ? Infinity : this.d[0];
  }
  private above(i: number, j: number): boolean {
    return this.d[i] > this.d[j] || (this.d[i] === this.d[j] && this.r[i] > this.r[j]);
  }
  private swap(i: number, j: number): void {
    const d = this.d[i];
    this.d[i] = this.d[j];
    this.d[j] = d;
    const r = this.r[i];
    this.r[i] = this.r[j];
    this.r[j] = r;
  }
  offer(dist: number, ri: number): void {
    if (this.size === this.n && (dist > this.d[0] || (dist === this.d[0] && ri >= this.r[0]))) return;
    for (let i = 0; i < this.size; i++) if (this.r[i] === ri) return;
    this.offerNew(dist, ri);
  }
  /** offer() for a report not offered before (the caller guarantees it): no search for it in the list. */
  offerNew(dist: number, ri: number): void {
    if (this.size === this.n && (dist > this.d[0] || (dist === this.d[0] && ri >= this.r[0]))) return;
    if (this.size < this.n) {
      this.d[this.size] = dist;
      this.r[this.size] = ri;
      for (let i = this.size++; i > 0 && this.above(i, (i - 1) >> 1); i = (i - 1) >> 1) this.swap(i, (i - 1) >> 1);
      return;
    }
    this.d[0] = dist;
    this.r[0] = ri;
    for (let i = 0; ; ) {
      const l = 2 * i + 1;
      let top = i;
      if (l < this.n && this.above(l, top)) top = l;
      if (l + 1 < this.n && this.above(l + 1, top)) top = l + 1;
      if (top === i) break;
      this.swap(i, top);
      i = top;
    }
  }
  /** The list (report indices) and the n-th distance (Infinity when fewer than n). */
  result(): { best: number[]; kth: number } {
    return { best: Array.from(this.r.subarray(0, this.size)), kth: this.bar };
  }
}

/** A dropped block's reports with their profiles side by side, so that ranking reads memory in order. */
interface RankBlock {
  reports: Int32Array;
  profiles: Float64Array;
}

function rankBlock(reports: Int32Array, all: Float64Array): RankBlock {
  const profiles = new Float64Array(reports.length * PROFILE_FIELDS);
  for (let i = 0; i < reports.length; i++) {
    for (let f = 0, from = reports[i] * PROFILE_FIELDS, to = i * PROFILE_FIELDS; f < PROFILE_FIELDS; f++) profiles[to + f] = all[from + f];
  }
  return { reports, profiles };
}

/** Offers every report of a block to a victim's short list (those past the list's bar are abandoned early). */
function scanBlock(list: ShortList, block: RankBlock, v: Float64Array, vi: number): void {
  for (let i = 0; i < block.reports.length; i++) {
    const bar = list.bar;
    const d = profileDistanceAt(block.profiles, i, v, vi, bar);
    if (d <= bar) list.offer(d, block.reports[i]);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Ranking dropped blocks by bounds. A victim's short list is the n closest distinct reports, by (distance, report
// index), over all its dropped blocks: a set that does not depend on the order in which reports are offered. So the
// reports of each block are cut into small leaves of similar profiles (a k-d split), each with a bounding box; a
// leaf whose lower bound exceeds the list's bar cannot hold a report that enters, and is skipped. Leaves are visited
// best bound first, so that the bar falls fast. The distances that are computed are the same numbers as before.

/** Reports per leaf (at most). */
const LEAF_SIZE = 8;
/**
 * A leaf's bounding box: for each of the four terms of profileDistance, whether its reports have the values
 * (NONE, ALL or SOME of them) and the range of those values.
 */
const BOX_FIELDS = 14;
const NONE = 0;
const ALL = 1;
const SOME = 2;
/** Bounds are lowered by this much, far more than the rounding errors of sums of a few terms of order 1. */
const BOUND_MARGIN = 1e-9;

/**
 * A lower bound of profileDistanceAt(r, i, v, vi) for every report i in the leaf whose box starts at
 * boxes[o] (see boxOf): each term's distance from the victim's value to the box's range; a term some
 * reports lack costs at most 1, as in profileDistance.
 */
export function profileBoundAt(boxes: Float64Array, o: number, v: Float64Array, vi: number): number {
  const b = vi * PROFILE_FIELDS;
  let lb = 0;
  // Birth ranges.
  if (boxes[o] === NONE || !(v[b] === v[b])) lb += 1;
  else {
    const t = Math.max(0, boxes[o + 1] - v[b + 1], v[b] - boxes[o + 2]) / 2;
    lb += boxes[o] === SOME && t > 1 ? 1 : t;
  }
  // Height.
  if (boxes[o + 3] === NONE || !(v[b + 2] === v[b + 2])) lb += 1;
  else {
    const t = Math.max(0, Math.max(0, boxes[o + 4] - v[b + 2], v[b + 2] - boxes[o + 5]) - 4) / 4;
    lb += boxes[o + 3] === SOME && t > 1 ? 1 : t;
  }
  // Days from last seen to found: the term is 0 on [-30, 0], grows after, jumps above 2 before.
  if (boxes[o + 6] === NONE || !(v[b + 3] === v[b + 3])) lb += 1;
  else {
    const lo = v[b + 3] - boxes[o + 8];
    const hi = v[b + 3] - boxes[o + 7];
    const t = hi < -30 ? 2 + -hi / 180 : lo > 0 ? lo / 730 : 0;
    lb += boxes[o + 6] === SOME && t > 1 ? 1 : t;
  }
  // Place.
  if (boxes[o + 9] === NONE || !(v[b + 4] === v[b + 4])) lb += 1;
  else {
    const dx = Math.max(0, boxes[o + 12] - v[b + 5], v[b + 5] - boxes[o + 13]) * Math.cos(v[b + 4] * RADIANS);
    const dy = Math.max(0, boxes[o + 10] - v[b + 4], v[b + 4] - boxes[o + 11]);
    const t = Math.min(3, (KM_PER_DEGREE * Math.sqrt(dx * dx + dy * dy)) / 300);
    lb += boxes[o + 9] === SOME && t > 1 ? 1 : t;
  }
  // NaN (a victim with a latitude and no longitude, say) bounds nothing.
  return lb >= BOUND_MARGIN ? lb - BOUND_MARGIN : 0;
}

/**
 * Writes at boxes[o] the bounding box of the reports at positions order[from..to) of a flat profile array
 * (only the values a report has count towards a range; a report missing one makes its term SOME or NONE).
 */
export function boxOf(profiles: Float64Array, order: Int32Array, from: number, to: number, boxes: Float64Array, o: number): void {
  let nBirth = 0, nHeight = 0, nDay = 0, nPlace = 0;
  let loMin = Infinity, hiMax = -Infinity, hMin = Infinity, hMax = -Infinity, dMin = Infinity, dMax = -Infinity;
  let latMin = Infinity, latMax = -Infinity, lonMin = Infinity, lonMax = -Infinity;
  for (let q = from; q < to; q++) {
    const a = order[q] * PROFILE_FIELDS;
    if (profiles[a] === profiles[a]) {
      nBirth++;
      if (profiles[a] < loMin) loMin = profiles[a];
      if (profiles[a + 1] > hiMax) hiMax = profiles[a + 1];
    }
    if (profiles[a + 2] === profiles[a + 2]) {
      nHeight++;
      if (profiles[a + 2] < hMin) hMin = profiles[a + 2];
      if (profiles[a + 2] > hMax) hMax = profiles[a + 2];
    }
    if (profiles[a + 3] === profiles[a + 3]) {
      nDay++;
      if (profiles[a + 3] < dMin) dMin = profiles[a + 3];
      if (profiles[a + 3] > dMax) dMax = profiles[a + 3];
    }
    if (profiles[a + 4] === profiles[a + 4]) {
      nPlace++;
      if (profiles[a + 4] < latMin) latMin = profiles[a + 4];
      if (profiles[a + 4] > latMax) latMax = profiles[a + 4];
      if (profiles[a + 5] < lonMin) lonMin = profiles[a + 5];
      if (profiles[a + 5] > lonMax) lonMax = profiles[a + 5];
    }
  }
  const n = to - from;
  const state = (known: number) => (known === 0 ? NONE : known === n ? ALL : SOME);
  boxes[o] = state(nBirth);
  boxes[o + 1] = loMin;
  boxes[o + 2] = hiMax;
  boxes[o + 3] = state(nHeight);
  boxes[o + 4] = hMin;
  boxes[o + 5] = hMax;
  boxes[o + 6] = state(nDay);
  boxes[o + 7] = dMin;
  boxes[o + 8] = dMax;
  boxes[o + 9] = state(nPlace);
  boxes[o + 10] = latMin;
  boxes[o + 11] = latMax;
  boxes[o + 12] = lonMin;
  boxes[o + 13] = lonMax;
}

/** A profile coordinate for splitting leaves, scaled like its term of profileDistance (unknown: +Infinity). */
function splitCoordinate(p: Float64Array, i: number, dim: number): number {
  const a = i * PROFILE_FIELDS;
  let x: number;
  switch (dim) {
    case 0:
      x = (p[a] + p[a + 1]) / 4;
      break;
    case 1:
      x = p[a + 2] / 4;
      break;
    case 2:
      x = p[a + 3] / 365;
      break;
    case 3:
      x = (p[a + 4] * KM_PER_DEGREE) / 300;
      break;
    default:
      x = (p[a + 5] * KM_PER_DEGREE) / 300;
  }
  return x === x ? x : Infinity;
}

/** Rearranges order[lo..hi) so that the element at k has the keys of order[lo..k) ≤ its key ≤ those of order[k+1..hi). */
function selectNth(order: Int32Array, keys: Float64Array, lo: number, hi: number, k: number): void {
  let l = lo;
  let r = hi - 1;
  while (r > l) {
    const pivot = keys[order[(l + r) >> 1]];
    let i = l;
    let j = r;
    while (i <= j) {
      while (keys[order[i]] < pivot) i++;
      while (keys[order[j]] > pivot) j--;
      if (i <= j) {
        const t = order[i];
        order[i] = order[j];
        order[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) r = j;
    else if (k >= i) l = i;
    else break;
  }
}

/**
 * A k-d tree over the reports of blocks: node t covers the positions order[from[t] .. to[t]) of its block; an
 * inner node's children are child[t] and child[t] + 1, a leaf has child -1.
 */
export class ProfileTree {
  readonly from = new Ints();
  readonly to = new Ints();
  readonly child = new Ints();

  /** A new node over order[from..to), as a leaf. */
  add(from: number, to: number): number {
    this.from.push(from);
    this.to.push(to);
    this.child.push(-1);
    return this.child.n - 1;
  }

  /**
   * Splits node t (a block's profiles; `order` holds positions in the block) until its leaves hold at most
   * LEAF_SIZE reports: each split halves a node along the coordinate of widest (scaled) spread.
   */
  split(t: number, profiles: Float64Array, order: Int32Array, keys: Float64Array): void {
    const from = this.from.a[t];
    const to = this.to.a[t];
    if (to - from <= LEAF_SIZE) return;
    let dim = -1;
    let widest = 0;
    for (let d = 0; d < 5; d++) {
      let lo = Infinity;
      let hi = -Infinity;
      let unknown = false;
      for (let q = from; q < to; q++) {
        const x = splitCoordinate(profiles, order[q], d);
        if (x === Infinity) unknown = true;
        else {
          if (x < lo) lo = x;
          if (x > hi) hi = x;
        }
      }
      // Known against unknown values split too (they bound differently).
      const spread = lo <= hi ? hi - lo + (unknown ? 1 : 0) : 0;
      if (spread > widest) {
        widest = spread;
        dim = d;
      }
    }
    if (dim < 0) return;
    for (let q = from; q < to; q++) keys[order[q]] = splitCoordinate(profiles, order[q], dim);
    const mid = (from + to) >> 1;
    selectNth(order, keys, from, to, mid);
    const c = this.add(from, mid);
    this.add(mid, to);
    this.child.a[t] = c;
    this.split(c, profiles, order, keys);
    this.split(c + 1, profiles, order, keys);
  }
}

/** The dropped blocks of a rule as k-d trees with bounding boxes, for ranking the reports of many victims. */
class LeafIndex {
  /** Block number of each key id, -1 for none. */
  private readonly blockOf: Int32Array;
  private readonly blocks: RankBlock[] = [];
  /** Root node of each block. */
  private readonly roots: Int32Array;
  private readonly tree = new ProfileTree();
  /** Positions in its block of the reports of each node (a run per node, see ProfileTree). */
  private readonly order: Int32Array;
  private readonly boxes: Float64Array;
  /** Per-victim scratch: the victim's blocks as sortable (bound, block) numbers; the search stack. */
  private sortable = new Float64Array(1024);
  private readonly stackNodes = new Int32Array(256);
  private readonly stackBounds = new Float64Array(256);
  /** Per-victim scratch: the generation at which each report was last measured. */
  private readonly seen: Int32Array;
  private generation = 0;

  constructor(blocks: Map<number, RankBlock>, reports: number, keyIds: number) {
    this.seen = new Int32Array(reports);
    this.blockOf = new Int32Array(keyIds).fill(-1);
    let total = 0;
    let largest = 0;
    for (const [k, block] of blocks) {
      this.blockOf[k] = this.blocks.length;
      this.blocks.push(block);
      total += block.reports.length;
      largest = Math.max(largest, block.reports.length);
    }
    if (this.blocks.length >= 2 ** 24) throw new Error('too many dropped blocks in a rule');
    const order = new Int32Array(total);
    const keys = new Float64Array(largest);
    const roots = new Int32Array(this.blocks.length);
    const nodeBlock = new Ints();
    let at = 0;
    this.blocks.forEach((block, bi) => {
      const n = block.reports.length;
      const own = order.subarray(at, at + n);
      for (let i = 0; i < n; i++) own[i] = i;
      const first = this.tree.child.n;
      roots[bi] = this.tree.add(at, at + n);
      // Split over the block's own positions, then shift the nodes' runs to the block's place in `order`.
      this.tree.from.a[roots[bi]] = 0;
      this.tree.to.a[roots[bi]] = n;
      this.tree.split(roots[bi], block.profiles, own, keys);
      for (let t = first; t < this.tree.child.n; t++) {
        this.tree.from.a[t] += at;
        this.tree.to.a[t] += at;
        nodeBlock.push(bi);
      }
      at += n;
    });
    this.roots = roots;
    this.order = order;
    const nodes = this.tree.child.n;
    this.boxes = new Float64Array(nodes * BOX_FIELDS);
    for (let t = 0; t < nodes; t++) {
      boxOf(this.blocks[nodeBlock.a[t]].profiles, order, this.tree.from.a[t], this.tree.to.a[t], this.boxes, t * BOX_FIELDS);
    }
  }

  /**
   * Offers to `list` the reports of the blocks keys[from..to) that may enter it (victim vi of profiles v): blocks
   * in the order of their bounds, while a block's bound is within the list's bar; in a block, the nearer child
   * first, skipping nodes whose bound exceeds the bar.
   */
  rank(list: ShortList, keys: Int32Array, from: number, to: number, v: Float64Array, vi: number): void {
    const { boxes, roots } = this;
    let n = 0;
    for (let q = from; q < to; q++) {
      const k = keys[q];
      const bi = k < this.blockOf.length ? this.blockOf[k] : -1;
      if (bi < 0) continue;
      if (n === this.sortable.length) {
        const grown = new Float64Array(2 * n);
        grown.set(this.sortable);
        this.sortable = grown;
      }
      // Bound quantised down to 2^-16 (still a lower bound), block number in the low 24 bits.
      const bound = Math.min(profileBoundAt(boxes, roots[bi] * BOX_FIELDS, v, vi), 4096);
      this.sortable[n++] = Math.floor(bound * 65536) * 2 ** 24 + bi;
    }
    if (n === 0) return;
    const sorted = n > 1 ? this.sortable.subarray(0, n).sort() : this.sortable;
    const { order, stackNodes, stackBounds } = this;
    const child = this.tree.child.a;
    const nodeFrom = this.tree.from.a;
    const nodeTo = this.tree.to.a;
    // A report in several of the victim's blocks is measured once: offering it again could not change the list.
    const seen = this.seen;
    const generation = ++this.generation;
    const cosLat = Math.cos(v[vi * PROFILE_FIELDS + 4] * RADIANS);
    for (let q = 0; q < n; q++) {
      const key = sorted[q];
      const blockBound = Math.floor(key / 2 ** 24) / 65536;
      if (blockBound > list.bar) break;
      const bi = key % 2 ** 24;
      const block = this.blocks[bi];
      let sp = 0;
      stackNodes[sp] = roots[bi];
      stackBounds[sp++] = blockBound;
      while (sp > 0) {
        const t = stackNodes[--sp];
        if (stackBounds[sp] > list.bar) continue;
        const c = child[t];
        if (c >= 0) {
          const b0 = profileBoundAt(boxes, c * BOX_FIELDS, v, vi);
          const b1 = profileBoundAt(boxes, (c + 1) * BOX_FIELDS, v, vi);
          // The nearer child is popped first.
          const near = b0 <= b1 ? c : c + 1;
          stackNodes[sp] = near === c ? c + 1 : c;
          stackBounds[sp++] = near === c ? b1 : b0;
          stackNodes[sp] = near;
          stackBounds[sp++] = near === c ? b0 : b1;
          continue;
        }
        for (let p = nodeFrom[t], end = nodeTo[t]; p < end; p++) {
          const i = order[p];
          const ri = block.reports[i];
          if (seen[ri] === generation) continue;
          seen[ri] = generation;
          const bar = list.bar;
          const d = profileDistanceAt(block.profiles, i, v, vi, bar, cosLat);
          if (d <= bar) list.offerNew(d, ri);
        }
      }
    }
  }
}

/** A growable list of 32-bit integers. */
class Ints {
  a = new Int32Array(256);
  n = 0;
  push(x: number): void {
    if (this.n === this.a.length) {
      const grown = new Int32Array(2 * this.a.length);
      grown.set(this.a);
      this.a = grown;
    }
    this.a[this.n++] = x;
  }
  /** Whether x is among a[from..n). */
  includes(x: number, from: number): boolean {
    for (let i = from; i < this.n; i++) if (this.a[i] === x) return true;
    return false;
  }
}

/** Key lists of many records (CSR: record i's keys are keys.a[start[i] .. start[i + 1])). */
interface KeysByRecord {
  start: Int32Array;
  keys: Ints;
}

function keysByRecord(count: number, fill: (i: number, out: Ints) => void): KeysByRecord {
  const start = new Int32Array(count + 1);
  const keys = new Ints();
  for (let i = 0; i < count; i++) {
    fill(i, keys);
    start[i + 1] = keys.n;
  }
  return { start, keys };
}

/**
 * Interns composite keys of one rule: (key id so far, next value) → key id, ids 1, 2, 3… in order of creation.
 * An open-addressing hash table in typed arrays (a Map keyed by prefix × 2^26 + value held a heap number per key).
 */
export class KeyTable {
  private prefixes = new Int32Array(1024);
  private values = new Int32Array(1024);
  /** 0 = empty slot. */
  private ids = new Int32Array(1024);
  private mask = 1023;
  size = 0;

  /** Id of (prefix, value), created when absent. */
  id(prefix: number, value: number): number {
    if (value < 0 || value >= VALUE_LIMIT) throw new Error(`blocking key value out of range: ${value}`);
    for (let slot = keySlot(prefix, value) & this.mask; ; slot = (slot + 1) & this.mask) {
      const id = this.ids[slot];
      if (id === 0) {
        this.prefixes[slot] = prefix;
        this.values[slot] = value;
        this.ids[slot] = ++this.size;
        if (2 * this.size > this.mask) this.grow();
        return this.size;
      }
      if (this.prefixes[slot] === prefix && this.values[slot] === value) return id;
    }
  }

  /** Id of (prefix, value) if some victim has it, else 0. */
  peek(prefix: number, value: number): number {
    if (value < 0 || value >= VALUE_LIMIT) {
      if (prefix === 0 && value < 0) return 0;
      // What the single number prefix × 2^26 + value named before: another (prefix, value) in range.
      const k = prefix * VALUE_LIMIT + value;
      prefix = Math.floor(k / VALUE_LIMIT);
      value = k - prefix * VALUE_LIMIT;
    }
    for (let slot = keySlot(prefix, value) & this.mask; ; slot = (slot + 1) & this.mask) {
      const id = this.ids[slot];
      if (id === 0) return 0;
      if (this.prefixes[slot] === prefix && this.values[slot] === value) return id;
    }
  }

  private grow(): void {
    const { prefixes, values, ids } = this;
    const capacity = 2 * ids.length;
    this.prefixes = new Int32Array(capacity);
    this.values = new Int32Array(capacity);
    this.ids = new Int32Array(capacity);
    this.mask = capacity - 1;
    for (let i = 0; i < ids.length; i++) {
      if (ids[i] === 0) continue;
      let slot = keySlot(prefixes[i], values[i]) & this.mask;
      while (this.ids[slot] !== 0) slot = (slot + 1) & this.mask;
      this.prefixes[slot] = prefixes[i];
      this.values[slot] = values[i];
      this.ids[slot] = ids[i];
    }
  }
}

/** Hash of a (prefix, value) pair for KeyTable (32-bit mix). */
function keySlot(prefix: number, value: number): number {
  let h = Math.imul(prefix, 0x9e3779b1) ^ Math.imul(value + 0x632be5ab, 0x85ebca77);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  h ^= h >>> 12;
  return h;
}

interface CompiledRule {
  rule: BlockingRule;
  bit: number;
  keys: KeyTable;
  /** Key ids (at any refinement depth) whose block is too large and is split by the next refine part. */
  oversized: Set<number>;
  /** Oversized keys with no refine part left: dropped. */
  dropped: number;
  /** Victims of each final key (CSR: victims of key k are blockVictims[blockStart[k] .. blockStart[k+1])). */
  blockStart: Int32Array;
  blockVictims: Int32Array;
  /** Final keys of each report known at build time (CSR by report index; only keys some victim has). */
  reportKeyStart: Int32Array;
  reportKeys: Int32Array;
  /** With `reverse`: the reports of each final key, every key of every report (CSR by key id). */
  keyReportStart: Int32Array | null;
  keyReports: Int32Array | null;
  /** bestPerVictim: the victims whose short list holds each report (CSR by report index). */
  bestStart: Int32Array | null;
  bestVictims: Int32Array | null;
  /** bestPerVictim: each victim's n-th closest distance (Infinity when its list is not full). */
  bestKth: Float64Array | null;
  /** bestPerVictim: victims (and, with `reverse`, reports) of each dropped block, for records added later. */
  droppedVictims: Map<number, Int32Array> | null;
  droppedReports: Map<number, RankBlock> | null;
}

export interface BlockingIndexOptions {
  /**
   * Also index the reports by their keys, so that reportsOf() finds the reports of a victim added after the
   * build (incremental matching) under the same keys and the same oversized-block decisions. Reports then
   * create key ids too, which costs memory in proportion to their distinct keys.
   */
  reverse?: boolean;
}

export interface BlockingStats {
  rules: { name: string; pairs: number; oversizedKeys: number; droppedKeys: number }[];
  /** Distinct candidate pairs. */
  pairs: number;
  reports: number;
  victims: number;
}

/**
 * The blocking index as plain typed arrays, per rule: enough for a worker thread to list the candidates of the
 * reports known when the index was built (candidatesOf), without the records or the key tables.
 */
export interface BlockingArrays {
  rules: {
    name: string;
    blockStart: Int32Array;
    blockVictims: Int32Array;
    reportKeyStart: Int32Array;
    reportKeys: Int32Array;
    /** bestPerVictim rules: the victims whose short list holds each report (CSR by report). */
    bestStart?: Int32Array | null;
    bestVictims?: Int32Array | null;
  }[];
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
  private readonly touched: Int32Array;
  private generation = 0;
  private readonly reportIndex: Map<PreparedRecord, number>;
  private readonly givenIdCache = new WeakMap<PreparedRecord, number[]>();
  private readonly reverse: boolean;
  /** Per-report scratch of reportsOf(), allocated on its first call. */
  private reportScratch: CandidateScratch | null = null;
  readonly ruleHits: Float64Array;
  readonly reportCount: number;
  /** Build scratch: two key lists of baseKeysInto, a part's values, finalKeysInto's stack. */
  private readonly scratchA = new Int32Array(MAX_KEYS_PER_RECORD);
  private readonly scratchB = new Int32Array(MAX_KEYS_PER_RECORD);
  private readonly partScratch: number[] = [];
  private readonly stack = new Ints();
  /** Flat profiles (profileOf) of the reports and victims at build time, when a rule ranks dropped blocks. */
  private victimProfiles: Float64Array | null = null;

  constructor(
    reports: readonly PreparedRecord[],
    readonly victims: readonly PreparedRecord[],
    rules: readonly BlockingRule[] = DEFAULT_RULES,
    settings: BlockingSettings = MODEL_V1.blocking,
    options: BlockingIndexOptions = {},
  ) {
    if (rules.length > 31) throw new Error('at most 31 blocking rules');
    this.rules = rules;
    this.settings = settings;
    this.reverse = options.reverse === true;
    this.reportCount = reports.length;
    this.stamp = new Int32Array(victims.length);
    this.masks = new Uint32Array(victims.length);
    this.touched = new Int32Array(victims.length);
    this.ruleHits = new Float64Array(rules.length);
    this.reportIndex = new Map(reports.map((r, i) => [r, i]));
    this.compiled = rules.map((rule, i) => this.compile(rule, i, reports));
  }

  private readonly givenIds = (r: PreparedRecord): number[] => {
    let ids = this.givenIdCache.get(r);
    if (!ids) {
      ids = r.gBlock.map((w) => INTERN.id(`g:${w}`));
      this.givenIdCache.set(r, ids);
    }
    return ids;
  };

  /** Whether building with this side creates key ids: victims always; reports only for a reverse index. */
  private creates(side: Side): boolean {
    return side === 'right' || this.reverse;
  }

  private victimEligible(rule: BlockingRule, v: PreparedRecord): boolean {
    return rule.rightFilter !== 'nameless' || !v.hasSurname;
  }

  /**
   * Base keys of a record under a rule (the product of its parts' values, at most MAX_KEYS_PER_RECORD).
   * Victims create key ids; reports only look them up (a key no victim has is 0 and dropped).
   */
  private baseKeys(keys: KeyTable, parts: KeyPart[], r: PreparedRecord, side: Side, create = this.creates(side)): number[] {
    let cur: number[] = [0];
    for (const p of parts) {
      const vals = keyPartIds(p, r, side, this.settings, this.givenIds);
      if (vals.length === 0) return [];
      const next: number[] = [];
      for (const k of cur) {
        for (const v of vals) {
          if (next.length >= MAX_KEYS_PER_RECORD) break;
          const id = create ? keys.id(k, v) : keys.peek(k, v);
          if (id !== 0 && !next.includes(id)) next.push(id);
        }
      }
      if (next.length === 0) return [];
      cur = next;
    }
    return cur;
  }

  /**
   * Final keys of one record under a rule: a key whose block is oversized is replaced by its refinements
   * (key + refine value), level after level; a key still oversized when no refine part is left is dropped.
   */
  private finalKeys(c: CompiledRule, r: PreparedRecord, side: Side, base: number[], out: number[], create = this.creates(side), dropped?: number[]): void {
    if (c.oversized.size === 0) {
      for (const k of base) if (!out.includes(k)) out.push(k);
      return;
    }
    const stack: number[] = [];
    for (const k of base) stack.push(k, 0);
    while (stack.length > 0) {
      const depth = stack.pop()!;
      const k = stack.pop()!;
      if (!c.oversized.has(k)) {
        if (!out.includes(k)) out.push(k);
        continue;
      }
      if (depth >= c.rule.refine.length) {
        if (dropped && !dropped.includes(k)) dropped.push(k);
        continue;
      }
      for (const v of keyPartIds(c.rule.refine[depth], r, side, this.settings, this.givenIds)) {
        const id = create ? c.keys.id(k, v) : c.keys.peek(k, v);
        if (id !== 0) stack.push(id, depth + 1);
      }
    }
  }

  /**
   * Base keys of a record under a rule, appended to `out` (as baseKeys, without allocating).
   */
  private baseKeysInto(keys: KeyTable, parts: KeyPart[], r: PreparedRecord, side: Side, create: boolean, out: Ints): void {
    let cur = this.scratchA;
    let next = this.scratchB;
    let curN = 1;
    cur[0] = 0;
    for (const p of parts) {
      const vals = keyPartIds(p, r, side, this.settings, this.givenIds, this.partScratch);
      if (vals.length === 0) return;
      let nextN = 0;
      for (let c = 0; c < curN; c++) {
        const k = cur[c];
        for (let j = 0; j < vals.length; j++) {
          if (nextN >= MAX_KEYS_PER_RECORD) break;
          const id = create ? keys.id(k, vals[j]) : keys.peek(k, vals[j]);
          if (id === 0) continue;
          let seen = false;
          for (let q = 0; q < nextN; q++) {
            if (next[q] === id) {
              seen = true;
              break;
            }
          }
          if (!seen) next[nextN++] = id;
        }
      }
      if (nextN === 0) return;
      const t = cur;
      cur = next;
      next = t;
      curN = nextN;
    }
    for (let c = 0; c < curN; c++) out.push(cur[c]);
  }

  /**
   * Final keys of a record (as finalKeys) from its base keys base.a[from..to), appended to `out`; `over` flags
   * the oversized key ids.
   */
  private finalKeysInto(c: CompiledRule, over: Uint8Array, r: PreparedRecord, side: Side, base: Ints, from: number, to: number, out: Ints): void {
    const first = out.n;
    const stack = this.stack;
    stack.n = 0;
    for (let q = from; q < to; q++) stack.push(base.a[q]), stack.push(0);
    while (stack.n > 0) {
      const depth = stack.a[--stack.n];
      const k = stack.a[--stack.n];
      if (over[k] !== 1) {
        if (!out.includes(k, first)) out.push(k);
        continue;
      }
      if (depth >= c.rule.refine.length) continue;
      const vals = keyPartIds(c.rule.refine[depth], r, side, this.settings, this.givenIds, this.partScratch);
      const create = this.creates(side);
      for (let j = 0; j < vals.length; j++) {
        const id = create ? c.keys.id(k, vals[j]) : c.keys.peek(k, vals[j]);
        if (id !== 0) stack.push(id), stack.push(depth + 1);
      }
    }
  }

  /**
   * Dropped blocks of a bestPerVictim rule: each victim keeps its `n` closest reports over all its dropped blocks.
   * `vKeys`/`rKeys` are the records' keys at the last refinement depth (CSR by record).
   */
  private rankDropped(c: CompiledRule, dropped: Uint8Array, vKeys: KeysByRecord, rKeys: KeysByRecord, reports: readonly PreparedRecord[], n: number): void {
    const group = ({ start, keys }: KeysByRecord) => {
      const lists = new Map<number, number[]>();
      for (let i = 0; i + 1 < start.length; i++) {
        for (let q = start[i]; q < start[i + 1]; q++) {
          const k = keys.a[q];
          if (dropped[k] === 1) (lists.get(k) ?? lists.set(k, []).get(k)!).push(i);
        }
      }
      return new Map([...lists].map(([k, list]) => [k, Int32Array.from(list)]));
    };
    const reportsOf = group(rKeys);
    c.droppedVictims = group(vKeys);
    const rProfiles = profileOf(reports);
    const vProfiles = (this.victimProfiles ??= profileOf(this.victims));
    const blocks = new Map([...reportsOf].map(([k, list]) => [k, rankBlock(list, rProfiles)]));
    if (this.reverse) c.droppedReports = blocks;
    c.bestKth = new Float64Array(this.victims.length).fill(Infinity);
    const list = new ShortList(n);
    const leaves = new LeafIndex(blocks, reports.length, c.keys.size + 1);
    // Victims with the same first key (mostly the same blocks) one after another, so that their blocks' profiles
    // are still in the cache; the lists do not depend on the order.
    const nv = this.victims.length;
    const firstKey = (vi: number) => (vKeys.start[vi + 1] > vKeys.start[vi] ? vKeys.keys.a[vKeys.start[vi]] : 0);
    const byKey = Int32Array.from(this.victims.keys()).sort((x, y) => firstKey(x) - firstKey(y) || x - y);
    // Each victim's list: best.a[bestFrom[vi] .. bestFrom[vi] + bestCount[vi]).
    const best = new Ints();
    const bestFrom = new Int32Array(nv);
    const bestCount = new Int32Array(nv);
    for (let q = 0; q < nv; q++) {
      const vi = byKey[q];
      if (vKeys.start[vi + 1] === vKeys.start[vi]) continue;
      list.size = 0;
      leaves.rank(list, vKeys.keys.a, vKeys.start[vi], vKeys.start[vi + 1], vProfiles, vi);
      if (list.size === 0) continue;
      c.bestKth[vi] = list.bar;
      bestFrom[vi] = best.n;
      bestCount[vi] = list.size;
      for (let k = 0; k < list.size; k++) best.push(list.r[k]);
    }
    // By report, each report's victims in ascending order.
    const start = new Int32Array(reports.length + 1);
    for (let q = 0; q < best.n; q++) start[best.a[q] + 1]++;
    for (let i = 0; i < reports.length; i++) start[i + 1] += start[i];
    const at = start.slice(0, reports.length);
    const victimsOf = new Int32Array(start[reports.length]);
    for (let vi = 0; vi < nv; vi++) for (let k = bestFrom[vi]; k < bestFrom[vi] + bestCount[vi]; k++) victimsOf[at[best.a[k]]++] = vi;
    c.bestStart = start;
    c.bestVictims = victimsOf;
  }

  private compile(rule: BlockingRule, bit: number, reports: readonly PreparedRecord[]): CompiledRule {
    const rightParts = rule.right ?? rule.left;
    const keys = new KeyTable();
    const c: CompiledRule = {
      rule,
      bit,
      keys,
      oversized: new Set(),
      dropped: 0,
      blockStart: new Int32Array(1),
      blockVictims: new Int32Array(0),
      reportKeyStart: new Int32Array(reports.length + 1),
      reportKeys: new Int32Array(0),
      keyReportStart: null,
      keyReports: null,
      bestStart: null,
      bestVictims: null,
      bestKth: null,
      droppedVictims: null,
      droppedReports: null,
    };
    const cap = rule.maxBlockPairs ?? this.settings.maxBlockPairs;
    const { victims } = this;
    const eligible = Uint8Array.from(victims, (v) => (this.victimEligible(rule, v) ? 1 : 0));
    // Victims first: they create the key ids; reports look theirs up.
    const vBase = keysByRecord(victims.length, (vi, out) => {
      if (eligible[vi] === 1) this.baseKeysInto(keys, rightParts, victims[vi], 'right', this.creates('right'), out);
    });
    const rBase = keysByRecord(reports.length, (ri, out) => this.baseKeysInto(keys, rule.left, reports[ri], 'left', this.creates('left'), out));
    let vPending = vBase;
    let rPending = rBase;
    // Oversized key ids (any depth); grown with the table.
    let over = new Uint8Array(keys.size + 1);
    for (let depth = 0; depth <= rule.refine.length; depth++) {
      const vCount = new Int32Array(keys.size + 1);
      const rCount = new Int32Array(keys.size + 1);
      for (let q = 0; q < vPending.keys.n; q++) vCount[vPending.keys.a[q]]++;
      for (let q = 0; q < rPending.keys.n; q++) rCount[rPending.keys.a[q]]++;
      if (over.length < keys.size + 1) {
        const grown = new Uint8Array(keys.size + 1);
        grown.set(over);
        over = grown;
      }
      const overNow = new Uint8Array(keys.size + 1);
      let count = 0;
      for (let k = 1; k <= keys.size; k++) {
        if (rCount[k] > 0 && rCount[k] * vCount[k] > cap) {
          overNow[k] = 1;
          over[k] = 1;
          c.oversized.add(k);
          count++;
        }
      }
      if (count === 0) break;
      if (depth === rule.refine.length) {
        c.dropped = count;
        if (rule.bestPerVictim) this.rankDropped(c, overNow, vPending, rPending, reports, rule.bestPerVictim);
        break;
      }
      const part = rule.refine[depth];
      const refineAll = (pending: KeysByRecord, records: readonly PreparedRecord[], side: Side) => {
        const create = this.creates(side);
        return keysByRecord(records.length, (i, out) => {
          let vals: readonly number[] | null = null;
          for (let q = pending.start[i]; q < pending.start[i + 1]; q++) {
            const k = pending.keys.a[q];
            if (overNow[k] !== 1) continue;
            vals ??= keyPartIds(part, records[i], side, this.settings, this.givenIds, this.partScratch);
            for (let j = 0; j < vals.length; j++) {
              const id = create ? keys.id(k, vals[j]) : keys.peek(k, vals[j]);
              if (id !== 0) out.push(id);
            }
          }
        });
      };
      vPending = refineAll(vPending, victims, 'right');
      rPending = refineAll(rPending, reports, 'left');
    }
    if (over.length < keys.size + 1) {
      const grown = new Uint8Array(keys.size + 1);
      grown.set(over);
      over = grown;
    }
    // Victims' final keys → blocks (CSR).
    const vFinal = keysByRecord(victims.length, (vi, out) => {
      if (eligible[vi] === 1) this.finalKeysInto(c, over, victims[vi], 'right', vBase.keys, vBase.start[vi], vBase.start[vi + 1], out);
    });
    const nKeys = keys.size + 1;
    const start = new Int32Array(nKeys + 1);
    for (let q = 0; q < vFinal.keys.n; q++) start[vFinal.keys.a[q] + 1]++;
    for (let k = 0; k < nKeys; k++) start[k + 1] += start[k];
    const fill = start.slice(0, nKeys);
    const list = new Int32Array(start[nKeys]);
    for (let vi = 0; vi < victims.length; vi++) {
      for (let q = vFinal.start[vi]; q < vFinal.start[vi + 1]; q++) list[fill[vFinal.keys.a[q]]++] = vi;
    }
    c.blockStart = start;
    c.blockVictims = list;
    // Reports' final keys that have a block (CSR); with `reverse`, every final key of every report, by key.
    const rKeys = new Ints();
    const out = new Ints();
    const allKeys = new Ints();
    const allStart = this.reverse ? new Int32Array(reports.length + 1) : null;
    for (let ri = 0; ri < reports.length; ri++) {
      out.n = 0;
      this.finalKeysInto(c, over, reports[ri], 'left', rBase.keys, rBase.start[ri], rBase.start[ri + 1], out);
      for (let q = 0; q < out.n; q++) {
        const k = out.a[q];
        if (k < nKeys && start[k + 1] > start[k]) rKeys.push(k);
      }
      c.reportKeyStart[ri + 1] = rKeys.n;
      if (allStart) {
        for (let q = 0; q < out.n; q++) allKeys.push(out.a[q]);
        allStart[ri + 1] = allKeys.n;
      }
    }
    c.reportKeys = rKeys.a.slice(0, rKeys.n);
    if (allStart) {
      const n = keys.size + 1;
      const byKey = new Int32Array(n + 1);
      for (let q = 0; q < allKeys.n; q++) byKey[allKeys.a[q] + 1]++;
      for (let k = 0; k < n; k++) byKey[k + 1] += byKey[k];
      const at = byKey.slice(0, n);
      const list = new Int32Array(allKeys.n);
      for (let ri = 0; ri < reports.length; ri++) for (let q = allStart[ri]; q < allStart[ri + 1]; q++) list[at[allKeys.a[q]]++] = ri;
      c.keyReportStart = byKey;
      c.keyReports = list;
    }
    return c;
  }

  /**
   * Candidate victims of one report: calls visit(victimIndex, ruleMask) once per distinct victim.
   * Not re-entrant (uses shared scratch arrays).
   */
  candidates(report: PreparedRecord, visit: (victimIndex: number, ruleMask: number) => void): number {
    const gen = ++this.generation;
    const touched = this.touched;
    let n = 0;
    const known = this.reportIndex.get(report);
    const scratch: number[] = [];
    for (const c of this.compiled) {
      const bitMask = 1 << c.bit;
      let keys: ArrayLike<number>;
      let from = 0;
      let to: number;
      const mark = (vi: number) => {
        if (this.stamp[vi] !== gen) {
          this.stamp[vi] = gen;
          this.masks[vi] = 0;
          touched[n++] = vi;
        }
        if ((this.masks[vi] & bitMask) === 0) {
          this.masks[vi] |= bitMask;
          this.ruleHits[c.bit]++;
        }
      };
      if (known !== undefined) {
        keys = c.reportKeys;
        from = c.reportKeyStart[known];
        to = c.reportKeyStart[known + 1];
        // The victims whose short list (of a dropped block) holds this report.
        if (c.bestStart) for (let i = c.bestStart[known], end = c.bestStart[known + 1]; i < end; i++) mark(c.bestVictims![i]);
      } else {
        scratch.length = 0;
        const dropped: number[] = [];
        this.finalKeys(c, report, 'left', this.baseKeys(c.keys, c.rule.left, report, 'left'), scratch, undefined, c.droppedVictims ? dropped : undefined);
        keys = scratch;
        to = scratch.length;
        // A report added later enters a victim's short list when it is at least as close as the list's last.
        const own = dropped.length > 0 ? profileOf([report]) : null;
        for (const k of dropped) {
          const victimsOfBlock = c.droppedVictims!.get(k);
          if (!victimsOfBlock) continue;
          for (const vi of victimsOfBlock) if (profileDistanceAt(own!, 0, this.victimProfiles!, vi) <= c.bestKth![vi]) mark(vi);
        }
      }
      const start = c.blockStart;
      const list = c.blockVictims;
      for (let q = from; q < to; q++) {
        const fk = keys[q];
        if (fk + 1 >= start.length) continue;
        for (let i = start[fk], end = start[fk + 1]; i < end; i++) {
          const vi = list[i];
          if (this.stamp[vi] !== gen) {
            this.stamp[vi] = gen;
            this.masks[vi] = 0;
            touched[n++] = vi;
          }
          if ((this.masks[vi] & bitMask) === 0) {
            this.masks[vi] |= bitMask;
            this.ruleHits[c.bit]++;
          }
        }
      }
    }
    for (let i = 0; i < n; i++) visit(touched[i], this.masks[touched[i]]);
    return n;
  }

  /**
   * Reports (indices at build time) that share a final key with a victim the index was not built with:
   * calls visit(reportIndex, ruleMask) once per distinct report. The victim's keys are refined by the build's
   * oversized-block decisions, so it meets the same reports a rebuilt index would give it (as long as its
   * arrival does not itself make a block oversized). Needs `reverse`; not re-entrant.
   */
  reportsOf(victim: PreparedRecord, visit: (reportIndex: number, ruleMask: number) => void): number {
    if (!this.reverse) throw new Error('reportsOf() needs an index built with { reverse: true }');
    const scratch = (this.reportScratch ??= candidateScratch(this.reportCount));
    scratch.generation++;
    const { masks, touched } = scratch;
    let n = 0;
    const out: number[] = [];
    for (const c of this.compiled) {
      if (!this.victimEligible(c.rule, victim)) continue;
      const bitMask = 1 << c.bit;
      out.length = 0;
      const dropped: number[] = [];
      this.finalKeys(c, victim, 'right', this.baseKeys(c.keys, c.rule.right ?? c.rule.left, victim, 'right', false), out, false, c.droppedReports ? dropped : undefined);
      if (dropped.length > 0) {
        // Its dropped blocks: the closest reports, as the build gave each victim there.
        const list = new ShortList(c.rule.bestPerVictim!);
        const own = profileOf([victim]);
        for (const k of dropped) {
          const block = c.droppedReports!.get(k);
          if (block) scanBlock(list, block, own, 0);
        }
        for (const ri of list.result().best) n = markIn(scratch, ri, bitMask, n);
      }
      const start = c.keyReportStart!;
      const list = c.keyReports!;
      for (const fk of out) {
        if (fk + 1 >= start.length) continue;
        for (let i = start[fk], end = start[fk + 1]; i < end; i++) n = markIn(scratch, list[i], bitMask, n);
      }
    }
    for (let i = 0; i < n; i++) visit(touched[i], masks[touched[i]]);
    return n;
  }

  oversizedKeys(): { name: string; count: number; dropped: number }[] {
    return this.compiled.map((c) => ({ name: c.rule.name, count: c.oversized.size, dropped: c.dropped }));
  }

  ruleNames(mask: number): string[] {
    return this.rules.filter((_, i) => (mask & (1 << i)) !== 0).map((r) => r.name);
  }

  /** The index as typed arrays (shared, not copied), for candidatesOf() in a worker thread. */
  toArrays(): BlockingArrays {
    return {
      victims: this.victims.length,
      rules: this.compiled.map((c) => ({
        name: c.rule.name,
        blockStart: c.blockStart,
        blockVictims: c.blockVictims,
        reportKeyStart: c.reportKeyStart,
        reportKeys: c.reportKeys,
        bestStart: c.bestStart,
        bestVictims: c.bestVictims,
      })),
    };
  }
}

/**
 * Candidates of report `ri` from the arrays of an index (the same pairs and rule masks as
 * BlockingIndex.candidates for a report known at build time). `scratch` holds per-victim state between calls:
 * create it once per thread with candidateScratch().
 */
export function candidatesOf(
  arrays: BlockingArrays,
  ri: number,
  scratch: CandidateScratch,
  visit: (victimIndex: number, ruleMask: number) => void,
): number {
  scratch.generation++;
  const { masks, touched } = scratch;
  let n = 0;
  for (let bit = 0; bit < arrays.rules.length; bit++) {
    const c = arrays.rules[bit];
    const bitMask = 1 << bit;
    const start = c.blockStart;
    const list = c.blockVictims;
    for (let q = c.reportKeyStart[ri], qEnd = c.reportKeyStart[ri + 1]; q < qEnd; q++) {
      const fk = c.reportKeys[q];
      for (let i = start[fk], end = start[fk + 1]; i < end; i++) n = markIn(scratch, list[i], bitMask, n);
    }
    if (c.bestStart && c.bestVictims) {
      for (let i = c.bestStart[ri], end = c.bestStart[ri + 1]; i < end; i++) n = markIn(scratch, c.bestVictims[i], bitMask, n);
    }
  }
  for (let i = 0; i < n; i++) visit(touched[i], masks[touched[i]]);
  return n;
}

export interface CandidateScratch {
  generation: number;
  stamp: Int32Array;
  masks: Uint32Array;
  touched: Int32Array;
}

/**
 * Adds `bitMask` to record i's rule mask for the current generation, listing i in `touched` the first time it is
 * seen; returns the new length of that list.
 */
function markIn(scratch: CandidateScratch, i: number, bitMask: number, n: number): number {
  if (scratch.stamp[i] !== scratch.generation) {
    scratch.stamp[i] = scratch.generation;
    scratch.masks[i] = 0;
    scratch.touched[n++] = i;
  }
  scratch.masks[i] |= bitMask;
  return n;
}

export function candidateScratch(victims: number): CandidateScratch {
  return { generation: 0, stamp: new Int32Array(victims), masks: new Uint32Array(victims), touched: new Int32Array(victims) };
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
