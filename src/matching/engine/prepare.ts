/**
 * prepare(): computes every feature of a record once, so that scoring a pair is integer comparisons plus the odd
 * Jaro–Winkler. Call it once per record; attachFrequencies() afterwards adds the term frequencies of a data set.
 */
import { languageInfo, normalizeLanguage } from '../../reference/languages.js';
import { BUILD, EYE_COLOR, HAIR_COLOR, SKIN_TONE } from '../../reference/vocabularies.js';
import { DAYS_PER_YEAR, dayNumber, dayToYear, eventDay, parsePartialDate, partialDateInterval } from './dates.js';
import { admin1OfCapital, isRouteTown, resolveAdmin1, routeFeatures, routePointNamed, zoneOf } from './geo.js';
import { prepareMark } from './marks.js';
import { canonicalGivenForms } from './nicknames.js';
import { normalizeGivenNames, normalizeName } from './normalize.js';
import { latamKey, looseKey, mayaKey } from './phonetic.js';
import { INTERN, fold } from './text.js';
import type { MatchPlace, MatchRecord, PreparedDocument, PreparedRecord } from './types.js';

export const DOC_TYPES = ['', 'CURP', 'DPI', 'PASSPORT', 'OTHER'] as const;

function vocabIndex(vocab: readonly string[], value: string | null | undefined): number {
  if (!value || value === 'unknown') return 0;
  const i = vocab.indexOf(value);
  return i < 0 ? 0 : i + 1;
}

const sortedUnique = (ids: number[]): Int32Array => Int32Array.from(new Set(ids.filter((x) => x > 0))).sort();

const num = (v: number | null | undefined): number => (typeof v === 'number' && Number.isFinite(v) ? v : NaN);

function placeFeatures(place: MatchPlace | null | undefined) {
  if (!place) return null;
  const country = (place.country ?? '').toUpperCase();
  const muni = fold(place.municipality ?? '');
  // A municipality written without its state or department: a capital ("Huehuetenango", "Tuxtla Gutiérrez")
  // gives its state; a route town or crossing ("Tapachula") gives its position.
  const admin = resolveAdmin1(country, place.admin1Code ?? null, place.admin1 ?? null) ?? (muni ? admin1OfCapital(country, muni) : undefined);
  let lat = num(place.lat);
  let lon = num(place.lon);
  if (!Number.isFinite(lat) || !Number.isFinite(lon)) {
    const named = muni && !place.admin1Code && !place.admin1 ? routePointNamed(country, muni) : undefined;
    const at = named ?? admin;
    if (at) {
      lat = at.lat;
      lon = at.lon;
    }
  }
  const ctry = country || admin?.country || '';
  if (!Number.isFinite(lat) && !admin && !place.municipality) return null;
  const adminKey = admin ? `${admin.country}:${admin.code}` : '';
  return {
    country: ctry,
    lat,
    lon,
    admin1Id: adminKey ? INTERN.id(`a1:${adminKey}`) : 0,
    municipalityId: muni ? INTERN.id(`mu:${adminKey}:${muni}`) : 0,
    municipalityNameId: muni ? INTERN.id(`mn:${ctry}:${muni}`) : 0,
    routeTown: muni ? isRouteTown(muni) : false,
    zone: zoneOf(ctry, admin?.code, lat, lon),
    ...routeFeatures(ctry, lat, lon),
  };
}

export function prepare(record: MatchRecord): PreparedRecord {
  const isVictim = record.kind === 'suspected_victim';
  const name = normalizeName(record);

  // Given names: the record's own plus aliases (aliases may be nicknames or whole names).
  const surnameWords = new Set([...name.first.words, ...name.second.words, name.married].filter(Boolean));
  const strong: string[] = [];
  const weak: string[] = [];
  name.given.words.forEach((w, i) => (name.given.weak[i] ? weak.push(w) : strong.push(w)));
  // Aliases: a nickname of one of the record's own given names stands for that name only (Roberto, alias Beto,
  // is not also Alberto); any other alias word counts as a name the person goes by.
  const ownWords = new Set(name.given.words);
  const aliasCanon = new Map<string, string[]>();
  for (const alias of record.aliases ?? []) {
    const g = normalizeGivenNames(alias);
    g.words.forEach((w, i) => {
      if (surnameWords.has(w) || w.length < 2) return;
      const forms = canonicalGivenForms(w);
      const own = forms.filter((f) => ownWords.has(f));
      if (own.length > 0 && own.length < forms.length) aliasCanon.set(w, [w, ...own]);
      (g.weak[i] ? weak : strong).push(w);
    });
  }
  const strongU = [...new Set(strong)];
  const canon: number[] = [];
  const phon: number[] = [];
  const block = new Set<string>();
  for (const w of strongU) {
    for (const c of aliasCanon.get(w) ?? canonicalGivenForms(w)) {
      canon.push(INTERN.id(`g:${c}`));
      block.add(c);
    }
    phon.push(INTERN.id(`gl:${latamKey(w)}`));
    phon.push(INTERN.id(`gm:${mayaKey(w)}`));
    phon.push(INTERN.id(`gx:${looseKey(w)}`));
  }
  if (strongU.length === 0) for (const w of weak) block.add(w);

  const s1 = name.first.key;
  const s2 = name.second.key;
  const married = name.married;

  // Age: birth interval from the date of birth, else from the age at the event / estimated age range.
  const dob = parsePartialDate(record.dateOfBirth ?? null);
  const evDay = eventDay(isVictim ? record.foundDate : record.lastSeenDate);
  const evYear = Number.isFinite(evDay) ? dayToYear(evDay) : NaN;
  let birthLo = NaN;
  let birthHi = NaN;
  let dobDay = -1;
  if (dob) {
    [birthLo, birthHi] = partialDateInterval(dob);
    if (dob.month > 0 && dob.day > 0) dobDay = dayNumber(dob.year, dob.month, dob.day);
  } else if (!isVictim && Number.isFinite(num(record.ageAtEvent)) && Number.isFinite(evYear)) {
    const age = num(record.ageAtEvent);
    birthLo = evYear - age - 1;
    birthHi = evYear - age;
  } else if (isVictim && Number.isFinite(evYear) && (Number.isFinite(num(record.estimatedAgeMin)) || Number.isFinite(num(record.estimatedAgeMax)))) {
    const lo = Number.isFinite(num(record.estimatedAgeMin)) ? num(record.estimatedAgeMin) : num(record.estimatedAgeMax);
    const hi = Number.isFinite(num(record.estimatedAgeMax)) ? num(record.estimatedAgeMax) : lo;
    birthLo = evYear - hi - 1;
    birthHi = evYear - lo;
  }
  const agePrecise = Number.isFinite(birthLo) && birthHi - birthLo <= 1.05;

  const place = placeFeatures(isVictim ? record.foundPlace : record.lastSeenPlace);

  const docs: PreparedDocument[] = [];
  for (const d of record.documents ?? []) {
    const n = (d.normalizedNumber || d.number || '').toUpperCase().replace(/[^A-Z0-9]/g, '');
    if (n.length < 5) continue;
    docs.push({ type: Math.max(0, DOC_TYPES.indexOf(d.type)), number: n, valid: d.checkDigitValid ?? null });
  }

  const langCodes = new Set<string>();
  for (const c of record.languageCodes ?? []) if (c) langCodes.add(c.toLowerCase());
  for (const l of record.languages ?? []) {
    const c = normalizeLanguage(l);
    if (c) langCodes.add(c);
  }
  const indigenous = [...langCodes].filter((c) => languageInfo(c)?.indigenous ?? c !== 'spa').map((c) => INTERN.id(`lang:${c}`));

  const sex = record.sex === 'female' ? 1 : record.sex === 'male' ? 2 : 0;

  return {
    id: record.id,
    kind: record.kind,
    isVictim,
    country: record.country,
    source: record,
    hasGiven: strongU.length + weak.length > 0,
    hasSurname: s1 !== '',
    givenFull: name.given.full,
    givenFullId: name.given.full ? INTERN.id(`gf:${name.given.full}`) : 0,
    givenStrong: strongU,
    givenStrongIds: Int32Array.from(strongU.map((w) => INTERN.id(`g:${w}`))),
    gExact: sortedUnique(strongU.map((w) => INTERN.id(`g:${w}`))),
    gWeak: sortedUnique(weak.map((w) => INTERN.id(`g:${w}`))),
    gCanon: sortedUnique(canon),
    gPhon: sortedUnique(phon),
    gBlock: [...block].slice(0, 8),
    s1,
    s1Id: s1 ? INTERN.id(`g:${s1}`) : 0,
    s1Lat: s1 ? INTERN.id(`sl:${latamKey(s1)}`) : 0,
    s1Maya: s1 ? INTERN.id(`sm:${mayaKey(s1)}`) : 0,
    s1Loose: s1 ? INTERN.id(`sx:${looseKey(s1)}`) : 0,
    s2,
    s2Id: s2 ? INTERN.id(`g:${s2}`) : 0,
    s2Lat: s2 ? INTERN.id(`sl:${latamKey(s2)}`) : 0,
    s2Maya: s2 ? INTERN.id(`sm:${mayaKey(s2)}`) : 0,
    s2Loose: s2 ? INTERN.id(`sx:${looseKey(s2)}`) : 0,
    married,
    marriedId: married ? INTERN.id(`g:${married}`) : 0,
    s1LatKey: s1 ? latamKey(s1) : '',
    s2LatKey: s2 ? latamKey(s2) : '',
    s1Tf: 0,
    s2Tf: 0,
    gTfs: new Float64Array(0),
    sex,
    birthLo,
    birthHi,
    dobDay,
    dobY: dob?.year ?? 0,
    dobM: dob?.month ?? 0,
    dobD: dob?.day ?? 0,
    agePrecise,
    eventDay: evDay,
    eventYear: Number.isFinite(evYear) ? Math.floor(evYear) : NaN,
    lat: place?.lat ?? NaN,
    lon: place?.lon ?? NaN,
    placeCountry: place?.country ?? '',
    admin1Id: place?.admin1Id ?? 0,
    municipalityId: place?.municipalityId ?? 0,
    municipalityNameId: place?.municipalityNameId ?? 0,
    routeTown: place?.routeTown ?? false,
    zone: place?.zone ?? -1,
    onRoute: place?.onRoute ?? false,
    routeProgress: place?.progress ?? NaN,
    heightCm: num(record.heightCm) > 0 ? num(record.heightCm) : NaN,
    weightKg: num(record.weightKg) > 0 ? num(record.weightKg) : NaN,
    build: vocabIndex(BUILD, record.build),
    skin: vocabIndex(SKIN_TONE, record.skinTone),
    hair: vocabIndex(HAIR_COLOR, record.hairColor),
    eye: vocabIndex(EYE_COLOR, record.eyeColor),
    marks: (record.marks ?? []).map(prepareMark),
    docs,
    langKnown: langCodes.size > 0,
    indigenous: sortedUnique(indigenous),
    deceased: isVictim && record.condition === 'deceased',
  };
}

/** Years per day, exported for comparisons that need it. */
export const YEARS_PER_DAY = 1 / DAYS_PER_YEAR;
