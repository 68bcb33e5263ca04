/**
 * Jaro–Winkler similarity, written by hand rather than taken from a package: scoring must reach hundreds of
 * thousands of pairs per second, so this version allocates nothing per call (two reusable flag buffers) and
 * works on UTF-16 code units of already-folded strings.
 *
 * Standard definition: matching window floor(max(|a|,|b|)/2) - 1, transpositions halved, Winkler prefix bonus
 * 0.1 per common leading character (at most 4), applied to every Jaro score (no 0.7 boost threshold).
 */

let flagsA = new Uint8Array(64);
let flagsB = new Uint8Array(64);

export function jaro(a: string, b: string): number {
  const la = a.length;
  const lb = b.length;
  if (la === 0 || lb === 0) return la === lb ? 1 : 0;
  if (a === b) return 1;
  if (flagsA.length < la) flagsA = new Uint8Array(la * 2);
  if (flagsB.length < lb) flagsB = new Uint8Array(lb * 2);
  flagsA.fill(0, 0, la);
  flagsB.fill(0, 0, lb);
  const window = Math.max(0, (Math.max(la, lb) >> 1) - 1);
  let matches = 0;
  for (let i = 0; i < la; i++) {
    const ca = a.charCodeAt(i);
    const lo = i - window > 0 ? i - window : 0;
    const hi = i + window + 1 < lb ? i + window + 1 : lb;
    for (let j = lo; j < hi; j++) {
      if (flagsB[j] === 0 && b.charCodeAt(j) === ca) {
        flagsA[i] = 1;
        flagsB[j] = 1;
        matches++;
        break;
      }
    }
  }
  if (matches === 0) return 0;
  let k = 0;
  let half = 0;
  for (let i = 0; i < la; i++) {
    if (flagsA[i] === 0) continue;
    while (flagsB[k] === 0) k++;
    if (a.charCodeAt(i) !== b.charCodeAt(k)) half++;
    k++;
  }
  const m = matches;
  return (m / la + m / lb + (m - half / 2) / m) / 3;
}

export function jaroWinkler(a: string, b: string): number {
  const j = jaro(a, b);
  if (j === 1 || j === 0) return j;
  const max = Math.min(4, a.length, b.length);
  let prefix = 0;
  while (prefix < max && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++;
  return j + prefix * 0.1 * (1 - j);
}

// Direct-mapped memo: 2^18 slots, each (id a, id b, value); a collision simply overwrites. Typed arrays, so a
// lookup is a multiply, a shift and two integer compares (a Map lookup cost as much as the short Jaro itself).
const MEMO_BITS = 18;
const memoA = new Int32Array(1 << MEMO_BITS);
const memoB = new Int32Array(1 << MEMO_BITS);
const memoV = new Float64Array(1 << MEMO_BITS);

/**
 * jaroWinkler(a, b) memoised on the interned ids of the two strings (id equality ⇔ string equality): names
 * repeat (Zipf), so at scale most word pairs have been compared before. Keyed in argument order, so results
 * are exactly those of jaroWinkler. Ids must be > 0 (0 = no id: computed directly).
 */
export function jaroWinklerById(idA: number, a: string, idB: number, b: string): number {
  if (idA <= 0 || idB <= 0) return jaroWinkler(a, b);
  const slot = (Math.imul(idA, 0x9e3779b1) ^ Math.imul(idB, 0x85ebca6b)) >>> (32 - MEMO_BITS);
  if (memoA[slot] === idA && memoB[slot] === idB) return memoV[slot];
  const v = jaroWinkler(a, b);
  memoA[slot] = idA;
  memoB[slot] = idB;
  memoV[slot] = v;
  return v;
}

/** Damerau (adjacent transposition) edit distance, capped: returns cap+1 as soon as the distance exceeds cap. */
export function editDistanceAtMost(a: string, b: string, cap: number): number {
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > cap) return cap + 1;
  // Small strings only (document numbers, names): plain O(n·m) with three rows.
  let prev2 = new Array<number>(lb + 1).fill(0);
  let prev = new Array<number>(lb + 1);
  let cur = new Array<number>(lb + 1);
  for (let j = 0; j <= lb; j++) prev[j] = j;
  for (let i = 1; i <= la; i++) {
    cur[0] = i;
    let rowMin = cur[0];
    for (let j = 1; j <= lb; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a.charCodeAt(i - 1) === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1)) {
        v = Math.min(v, prev2[j - 2] + 1);
      }
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > cap) return cap + 1;
    const t = prev2;
    prev2 = prev;
    prev = cur;
    cur = t;
  }
  return prev[lb];
}
