/**
 * Name normalisation rules (each one has table-driven tests in normalize.spec.ts):
 *
 *  N1  case and accents folded; ñ kept distinct (its n variant lives in the phonetic keys).
 *  N2  written abbreviations expanded (Ma. → María, Fco. → Francisco, Glez. → González, Hdez. → Hernández, …);
 *      a lone leading "J."/"M." of a compound given name → José / María.
 *  N3  particles (de, del, de la, de los, y, …) removed from surnames and from inside given names
 *      ("De la Cruz" → cruz, "María de los Ángeles" → maria angeles); a fused "Delacruz" is split.
 *  N4  compound given names split into words; a leading María/José of a compound is kept but marked weak
 *      (it is often dropped in daily use and carries little identity).
 *  N5  married form recognised: "López de García" → surname lopez, married surname garcia.
 *  N6  a hyphenated or doubled first surname with no second surname is split (Pérez-López → perez + lopez).
 *  N7  placeholders for an unknown name (FNU, LNU, NN, "desconocido", "sin nombre") → no name.
 *  N8  full name only → split with the shared splitFullName (given names + two surnames + married form).
 */
import { CURP_SKIPPED_PARTICLES, expandNameAbbreviation, splitFullName } from '../../reference/person-names.js';
import { fold, rawWords } from './text.js';

const PARTICLES: ReadonlySet<string> = new Set(CURP_SKIPPED_PARTICLES);
const WEAK_FIRST: ReadonlySet<string> = new Set(['maria', 'jose']);
const PLACEHOLDERS: ReadonlySet<string> = new Set([
  'fnu', 'lnu', 'nn', 'n n', 'x', 'xx', 'xxx', 'na', 'n a', 'sn', 's n', 'desconocido', 'desconocida', 'sin nombre',
  'no identificado', 'no identificada', 'se desconoce', 'unknown', 'ignorado', 'ignorada', 'no proporciono',
  'sin datos', 'sin apellido', 'no aplica', 'ninguno', 'no sabe',
]);
/** Fused particle prefixes that are split off when what remains is long enough ("delacruz" → cruz). */
const FUSED_PREFIXES = ['delos', 'delas', 'dela'];

/** Expands a raw word (keeping its dot) into folded words. */
function expandWord(raw: string, position: number, total: number): string[] {
  const lower = raw.toLowerCase();
  if (total > 1 && position === 0 && (lower === 'j.' || lower === 'j')) return ['jose'];
  if (total > 1 && position === 0 && (lower === 'm.' || lower === 'm')) return ['maria'];
  const expanded = expandNameAbbreviation(lower);
  return fold(expanded ?? raw)
    .split(' ')
    .filter((w) => w.length > 0);
}

export function isPlaceholder(raw: string | null | undefined): boolean {
  const f = fold(raw);
  return f.length === 0 || PLACEHOLDERS.has(f);
}

export interface NormalizedGiven {
  /** Folded words, particles removed, abbreviations expanded. */
  words: string[];
  /** Parallel to words: true for a leading María/José of a compound. */
  weak: boolean[];
  /** words joined by one space: the exact-comparison form. */
  full: string;
}

export function normalizeGivenNames(raw: string | null | undefined): NormalizedGiven {
  if (!raw || isPlaceholder(raw)) return { words: [], weak: [], full: '' };
  const tokens = rawWords(raw);
  const out: string[] = [];
  tokens.forEach((t, i) => {
    for (const w of expandWord(t, i, tokens.length)) if (!PARTICLES.has(w)) out.push(w);
  });
  const weak = out.map((w, i) => i === 0 && out.length > 1 && WEAK_FIRST.has(w));
  return { words: out, weak, full: out.join(' ') };
}

export interface NormalizedSurname {
  /** Comparison form: folded, particles removed, words joined without spaces ('' when absent). */
  key: string;
  /** Folded words left after removing particles. */
  words: string[];
  /** Husband's surname when written in the married form "X de Y" ('' otherwise). */
  married: string;
}

export function normalizeSurname(raw: string | null | undefined): NormalizedSurname {
  if (!raw || isPlaceholder(raw)) return { key: '', words: [], married: '' };
  const tokens = rawWords(raw);
  const folded: string[] = [];
  tokens.forEach((t, i) => folded.push(...expandWord(t, i, tokens.length)));
  // Married form: a "de" that follows at least one real surname word and is followed by exactly one real word.
  let married = '';
  let body = folded;
  for (let i = folded.length - 2; i >= 1; i--) {
    if (folded[i] !== 'de') continue;
    const before = folded.slice(0, i).filter((w) => !PARTICLES.has(w));
    const after = folded.slice(i + 1);
    if (before.length >= 1 && after.length === 1 && !PARTICLES.has(after[0])) {
      married = after[0];
      body = folded.slice(0, i);
    }
    break;
  }
  let words = body.filter((w) => !PARTICLES.has(w));
  if (words.length === 1) {
    for (const p of FUSED_PREFIXES) {
      if (words[0].startsWith(p) && words[0].length - p.length >= 4) {
        words = [words[0].slice(p.length)];
        break;
      }
    }
  }
  return { key: words.join(''), words, married };
}

export interface NormalizedName {
  given: NormalizedGiven;
  first: NormalizedSurname;
  second: NormalizedSurname;
  /** Husband's surname (from either surname field or the full name), '' if none. */
  married: string;
}

const EMPTY_SURNAME: NormalizedSurname = { key: '', words: [], married: '' };

/** Normalises the name fields of a record (N1–N8). */
export function normalizeName(input: {
  givenNames?: string | null;
  firstSurname?: string | null;
  secondSurname?: string | null;
  fullName?: string | null;
}): NormalizedName {
  let givenRaw = input.givenNames ?? null;
  let firstRaw = input.firstSurname ?? null;
  let secondRaw = input.secondSurname ?? null;
  let married = '';
  const structuredEmpty = isPlaceholder(givenRaw) && isPlaceholder(firstRaw) && isPlaceholder(secondRaw);
  if (structuredEmpty && input.fullName && !isPlaceholder(input.fullName)) {
    const split = splitFullName(input.fullName);
    givenRaw = split.givenNames;
    firstRaw = split.firstSurname;
    secondRaw = split.secondSurname;
    if (split.marriedSurname) married = fold(split.marriedSurname).replace(/ /g, '');
  }
  const given = normalizeGivenNames(givenRaw);
  let first = normalizeSurname(firstRaw);
  let second = normalizeSurname(secondRaw);
  // N6: "Pérez-López" or "Pérez López" typed into the first-surname field alone.
  if (second.key === '' && first.words.length === 2 && !first.married) {
    const [a, b] = first.words;
    first = { key: a, words: [a], married: '' };
    second = { key: b, words: [b], married: '' };
  }
  // Married form may sit in either field ("López de García" as first or second surname).
  if (first.married) married ||= first.married;
  if (second.married) married ||= second.married;
  // A first-surname field that held only the married form's head and nothing else stays as is.
  if (first.key === '' && second.key !== '') {
    // Only one surname known: keep it as first surname (the usual single-field case).
    first = second;
    second = EMPTY_SURNAME;
  }
  return { given, first, second, married };
}
