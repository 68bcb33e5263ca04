/**
 * Two phonetic keys, both computed once per name word in prepare():
 *
 * latamKey — Latin-American Spanish pronunciation: seseo (z, c+e/i → s), b = v, silent h, ll = y, j = g+e/i,
 *   x → j except a leading "xo" (Nahuatl x = s: Xóchitl), qu/k/hard c → k, gu+e/i → hard g, gua/hua/w → w,
 *   a word-initial "ju"+vowel also → w (Juan ~ Huan ~ Wan), ñ → n (n is a variant of ñ), final/pre-consonant
 *   y → i, doubled letters collapsed (rr, nn, aa). Vowels are kept: short Maya surnames need them.
 *
 * mayaKey — the same skeleton but with the values letters take in colonial and ALMG spellings of Maya names:
 *   x and sh → one sibilant (Xol ~ Shol), c/k/q/qu → k (Quej ~ Kej), tz/ts → one affricate (Tzul ~ Tsul),
 *   medial or final h → j (Ajú ~ Ahú, Guarchaj ~ Guarchah), apostrophes and long vowels already removed.
 *
 * Both take folded input (see text.fold) and ignore spaces and digits.
 */

const VOWEL = new Uint8Array(128);
for (const v of 'aeiou') VOWEL[v.charCodeAt(0)] = 1;
const isVowel = (ch: string | undefined): boolean => ch !== undefined && ch.length === 1 && VOWEL[ch.charCodeAt(0)] === 1;
const isFront = (ch: string | undefined): boolean => ch === 'e' || ch === 'i' || ch === 'y';

function collapse(out: string[]): string {
  let s = '';
  let last = '';
  for (const c of out) {
    if (c !== last) s += c;
    last = c;
  }
  return s;
}

function letters(folded: string): string {
  return folded.replace(/[^a-zñ]/g, '');
}

const latamCache = new Map<string, string>();
const mayaCache = new Map<string, string>();

export function latamKey(folded: string): string {
  const hit = latamCache.get(folded);
  if (hit !== undefined) return hit;
  const s = letters(folded);
  const out: string[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    const n = s[i + 1];
    const n2 = s[i + 2];
    switch (c) {
      case 'a':
      case 'e':
      case 'i':
      case 'o':
      case 'u':
        out.push(c);
        break;
      case 'b':
      case 'v':
        out.push('b');
        break;
      case 'c':
        if (n === 'h') {
          out.push('C');
          i++;
        } else if (isFront(n)) out.push('s');
        else out.push('k');
        break;
      case 'g':
        if (isFront(n)) out.push('j');
        else if (n === 'u' && isFront(n2)) {
          out.push('g');
          i++;
        } else if (n === 'u' && (n2 === 'a' || n2 === 'o')) {
          out.push('w');
          i++;
        } else out.push('g');
        break;
      case 'h':
        if (n === 'u' && isVowel(n2)) {
          out.push('w');
          i++;
        }
        break;
      case 'j':
        if (i === 0 && n === 'u' && isVowel(n2)) {
          out.push('w');
          i++;
        } else out.push('j');
        break;
      case 'l':
        if (n === 'l') {
          out.push('y');
          i++;
        } else out.push('l');
        break;
      case 'ñ':
        out.push('n');
        break;
      case 'p':
        if (n === 'h') {
          out.push('f');
          i++;
        } else out.push('p');
        break;
      case 'q':
        out.push('k');
        if (n === 'u') i++;
        break;
      case 'x':
        if (i === 0 && n === 'o') out.push('s');
        else out.push('j');
        break;
      case 'y':
        out.push(isVowel(n) ? 'y' : 'i');
        break;
      case 'z':
        out.push('s');
        break;
      default:
        out.push(c);
    }
  }
  const key = collapse(out);
  if (latamCache.size > 100_000) latamCache.clear();
  latamCache.set(folded, key);
  return key;
}

export function mayaKey(folded: string): string {
  const hit = mayaCache.get(folded);
  if (hit !== undefined) return hit;
  const s = letters(folded);
  const out: string[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    const n = s[i + 1];
    const n2 = s[i + 2];
    switch (c) {
      case 'a':
      case 'e':
      case 'i':
      case 'o':
      case 'u':
        out.push(c);
        break;
      case 'b':
      case 'v':
        out.push('b');
        break;
      case 'c':
        if (n === 'h') {
          out.push('C');
          i++;
        } else if (isFront(n)) out.push('s');
        else out.push('k');
        break;
      case 'k':
        out.push('k');
        break;
      case 'q':
        out.push('k');
        if (n === 'u' && isFront(n2)) i++;
        break;
      case 'g':
        if (isFront(n)) out.push('j');
        else if (n === 'u' && isFront(n2)) {
          out.push('g');
          i++;
        } else if (n === 'u' && (n2 === 'a' || n2 === 'o')) {
          out.push('w');
          i++;
        } else out.push('g');
        break;
      case 'h':
        if (n === 'u' && isVowel(n2)) {
          out.push('w');
          i++;
        } else if (i > 0) out.push('j');
        break;
      case 'j':
        if (i === 0 && n === 'u' && isVowel(n2)) {
          out.push('w');
          i++;
        } else out.push('j');
        break;
      case 'l':
        if (n === 'l') {
          out.push('y');
          i++;
        } else out.push('l');
        break;
      case 'ñ':
        out.push('n');
        break;
      case 's':
        if (n === 'h') {
          out.push('S');
          i++;
        } else out.push('s');
        break;
      case 't':
        if (n === 'z' || n === 's') {
          out.push('Z');
          i++;
        } else out.push('t');
        break;
      case 'x':
        out.push('S');
        break;
      case 'y':
        out.push(isVowel(n) ? 'y' : 'i');
        break;
      case 'z':
        out.push('s');
        break;
      default:
        out.push(c);
    }
  }
  const key = collapse(out);
  if (mayaCache.size > 100_000) mayaCache.clear();
  mayaCache.set(folded, key);
  return key;
}

const looseCache = new Map<string, string>();

/**
 * looseKey — the Latin-American key with the confusions it leaves apart merged:
 *   e = i and o = u (Maya languages have no e/o contrast of their own, and first-language speakers of K'iche' or
 *   Mam, and the officers who hear them, write "Lópiz", "Mindoza", "Cuj" for "Coj"); and x = j everywhere, also
 *   word-initially (old spellings Ximénez/Jiménez, and the Maya x an officer heard as j: Xol ~ Jol).
 * It merges more strangers than the other two keys, so comparisons use it as a phonetic level only next to them.
 */
export function looseKey(folded: string): string {
  const hit = looseCache.get(folded);
  if (hit !== undefined) return hit;
  const base = latamKey(folded.replace(/^(\s*)x/, '$1j'));
  let key = '';
  let last = '';
  for (const c of base) {
    const m = c === 'e' ? 'i' : c === 'o' ? 'u' : c;
    if (m !== last) key += m;
    last = m;
  }
  if (looseCache.size > 100_000) looseCache.clear();
  looseCache.set(folded, key);
  return key;
}
