/**
 * Spanish / Latin-American personal names: surname particles, written abbreviations, and splitting a full name
 * written in the usual order "given name(s) + first surname + second surname" into its parts.
 * Pure data and functions; no framework imports. The rules are documented in docs/reference-data.md.
 */

/**
 * Particles that CURP construction ignores when it takes letters from a surname (lower case).
 * Matching code may strip these before comparing surnames ("De la Cruz" ~ "Cruz").
 */
export const CURP_SKIPPED_PARTICLES: readonly string[] = Object.freeze([
  'de',
  'del',
  'la',
  'las',
  'los',
  'y',
  'mc',
  'mac',
  'von',
  'van',
  'da',
  'das',
  'di',
  'dd',
  'der',
  'die',
  'el',
  'le',
  'les',
]);

/**
 * Every lower-case word that introduces or links a surname and therefore belongs to the word after it when a
 * name is split: the CURP particles plus 'san', 'santa', 'dos' and 'du' ("San Martín", "Santa Cruz",
 * "dos Santos", "du Pont"). Note that 'san' and 'santa' are part of the surname and are NOT skipped by CURP.
 */
export const NAME_PARTICLES: readonly string[] = Object.freeze([...CURP_SKIPPED_PARTICLES, 'san', 'santa', 'dos', 'du']);

/**
 * First words of a compound given name that CURP skips when taking the given-name initial
 * ("María de Jesús" → J, "Ma. del Pilar" → P, "José Luis" → L). Lower case, accents removed.
 */
export const CURP_SKIPPED_GIVEN_NAMES: readonly string[] = Object.freeze(['maria', 'ma.', 'ma', 'm.', 'jose', 'j.', 'j']);

/**
 * Written abbreviations of frequent given names and surnames, lower case with the final dot, mapped to the
 * full form in lower case with accents. Use expandNameAbbreviation() to look a token up.
 */
export const NAME_ABBREVIATIONS: Readonly<Record<string, string>> = Object.freeze({
  // given names
  'ma.': 'maría',
  'fco.': 'francisco',
  'fca.': 'francisca',
  'gpe.': 'guadalupe',
  // surnames
  'glez.': 'gonzález',
  'gzlez.': 'gonzález',
  'hdez.': 'hernández',
  'hdz.': 'hernández',
  'mtz.': 'martínez',
  'rdz.': 'rodríguez',
  'rguez.': 'rodríguez',
  'gtz.': 'gutiérrez',
  'fdez.': 'fernández',
  'fdz.': 'fernández',
  'rmz.': 'ramírez',
  'gmz.': 'gómez',
  'jmz.': 'jiménez',
  'dguez.': 'domínguez',
});

/**
 * Full lower-case form of an abbreviated name token, accepting it with or without the final dot and in any case
 * ("GLEZ" → 'gonzález', "Ma." → 'maría'); undefined when the token is not a known abbreviation.
 */
export function expandNameAbbreviation(token: string): string | undefined {
  const t = (token ?? '').trim().toLowerCase();
  if (t.length === 0) return undefined;
  return NAME_ABBREVIATIONS[t.endsWith('.') ? t : `${t}.`];
}

/** Lower case, accents removed, trailing dot removed: the key used to compare name words. */
const wordKey = (w: string): string =>
  w
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/\.$/, '');

const PARTICLE_SET: ReadonlySet<string> = new Set(NAME_PARTICLES);

/** True when the word is a surname particle (case-insensitive). */
export function isNameParticle(word: string): boolean {
  return PARTICLE_SET.has(wordKey(word));
}

/**
 * Given names that commonly start a devotional compound given name ("María del Carmen", "José de Jesús"),
 * compared without accents, case or final dot. "Juan" only combines with "de Dios".
 */
const DEVOTIONAL_FIRST = new Set(['maria', 'ma', 'm', 'jose', 'j']);
const JUAN = new Set(['juan', 'juana']);

/**
 * Last words of the particle-led tails that complete such a compound given name ("del Carmen", "de Jesús",
 * "de los Ángeles", "de Dios"...). Deliberately excludes "Cruz": "de la Cruz" is far more often a surname.
 */
const DEVOTIONAL_TAILS = new Set([
  'angeles',
  'asuncion',
  'carmen',
  'concepcion',
  'consuelo',
  'dios',
  'dolores',
  'esperanza',
  'fatima',
  'guadalupe',
  'jesus',
  'lourdes',
  'luz',
  'mar',
  'mercedes',
  'milagros',
  'nieves',
  'paz',
  'pilar',
  'refugio',
  'remedios',
  'rocio',
  'rosario',
  'socorro',
  'soledad',
  'trinidad',
]);

export interface SplitName {
  givenNames: string | null;
  firstSurname: string | null;
  secondSurname: string | null;
  /** Present only when the name ends in the married form "… de <husband's surname>". */
  marriedSurname?: string;
}

/** A name word together with the particles written before it (e.g. ["de", "la", "Cruz"]). */
interface Unit {
  particles: string[];
  words: string[];
}

const unitText = (u: Unit): string => [...u.particles, ...u.words].join(' ');
const headKey = (u: Unit): string => wordKey(u.words[u.words.length - 1] ?? '');

function toUnits(tokens: string[]): Unit[] {
  const units: Unit[] = [];
  let pending: string[] = [];
  for (const t of tokens) {
    if (isNameParticle(t)) {
      pending.push(t);
      continue;
    }
    const unit: Unit = { particles: pending, words: [t] };
    pending = [];
    const prev = units[units.length - 1];
    // "y" links two surnames into one composite surname: "Ortega y Gasset".
    if (prev && unit.particles.length > 0 && wordKey(unit.particles[0]) === 'y') {
      prev.words.push(...unit.particles, t);
    } else {
      units.push(unit);
    }
  }
  if (pending.length > 0) {
    // Dangling particles at the end belong to the last word; alone they form a name of their own.
    const last = units[units.length - 1];
    if (last) last.words.push(...pending);
    else units.push({ particles: [], words: pending });
  }
  return units;
}

/**
 * Splits a full name written as "given name(s) + first surname + second surname".
 *
 * - Whitespace is collapsed; each word keeps its original spelling, accents, apostrophes and case.
 * - Particles (NAME_PARTICLES) stay attached to the word they introduce: "de la Cruz" is one surname;
 *   "y" joins its neighbours into one composite surname ("Ortega y Gasset").
 * - Married form: when there are at least three parts and the last is introduced by exactly "de"
 *   ("Ana López de García"), that part is returned as marriedSurname (without "de") and removed first.
 * - Devotional compound given names: a part introduced by particles and ending in Carmen, Jesús, Ángeles,
 *   Rosario… that directly follows María/Ma./José/J. (or "de Dios" after Juan/Juana), with nothing but plain
 *   given names before it, is part of the given names ("María del Carmen López" → given "María del Carmen").
 * - Then: one part → given names only; two parts → given names + first surname; three or more → the last two
 *   parts are the surnames and everything before them the given names.
 */
export function splitFullName(fullName: string): SplitName {
  const inverted = splitInvertedName(fullName ?? '');
  if (inverted) return inverted;
  const tokens = (fullName ?? '').replace(/,/g, ' ').trim().split(/\s+/).filter((t) => t.length > 0);
  const units = toUnits(tokens);
  let marriedSurname: string | undefined;

  const last = units[units.length - 1];
  if (units.length >= 3 && last.particles.length === 1 && wordKey(last.particles[0]) === 'de') {
    marriedSurname = last.words.join(' ');
    units.pop();
  }

  // Leading units that must be given names because of a devotional tail.
  let forcedGiven = 0;
  for (let i = 1; i < units.length; i++) {
    const u = units[i];
    if (u.particles.length === 0) continue; // still a plain given-name candidate
    const prev = wordKey(units[i - 1].words[0]);
    const tail = u.words.length === 1 ? headKey(u) : '';
    const isTail = DEVOTIONAL_FIRST.has(prev) ? DEVOTIONAL_TAILS.has(tail) : JUAN.has(prev) && tail === 'dios';
    if (units[i - 1].particles.length === 0 && isTail) forcedGiven = i + 1;
    break; // only the first particle-led part can be a tail
  }

  const n = units.length;
  const result: SplitName = { givenNames: null, firstSurname: null, secondSurname: null };
  if (n > 0) {
    const boundary = Math.max(forcedGiven, 1, n - 2);
    result.givenNames = units.slice(0, boundary).map(unitText).join(' ');
    result.firstSurname = units[boundary] ? unitText(units[boundary]) : null;
    result.secondSurname = units[boundary + 1] ? unitText(units[boundary + 1]) : null;
  }
  if (marriedSurname !== undefined) result.marriedSurname = marriedSurname;
  return result;
}

/**
 * "Surnames, given names" (one comma, something on both sides), as lists and spreadsheet exports write them:
 * "LÓPEZ PÉREZ, JUAN" → given JUAN, surnames LÓPEZ and PÉREZ; "López de García, Ana" keeps García as the married
 * surname. Null when the name is not written that way.
 */
function splitInvertedName(fullName: string): SplitName | null {
  const parts = fullName.split(',');
  if (parts.length !== 2) return null;
  const given = parts[1].trim().split(/\s+/).filter((t) => t.length > 0);
  const units = toUnits(parts[0].trim().split(/\s+/).filter((t) => t.length > 0));
  if (given.length === 0 || units.length === 0) return null;
  const result: SplitName = { givenNames: given.join(' '), firstSurname: null, secondSurname: null };
  const last = units[units.length - 1];
  if (units.length >= 2 && last.particles.length === 1 && wordKey(last.particles[0]) === 'de') {
    result.marriedSurname = last.words.join(' ');
    units.pop();
  }
  result.firstSurname = unitText(units[0]);
  result.secondSurname = units.length > 1 ? units.slice(1).map(unitText).join(' ') : null;
  return result;
}
