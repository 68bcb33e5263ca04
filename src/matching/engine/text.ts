/**
 * Low-level text folding used everywhere in the matching engine.
 *
 * fold(): lower case, accents removed, but ñ preserved as its own letter (Peña ≠ Pena at the exact level; the
 * phonetic keys treat n as a variant of ñ). ü becomes u. Apostrophes of every kind are deleted (K'iche' → kiche),
 * anything else that is not a letter or a digit becomes a single space.
 */

const COMBINING = /[\u0300-\u036f]/g;
const APOSTROPHES = /['\u2018\u2019\u02bc\u02b9\u00b4`]/g;
const NON_WORD = /[^a-z0-9ñ]+/g;

const foldCache = new Map<string, string>();

export function fold(input: string | null | undefined): string {
  if (!input) return '';
  const cached = foldCache.get(input);
  if (cached !== undefined) return cached;
  const out = input
    .toLowerCase()
    .normalize('NFD')
    .replace(/n\u0303/g, '\u0001')
    .replace(COMBINING, '')
    .replace(/\u0001/g, 'ñ')
    .replace(APOSTROPHES, '')
    .replace(NON_WORD, ' ')
    .trim();
  if (foldCache.size > 200_000) foldCache.clear();
  foldCache.set(input, out);
  return out;
}

/** Folded words of a string (see fold). */
export function words(input: string | null | undefined): string[] {
  const f = fold(input);
  return f.length === 0 ? [] : f.split(' ');
}

/** Lower-case words that keep a trailing dot, so abbreviations like "Ma." or "Glez." stay recognisable. */
export function rawWords(input: string | null | undefined): string[] {
  if (!input) return [];
  return input
    .replace(/[,;/()]+/g, ' ')
    .split(/\s+/)
    .filter((w) => w.length > 0);
}

/** ñ treated as n: the variant form used by phonetic keys and blocking. */
export function nVariant(folded: string): string {
  return folded.indexOf('ñ') >= 0 ? folded.replace(/ñ/g, 'n') : folded;
}

/**
 * Interns strings as small integers so that prepared records can be compared with integer equality.
 * One process-wide table: ids are stable for the life of the process, which is all scoring needs.
 */
export class Interner {
  private readonly ids = new Map<string, number>();
  private readonly values: string[] = [''];

  id(value: string): number {
    let v = this.ids.get(value);
    if (v === undefined) {
      v = this.values.length;
      this.values.push(value);
      this.ids.set(value, v);
    }
    return v;
  }

  /** Id if already known, else 0 (0 never names a real value). */
  peek(value: string): number {
    return this.ids.get(value) ?? 0;
  }

  value(id: number): string {
    return this.values[id] ?? '';
  }
}

export const INTERN = new Interner();
