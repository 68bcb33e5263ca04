/**
 * Error injection for synthetic records: the spelling confusions Spanish and Maya names suffer when a registrar
 * writes what they hear (b/v, seseo, silent h, yeísmo, x, k/qu, ñ, doubled consonants, -ez/-es, apostrophes),
 * plain keyboard typos, and paraphrases of mark descriptions.
 */
import { MAYA_SURNAME_VARIANTS } from '../engine/name-tables.js';
import type { Rng } from './rng.js';

type Mutation = [RegExp, string];

/** Each: pattern, replacement. Applied once, at one random matching position. */
const SOUND_MUTATIONS: readonly Mutation[] = [
  [/v/i, 'b'],
  [/b/i, 'v'],
  [/z/i, 's'],
  [/s$/i, 'z'],
  [/c(?=[ei])/i, 's'],
  [/s(?=[ei])/i, 'c'],
  [/qu/i, 'k'],
  [/^h/i, ''],
  [/^(?=[aeiouáéíóú])/i, 'H'],
  [/ll/i, 'y'],
  [/y(?=[aeiou])/i, 'll'],
  [/g(?=[ei])/i, 'j'],
  [/j(?=[ei])/i, 'g'],
  [/x/i, 'j'],
  [/rr/i, 'r'],
  [/ñ/i, 'n'],
  [/gu(?=[ei])/i, 'g'],
  [/ez$/i, 'es'],
  [/tz/i, 'ts'],
  [/[áéíóú]/i, ''],
  [/ü/i, 'u'],
  [/([ln])\1/i, '$1'],
];

const STRIP_ACCENT: Record<string, string> = { á: 'a', é: 'e', í: 'i', ó: 'o', ú: 'u' };

function applyAtRandomMatch(word: string, [re, rep]: Mutation, rng: Rng): string | null {
  const flags = re.flags.includes('g') ? re.flags : re.flags + 'g';
  const g = new RegExp(re.source, flags);
  const hits: RegExpExecArray[] = [];
  let m: RegExpExecArray | null;
  while ((m = g.exec(word)) !== null) {
    hits.push(m);
    if (m[0].length === 0) g.lastIndex++;
    if (hits.length > 10) break;
  }
  if (hits.length === 0) return null;
  const hit = rng.pick(hits);
  let replacement = rep.replace('$1', hit[1] ?? '');
  if (re.source === '[áéíóú]') replacement = STRIP_ACCENT[hit[0].toLowerCase()] ?? hit[0];
  const out = word.slice(0, hit.index) + replacement + word.slice(hit.index + hit[0].length);
  return out === word || out.length === 0 ? null : out;
}

/** A keyboard slip: substitute, delete, double or transpose one inner letter. */
export function typo(word: string, rng: Rng): string {
  if (word.length < 4) return word;
  const i = rng.int(1, word.length - 2);
  const letters = 'aeioulnrstmcdp';
  switch (rng.int(0, 3)) {
    case 0:
      return word.slice(0, i) + rng.pick(letters.split('')) + word.slice(i + 1);
    case 1:
      return word.slice(0, i) + word.slice(i + 1);
    case 2:
      return word.slice(0, i) + word[i] + word.slice(i);
    default:
      return word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
  }
}

/** A misheard spelling of a name word (falls back to a typo when no sound rule applies). */
export function misspell(word: string, rng: Rng, typoShare = 0.2): string {
  const variants = MAYA_SURNAME_VARIANTS[word];
  if (variants && rng.chance(0.7)) return rng.pick(variants);
  if (rng.chance(typoShare)) return typo(word, rng);
  for (let attempt = 0; attempt < 12; attempt++) {
    const out = applyAtRandomMatch(word, rng.pick(SOUND_MUTATIONS), rng);
    if (out) return out[0] === out[0].toLowerCase() && word[0] !== word[0].toLowerCase() ? out[0].toUpperCase() + out.slice(1) : out;
  }
  return typo(word, rng);
}
