/**
 * Languages a missing or found person may speak, identified by ISO 639-3 codes, with the spellings that
 * appear in Mexican and Guatemalan records (current ALMG spellings, colonial/older spellings, apostrophe-free
 * database forms, and Spanish exonyms). Pure data; no framework imports.
 *
 * Code choices worth knowing (see docs/reference-data.md):
 *  - 'nah' (Náhuatl) and 'oto' (Otomí) are ISO collective codes for a language family/group, because records
 *    rarely say which variety is meant.
 *  - Mixteco 'mix', Totonaco 'top', Mazateco 'mau', Chinanteco 'chj', Mixe 'mco' and Ch'ol 'ctu' are the
 *    ISO 639-3 code of one large variety, used here to stand for the whole language.
 *  - Chalchiteko has no ISO 639-3 code of its own (ISO files it under Awakateko); it gets 'qch', a code from
 *    the range ISO 639-3 reserves for local use (qaa–qtz).
 *  - "Maya" on its own is not mapped: in Mexico it usually means Yucatec Maya, in Guatemala any Maya language.
 */

export interface LanguageInfo {
  /** ISO 639-3 code (or collective / local-use code, see above), lower case. */
  code: string;
  /** Display name as written in Mexico/Guatemala (current official spelling for Guatemalan languages). */
  name: string;
  /** True for languages indigenous to the Americas (Maya, Xinka, Garífuna, Mexican languages). */
  indigenous: boolean;
  /** Other spellings and names that refer to the same language. */
  aliases: readonly string[];
}

const lang = (code: string, name: string, indigenous: boolean, aliases: string[]): LanguageInfo =>
  Object.freeze({ code, name, indigenous, aliases: Object.freeze(aliases) });

export const LANGUAGES: readonly LanguageInfo[] = Object.freeze([
  // Non-indigenous
  lang('spa', 'Español', false, ['Castellano', 'Spanish', 'Espanol', 'es']),
  lang('eng', 'Inglés', false, ['English', 'Ingles', 'en']),

  // Guatemala: the Maya languages (ALMG spelling as name), Xinka and Garífuna
  lang('quc', "K'iche'", true, ['Quiché', 'Quichè', 'Kiche', 'Kʼicheʼ', "K'ich'e", "Qu'iche", 'Quiche']),
  lang('kek', "Q'eqchi'", true, ['Kekchí', 'Kekchi', "Q'eqchi", 'Qeqchi', 'Quekchí', 'Ketchi', 'Kʼekchiʼ']),
  lang('cak', 'Kaqchikel', true, ['Cakchiquel', 'Cackchiquel', 'Kakchiquel', 'Kaqchiquel']),
  lang('mam', 'Mam', true, ['Mame']),
  lang('kjb', "Q'anjob'al", true, ['Kanjobal', 'Qanjobal', "Q'anjobal", 'Kanhobal']),
  lang('poh', "Poqomchi'", true, ['Pocomchí', 'Pokomchi', 'Poqomchi']),
  lang('acr', 'Achi', true, ['Achí', 'Quiché-Achí', 'Quiche Achi']),
  lang('ixl', 'Ixil', true, ['Ixhil']),
  lang('tzj', "Tz'utujil", true, ['Tzutujil', 'Tzutuhil', 'Zutuhil']),
  lang('cac', 'Chuj', true, ['Chuh']),
  lang('jac', "Popti'", true, ['Jakalteko', 'Jacalteco', 'Popti']),
  lang('poc', 'Poqomam', true, ['Pocomam', 'Pokomam']),
  lang('knj', 'Akateko', true, ['Acateco', 'Akatek']),
  lang('agu', 'Awakateko', true, ['Aguacateco']),
  lang('caa', "Ch'orti'", true, ['Chortí', 'Chorti']),
  lang('quv', 'Sakapulteko', true, ['Sacapulteco']),
  lang('qum', 'Sipakapense', true, ['Sipacapeño', 'Sipacapense']),
  lang('ttc', 'Tektiteko', true, ['Teco', 'Tektitek']),
  lang('usp', 'Uspanteko', true, ['Uspanteco']),
  lang('mop', 'Mopan', true, ['Mopán']),
  lang('itz', "Itza'", true, ['Itzá', 'Itza']),
  lang('qch', 'Chalchiteko', true, ['Chalchiteco']),
  lang('xin', 'Xinka', true, ['Xinca']),
  lang('cab', 'Garífuna', true, ['Garifuna', 'Garínagu']),

  // Mexico: the most widely spoken indigenous languages
  lang('nah', 'Náhuatl', true, ['Nahuatl', 'Nahua', 'Nawatl']),
  lang('yua', 'Maya yucateco', true, ['Maya yucateca', 'Yucateco', 'Yucatec Maya', "Maaya t'aan"]),
  lang('tzh', 'Tseltal', true, ['Tzeltal']),
  lang('tzo', 'Tsotsil', true, ['Tzotzil']),
  lang('mix', 'Mixteco', true, ['Mixteca', "Tu'un savi"]),
  lang('zap', 'Zapoteco', true, ['Zapoteca', 'Diidxazá']),
  lang('oto', 'Otomí', true, ['Hñähñu', 'Hñahñu', 'Ñhañhu']),
  lang('top', 'Totonaco', true, ['Totonaca', 'Tutunakú']),
  lang('mau', 'Mazateco', true, ['Mazateca']),
  lang('maz', 'Mazahua', true, ['Jñatjo', 'Jnatrjo']),
  lang('chj', 'Chinanteco', true, ['Chinanteca']),
  lang('ctu', "Ch'ol", true, ['Chol']),
  lang('mco', 'Mixe', true, ['Ayuuk', 'Ayuk']),
  lang('toj', 'Tojolabal', true, ["Tojol-ab'al", "Tojol ab'al"]),
  lang('hus', 'Huasteco', true, ['Tének', 'Teenek', 'Huasteca']),
  lang('tsz', 'Purépecha', true, ["P'urhépecha", 'Purhépecha', 'Tarasco']),
]);

/**
 * Comparison key for language names: Unicode-decomposed with diacritics removed (so "Quichè" = "quiche",
 * but ñ also becomes n), lower case, with apostrophes of every kind (' ’ ‘ ʼ ´ `), hyphens, dots and spaces removed.
 */
export function languageKey(given: string): string {
  return (given ?? '')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['\u2018\u2019\u02bc\u02b9\u00b4`\s.\-\u2010-\u2015]/g, '');
}

const byCode = new Map<string, LanguageInfo>(LANGUAGES.map((l) => [l.code, l]));
const byKey = new Map<string, string>();
for (const l of LANGUAGES) {
  for (const form of [l.code, l.name, ...l.aliases]) {
    const k = languageKey(form);
    const prev = byKey.get(k);
    if (prev !== undefined && prev !== l.code) {
      throw new Error(`language spelling "${form}" is ambiguous between ${prev} and ${l.code}`);
    }
    byKey.set(k, l.code);
  }
}

/**
 * Maps a language name, spelling variant or code as written in a record to its code, ignoring case, accents,
 * apostrophes and spacing ("K’iche’", "Quiché", "kiche", "castellano", "ESPAÑOL" → 'quc' / 'spa').
 * Unknown or empty input → null.
 */
export function normalizeLanguage(given: string): string | null {
  if (typeof given !== 'string') return null;
  const k = languageKey(given);
  if (k.length === 0) return null;
  return byKey.get(k) ?? null;
}

/** The table entry for a code (case-insensitive), or undefined. */
export function languageInfo(code: string): LanguageInfo | undefined {
  return byCode.get((code ?? '').trim().toLowerCase());
}
