/**
 * Comparison level logic. Each comparison returns the index of the first level whose condition holds, in the
 * order of its `labels` (which must equal the model's level labels: the scorer checks it at construction).
 * Left (a) is always the missing-person report, right (b) the suspected-victim record.
 *
 * Everything here works on PreparedRecord features: interned ids, small sorted Int32Arrays, numbers.
 */
import { EYE_COLOR as EYE_COLOR_VOCAB } from '../../reference/vocabularies.js';
import { DAYS_PER_YEAR } from './dates.js';
import { editDistanceAtMost, jaroWinklerById } from './jaro-winkler.js';
import { regionsCompatible } from './marks.js';
import { haversineKm } from './geo.js';
import type { PreparedMark, PreparedRecord } from './types.js';

export interface ComparisonContext {
  /** Motif ids counted as common (anything else is rare). */
  commonMotifs: Set<number>;
}

export interface ComparisonDef {
  name: string;
  labels: readonly string[];
  level(a: PreparedRecord, b: PreparedRecord, ctx: ComparisonContext): number;
  /** The value of one side, as a reviewer should read it. */
  show(r: PreparedRecord): string;
  /** Term frequency to use for a tf level (the agreeing value's), when the comparison has tf levels. */
  tf?(a: PreparedRecord, b: PreparedRecord, level: number): number;
}

/** Whether two small sorted id arrays share a value. */
export function intersects(x: Int32Array, y: Int32Array): boolean {
  let i = 0;
  let j = 0;
  while (i < x.length && j < y.length) {
    const xi = x[i];
    const yj = y[j];
    if (xi === yj) return true;
    if (xi < yj) i++;
    else j++;
  }
  return false;
}

function includes(x: Int32Array, v: number): boolean {
  if (v === 0) return false;
  for (let i = 0; i < x.length; i++) if (x[i] === v) return true;
  return false;
}

function bestJw(x: readonly string[], xi: Int32Array, y: readonly string[], yi: Int32Array): number {
  let best = 0;
  const nx = Math.min(x.length, 4);
  const ny = Math.min(y.length, 4);
  for (let i = 0; i < nx; i++) {
    for (let j = 0; j < ny; j++) {
      const s = jaroWinklerById(xi[i], x[i], yi[j], y[j]);
      if (s > best) best = s;
    }
  }
  return best;
}

const fmt = (v: number, digits = 0): string => (Number.isFinite(v) ? v.toFixed(digits) : '—');

// ---------------------------------------------------------------------------------------------------------------
export const GIVEN_NAME: ComparisonDef = {
  name: 'given_name',
  labels: ['null', 'exact_full', 'exact_word', 'nickname', 'phonetic', 'jaro_winkler_0.92', 'maria_jose_only', 'jaro_winkler_0.80', 'else'],
  level(a, b) {
    if (!a.hasGiven || !b.hasGiven) return 0;
    if (a.givenFullId !== 0 && a.givenFullId === b.givenFullId) return 1;
    if (intersects(a.gExact, b.gExact)) return 2;
    if (intersects(a.gCanon, b.gCanon)) return 3;
    if (intersects(a.gPhon, b.gPhon)) return 4;
    const jw = bestJw(a.givenStrong, a.givenStrongIds, b.givenStrong, b.givenStrongIds);
    if (jw >= 0.92) return 5;
    if (a.gWeak.length > 0 && (intersects(a.gWeak, b.gWeak) || intersects(a.gWeak, b.gExact))) return 6;
    if (b.gWeak.length > 0 && intersects(b.gWeak, a.gExact)) return 6;
    if (jw >= 0.8) return 7;
    return 8;
  },
  show: (r) => {
    const aliases = (r.source.aliases ?? []).filter(Boolean);
    return [r.givenFull || '—', aliases.length ? `alias: ${aliases.join(', ')}` : ''].filter(Boolean).join(' · ');
  },
  tf: (a, b, level) => {
    // exact_word: the frequency of the rarest word both share; exact_full: of the record's rarest word.
    // (Independent of the order of interned ids, so that every thread scores a pair alike.)
    if (level === 2) {
      let shared = 0;
      for (let i = 0; i < a.gExact.length; i++) if (includes(b.gExact, a.gExact[i]) && (shared === 0 || a.gTfs[i] < shared)) shared = a.gTfs[i];
      return shared;
    }
    let min = 0;
    for (let i = 0; i < a.gTfs.length; i++) if (a.gTfs[i] > 0 && (min === 0 || a.gTfs[i] < min)) min = a.gTfs[i];
    return min;
  },
};

// ---------------------------------------------------------------------------------------------------------------
export const FIRST_SURNAME: ComparisonDef = {
  name: 'first_surname',
  labels: ['null', 'exact', 'phonetic', 'jaro_winkler_0.92', 'swapped', 'in_given_names', 'jaro_winkler_0.80', 'else'],
  level(a, b) {
    if (a.s1 === '' || b.s1 === '') return 0;
    if (a.s1Id === b.s1Id) return 1;
    if (a.s1Lat === b.s1Lat || a.s1Maya === b.s1Maya || a.s1Loose === b.s1Loose) return 2;
    const jw = jaroWinklerById(a.s1Id, a.s1, b.s1Id, b.s1);
    if (jw >= 0.92) return 3;
    // The report's first surname sits in the victim's second slot (and that slot is not already the report's own
    // second surname, which the second-surname comparison credits).
    if (b.s2 !== '' && (a.s1Id === b.s2Id || a.s1Lat === b.s2Lat || a.s1Loose === b.s2Loose) && a.s2Id !== b.s2Id && a.s2Lat !== b.s2Lat && a.s2Loose !== b.s2Loose) return 4;
    if (includes(b.gExact, a.s1Id) || includes(a.gExact, b.s1Id) || a.s1Id === b.marriedId || b.s1Id === a.marriedId) return 5;
    if (jw >= 0.8) return 6;
    return 7;
  },
  show: (r) => r.s1 || '—',
  tf: (a) => a.s1Tf,
};

// ---------------------------------------------------------------------------------------------------------------
export const SECOND_SURNAME: ComparisonDef = {
  name: 'second_surname',
  labels: ['null', 'exact', 'phonetic', 'jaro_winkler_0.92', 'swapped', 'married', 'missing_one_side', 'jaro_winkler_0.80', 'else'],
  level(a, b) {
    if (a.s2 === '' && b.s2 === '') return 0;
    // A record with no surname at all (nameless, or a first name only) says nothing about a dropped second one.
    if (a.s1 === '' || b.s1 === '') return 0;
    // The report's second surname sits in the victim's first slot (swapped order, or paternal surname dropped),
    // unless the victim's first surname already agrees with the report's first.
    const crossed = a.s2 !== '' && b.s1 !== '' && (a.s2Id === b.s1Id || a.s2Lat === b.s1Lat || a.s2Loose === b.s1Loose) && a.s1Id !== b.s1Id && a.s1Lat !== b.s1Lat && a.s1Loose !== b.s1Loose;
    if (a.s2 === '' || b.s2 === '') {
      if (crossed) return 4;
      if ((a.s2 !== '' && a.s2Id === b.marriedId) || (b.s2 !== '' && b.s2Id === a.marriedId)) return 5;
      return 6;
    }
    if (a.s2Id === b.s2Id) return 1;
    if (a.s2Lat === b.s2Lat || a.s2Maya === b.s2Maya || a.s2Loose === b.s2Loose) return 2;
    const jw = jaroWinklerById(a.s2Id, a.s2, b.s2Id, b.s2);
    if (jw >= 0.92) return 3;
    if (crossed) return 4;
    if (a.s2Id === b.marriedId || b.s2Id === a.marriedId || (a.marriedId !== 0 && a.marriedId === b.marriedId)) return 5;
    if (jw >= 0.8) return 7;
    return 8;
  },
  show: (r) => [r.s2 || '—', r.married ? `(de ${r.married})` : ''].filter(Boolean).join(' '),
  tf: (a) => a.s2Tf,
};

// ---------------------------------------------------------------------------------------------------------------
export const SEX: ComparisonDef = {
  name: 'sex',
  labels: ['null', 'agree', 'disagree'],
  level(a, b) {
    if (a.sex === 0 || b.sex === 0) return 0;
    return a.sex === b.sex ? 1 : 2;
  },
  show: (r) => (r.sex === 1 ? 'female' : r.sex === 2 ? 'male' : 'unknown'),
};

/** Extra years of tolerance per year of a deceased victim's estimated age beyond 30. */
export const DECEASED_AGE_SPREAD = 0.15;

// ---------------------------------------------------------------------------------------------------------------
export const AGE: ComparisonDef = {
  name: 'age',
  labels: ['null', 'dob_exact', 'dob_close', 'dob_different', 'in_range', 'near', 'far', 'else'],
  level(a, b) {
    if (!(a.birthLo === a.birthLo) || !(b.birthLo === b.birthLo)) return 0; // NaN check
    if (a.dobDay >= 0 && b.dobDay >= 0) {
      if (a.dobDay === b.dobDay) return 1;
      const sameY = a.dobY === b.dobY;
      if (
        (sameY && a.dobM === b.dobD && a.dobD === b.dobM) ||
        (sameY && a.dobM === b.dobM) ||
        (sameY && a.dobD === b.dobD) ||
        (a.dobM === b.dobM && a.dobD === b.dobD && Math.abs(a.dobY - b.dobY) <= 10)
      ) {
        return 2;
      }
      // Two full dates of birth, neither equal nor one typo apart.
      return 3;
    }
    const gap = Math.max(0, b.birthLo - a.birthHi, a.birthLo - b.birthHi);
    const precise = a.agePrecise && b.agePrecise;
    const deceased = b.deceased;
    // Estimating an adult's age from remains gets less certain with age (bones change less after 30, and the
    // usual methods under-age the old), so a deceased adult's tolerances widen with the estimated age.
    const late = deceased ? DECEASED_AGE_SPREAD * Math.max(0, b.eventYear - (b.birthLo + b.birthHi) / 2 - 30) : 0;
    if (gap <= (precise ? 0.5 : deceased ? 2 + late : 1)) return 4;
    if (gap <= (precise ? 2 : deceased ? 6 + late : 4)) return 5;
    if (gap <= (precise ? 5 : deceased ? 10 + late : 7)) return 6;
    return 7;
  },
  show: (r) => {
    const s = r.source;
    if (s.dateOfBirth) return `born ${s.dateOfBirth}`;
    if (!r.isVictim && s.ageAtEvent != null) return `${s.ageAtEvent} y when last seen`;
    if (r.isVictim && (s.estimatedAgeMin != null || s.estimatedAgeMax != null)) return `estimated ${s.estimatedAgeMin ?? '?'}–${s.estimatedAgeMax ?? '?'} y when found`;
    return '—';
  },
};

/** A child keeps growing: about this much a year (a round figure between childhood's 5–6 cm and the pubertal spurt). */
export const GROWTH_CM_PER_YEAR = 6;
/** … until about this age. */
export const GROWTH_UNTIL_AGE = 17;

/**
 * How much taller than reported a person last seen as a child may be when found: the years between the two dates
 * (until GROWTH_UNTIL_AGE) times GROWTH_CM_PER_YEAR, but never more than the found person's extra height (a
 * shorter victim is not excused). 0 for adults, or when an age or a date is unknown.
 */
export function growthSince(report: PreparedRecord, victim: PreparedRecord): number {
  const extra = victim.heightCm - report.heightCm;
  if (!(extra > 0) || !(report.birthLo === report.birthLo) || !(report.eventDay === report.eventDay) || !(victim.eventDay === victim.eventDay)) return 0;
  const ageThen = 1970 + report.eventDay / DAYS_PER_YEAR - (report.birthLo + report.birthHi) / 2;
  const years = Math.min((victim.eventDay - report.eventDay) / DAYS_PER_YEAR, GROWTH_UNTIL_AGE - ageThen);
  return years > 0 ? Math.min(extra, years * GROWTH_CM_PER_YEAR) : 0;
}

// ---------------------------------------------------------------------------------------------------------------
export const HEIGHT: ComparisonDef = {
  name: 'height',
  labels: ['null', 'within_3cm', 'within_7cm', 'within_12cm', 'else'],
  level(a, b) {
    if (!(a.heightCm === a.heightCm) || !(b.heightCm === b.heightCm)) return 0;
    let d = Math.abs(b.heightCm - a.heightCm - growthSince(a, b));
    if (b.deceased) d = Math.max(0, d - 2);
    if (d <= 3) return 1;
    if (d <= 7) return 2;
    if (d <= 12) return 3;
    return 4;
  },
  show: (r) => (r.heightCm === r.heightCm ? `${fmt(r.heightCm)} cm` : '—'),
};

export const WEIGHT: ComparisonDef = {
  name: 'weight',
  labels: ['null', 'within_5kg', 'within_12kg', 'else'],
  level(a, b) {
    if (b.deceased || !(a.weightKg === a.weightKg) || !(b.weightKg === b.weightKg)) return 0;
    const d = Math.abs(a.weightKg - b.weightKg);
    if (d <= 5) return 1;
    if (d <= 12) return 2;
    return 3;
  },
  show: (r) => (r.weightKg === r.weightKg ? `${fmt(r.weightKg)} kg` : '—'),
};

function ordinalComparison(name: string, key: 'build' | 'skin', field: 'build' | 'skinTone'): ComparisonDef {
  return {
    name,
    labels: ['null', 'agree', 'adjacent', 'disagree'],
    level(a, b) {
      const x = a[key];
      const y = b[key];
      if (x === 0 || y === 0) return 0;
      if (x === y) return 1;
      return Math.abs(x - y) === 1 ? 2 : 3;
    },
    show: (r) => r.source[field] ?? '—',
  };
}

/**
 * Pairs of values that people use for the same thing, so that neither agreement nor disagreement can be read from
 * them: no iris is black, and "ojos negros" is how dark brown eyes are commonly described.
 */
const UNTELLABLE: Partial<Record<'hair' | 'eye', [number, number]>> = {
  eye: [EYE_COLOR_VOCAB.indexOf('black') + 1, EYE_COLOR_VOCAB.indexOf('dark_brown') + 1],
};

function nominalComparison(name: string, key: 'hair' | 'eye', field: 'hairColor' | 'eyeColor'): ComparisonDef {
  const untellable = UNTELLABLE[key];
  return {
    name,
    labels: ['null', 'agree', 'disagree'],
    level(a, b) {
      const x = a[key];
      const y = b[key];
      if (x === 0 || y === 0) return 0;
      if (x === y) return 1;
      // Not "agree": that level's weight was fitted on exact agreement, and dark brown is the commonest colour.
      if (untellable && ((x === untellable[0] && y === untellable[1]) || (x === untellable[1] && y === untellable[0]))) return 0;
      return 2;
    },
    show: (r) => r.source[field] ?? '—',
  };
}

export const BUILD = ordinalComparison('build', 'build', 'build');
export const SKIN_TONE = ordinalComparison('skin_tone', 'skin', 'skinTone');
export const HAIR_COLOR = nominalComparison('hair_color', 'hair', 'hairColor');
export const EYE_COLOR = nominalComparison('eye_color', 'eye', 'eyeColor');

// ---------------------------------------------------------------------------------------------------------------
function dice(x: Int32Array, y: Int32Array): number {
  if (x.length === 0 || y.length === 0) return 0;
  let common = 0;
  let i = 0;
  let j = 0;
  while (i < x.length && j < y.length) {
    if (x[i] === y[j]) {
      common++;
      i++;
      j++;
    } else if (x[i] < y[j]) i++;
    else j++;
  }
  return (2 * common) / (x.length + y.length);
}

function markPairLevel(ma: PreparedMark, mb: PreparedMark, ctx: ComparisonContext): number {
  const typeEq = ma.type === mb.type || ma.type === 0 || mb.type === 0;
  if (!typeEq) return 8;
  if (ma.type === 1 || mb.type === 1 || ma.type === 0 || mb.type === 0) {
    if (ma.names.length > 0 && intersects(ma.names, mb.names)) return 1;
  }
  const regionOk = regionsCompatible(ma.region, mb.region);
  let sharedMotif = 0;
  for (let i = 0; i < ma.motifs.length && sharedMotif === 0; i++) {
    for (let j = 0; j < mb.motifs.length; j++) {
      if (ma.motifs[i] === mb.motifs[j]) {
        sharedMotif = ma.motifs[i];
        break;
      }
    }
  }
  const textAlike = sharedMotif !== 0 || dice(ma.words, mb.words) >= 0.5;
  if (textAlike && regionOk) {
    if (sharedMotif !== 0 && !ctx.commonMotifs.has(sharedMotif)) return 2;
    if (ma.side === 0 || mb.side === 0 || ma.side === mb.side) return 3;
    return 4;
  }
  if (textAlike) return 5;
  if (regionOk && ma.type !== 0 && mb.type !== 0) return 6;
  return 7;
}

export const MARKS: ComparisonDef = {
  name: 'marks',
  labels: ['null', 'name_in_tattoo', 'rare_motif_region', 'motif_region_side', 'motif_region_other_side', 'motif_only', 'type_region', 'type_only', 'else'],
  level(a, b, ctx) {
    if (a.marks.length === 0 || b.marks.length === 0) return 0;
    let best = 8;
    for (const ma of a.marks) {
      for (const mb of b.marks) {
        const l = markPairLevel(ma, mb, ctx);
        if (l < best) {
          best = l;
          if (best === 1) return 1;
        }
      }
    }
    return best;
  },
  show: (r) =>
    (r.source.marks ?? [])
      .map((m) => [m.type, m.bodyRegion, m.side, m.description ? `"${m.description}"` : ''].filter(Boolean).join(' '))
      .join('; ') || '—',
};

// ---------------------------------------------------------------------------------------------------------------
const DOC_CURP = 1;
const DOC_DPI = 2;
const DOC_OTHER = 4;

export const DOCUMENTS: ComparisonDef = {
  name: 'documents',
  labels: ['null', 'same_number', 'one_character_apart', 'different', 'different_valid'],
  level(a, b) {
    if (a.docs.length === 0 || b.docs.length === 0) return 0;
    let best = 0;
    for (const da of a.docs) {
      for (const db of b.docs) {
        const sameType = da.type === db.type;
        if (da.number === db.number) return 1;
        if (!sameType && da.type !== DOC_OTHER && db.type !== DOC_OTHER) continue;
        if (editDistanceAtMost(da.number, db.number, 1) <= 1) {
          best = 2;
          continue;
        }
        if (!sameType) continue;
        const bothValid = (da.type === DOC_CURP || da.type === DOC_DPI) && da.valid === true && db.valid === true;
        const l = bothValid ? 4 : 3;
        if (best === 0 || (best !== 2 && l > best)) best = l;
      }
    }
    return best;
  },
  show: (r) => r.docs.map((d) => `${['', 'CURP', 'DPI', 'PASSPORT', 'OTHER'][d.type]} ${d.number}${d.valid === true ? ' ✓' : d.valid === false ? ' ✗' : ''}`).join(', ') || '—',
};

// ---------------------------------------------------------------------------------------------------------------
export const TIME: ComparisonDef = {
  name: 'time',
  labels: ['null', 'found_over_a_year_before', 'found_months_before', 'found_shortly_before', 'within_30_days', 'within_1_year', 'within_5_years', 'over_5_years'],
  level(a, b) {
    if (!(a.eventDay === a.eventDay) || !(b.eventDay === b.eventDay)) return 0;
    const d = b.eventDay - a.eventDay;
    if (d < -365) return 1;
    if (d < -30) return 2;
    if (d < 0) return 3;
    if (d <= 30) return 4;
    if (d <= 365) return 5;
    if (d <= 1826) return 6;
    return 7;
  },
  show: (r) => (r.isVictim ? `found ${r.source.foundDate ?? '—'}` : `last seen ${r.source.lastSeenDate ?? '—'}`),
};

// ---------------------------------------------------------------------------------------------------------------
export const PLACE: ComparisonDef = {
  name: 'place',
  labels: ['null', 'same_municipality', 'within_50km', 'on_migrant_route', 'within_300km', 'else'],
  level(a, b) {
    const aHas = a.lat === a.lat;
    const bHas = b.lat === b.lat;
    // The same route town (Tapachula, Huixtla) is shared by thousands of migrants: it counts as nearby only.
    if (sameMunicipality(a, b) && !b.routeTown) return 1;
    if (!aHas || !bHas) return 0;
    const d = haversineKm(a.lat, a.lon, b.lat, b.lon);
    if (d <= 50) return 2;
    // Found in Mexico on a migrant route, further along than where last seen (anywhere in Guatemala counts as 0).
    if (b.onRoute && b.placeCountry === 'MX' && (a.placeCountry === 'GT' || a.onRoute)) {
      const from = a.placeCountry === 'GT' ? 0 : a.routeProgress;
      if (b.routeProgress >= from - 100) return 3;
    }
    if (d <= 300) return 4;
    return 5;
  },
  show: (r) => {
    const p = r.isVictim ? r.source.foundPlace : r.source.lastSeenPlace;
    if (!p) return '—';
    return [p.municipality, p.admin1 ?? p.admin1Code, p.country].filter(Boolean).join(', ') || '—';
  },
};

/**
 * The same municipality: the same name in the same state or department, or the same name in the same country when
 * one side does not say the state ("Juárez" against "Juárez, Chihuahua").
 */
export function sameMunicipality(a: PreparedRecord, b: PreparedRecord): boolean {
  if (a.municipalityId === 0 || b.municipalityId === 0) return false;
  if (a.municipalityId === b.municipalityId) return true;
  return (a.admin1Id === 0 || b.admin1Id === 0) && a.municipalityNameId === b.municipalityNameId;
}

// ---------------------------------------------------------------------------------------------------------------
export const LANGUAGE: ComparisonDef = {
  name: 'language',
  labels: ['null', 'same_indigenous', 'different_indigenous', 'one_indigenous', 'no_indigenous'],
  level(a, b) {
    if (!a.langKnown || !b.langKnown) return 0;
    const ai = a.indigenous.length > 0;
    const bi = b.indigenous.length > 0;
    if (ai && bi) return intersects(a.indigenous, b.indigenous) ? 1 : 2;
    if (ai || bi) return 3;
    return 4;
  },
  show: (r) => [...(r.source.languageCodes ?? []), ...(r.source.languages ?? [])].join(', ') || '—',
};

// ---------------------------------------------------------------------------------------------------------------
// Comparisons added for model 2. A model scores exactly the comparisons it lists, so these replace `time`,
// `place` and `marks` in model 2 while model 1 keeps scoring the originals unchanged.

const TIME_LABELS = [
  'null',
  'found_over_a_year_before',
  'found_months_before',
  'found_shortly_before',
  'within_7_days',
  'within_30_days',
  'within_90_days',
  'within_1_year',
  'within_2_years',
  'within_5_years',
  'over_5_years',
] as const;

function timeLevel(a: PreparedRecord, b: PreparedRecord): number {
  if (!(a.eventDay === a.eventDay) || !(b.eventDay === b.eventDay)) return 0;
  const d = b.eventDay - a.eventDay;
  if (d < -365) return 1;
  if (d < -30) return 2;
  if (d < 0) return 3;
  if (d <= 7) return 4;
  if (d <= 30) return 5;
  if (d <= 91) return 6;
  if (d <= 365) return 7;
  if (d <= 730) return 8;
  if (d <= 1826) return 9;
  return 10;
}

/**
 * Time from last seen to found, in finer bands, separately for victims found alive and dead: the living are
 * usually found within months (rescues, detentions), the dead often years later, so the same gap is different
 * evidence. Each is null for the other condition.
 */
export const TIME_ALIVE: ComparisonDef = {
  name: 'time_alive',
  labels: TIME_LABELS,
  level: (a, b) => (b.deceased ? 0 : timeLevel(a, b)),
  show: TIME.show,
};

export const TIME_DECEASED: ComparisonDef = {
  name: 'time_deceased',
  labels: TIME_LABELS,
  level: (a, b) => (b.deceased ? timeLevel(a, b) : 0),
  show: TIME.show,
};

/**
 * Place, with two levels more than `place`: the same route town (Tapachula: many pass, so weaker than a home
 * municipality) and the same state or department (not within 50 km).
 */
export const PLACE_DETAIL: ComparisonDef = {
  name: 'place_detail',
  labels: ['null', 'same_municipality', 'same_route_town', 'within_50km', 'same_admin1', 'on_migrant_route', 'within_300km', 'else'],
  level(a, b) {
    if (sameMunicipality(a, b)) return b.routeTown ? 2 : 1;
    const aHas = a.lat === a.lat;
    const bHas = b.lat === b.lat;
    if (!aHas || !bHas) return 0;
    const d = haversineKm(a.lat, a.lon, b.lat, b.lon);
    if (d <= 50) return 3;
    if (a.admin1Id !== 0 && a.admin1Id === b.admin1Id) return 4;
    if (b.onRoute && b.placeCountry === 'MX' && (a.placeCountry === 'GT' || a.onRoute)) {
      const from = a.placeCountry === 'GT' ? 0 : a.routeProgress;
      if (b.routeProgress >= from - 100) return 5;
    }
    if (d <= 300) return 6;
    return 7;
  },
  show: PLACE.show,
};

/** markPairLevel, with scars and birthmarks on the same stated side of a compatible region told apart. */
function markPairLevelDetail(ma: PreparedMark, mb: PreparedMark, ctx: ComparisonContext): number {
  const l = markPairLevel(ma, mb, ctx);
  // v1 codes: 1 name, 2 rare motif, 3 motif+region+side, 4 other side, 5 motif only, 6 type+region, 7 type, 8 else
  if (l <= 5) return l;
  if (l === 6) return ma.side !== 0 && ma.side === mb.side ? 6 : 7;
  return l + 1;
}

/**
 * Marks, with two levels more than `marks`: two different marks that each agree on motif (or on type, region
 * and side) — far rarer between strangers than one — and a type + region + side level for scars and birthmarks.
 */
export const MARKS_DETAIL: ComparisonDef = {
  name: 'marks_detail',
  labels: [
    'null',
    'name_in_tattoo',
    'two_marks',
    'rare_motif_region',
    'motif_region_side',
    'motif_region_other_side',
    'motif_only',
    'type_region_side',
    'type_region',
    'type_only',
    'else',
  ],
  level(a, b, ctx) {
    if (a.marks.length === 0 || b.marks.length === 0) return 0;
    let best = 9;
    let agreeingA = 0; // bit set of a's marks with a motif-level or type+region+side agreement
    let agreeingB = 0;
    let pairs = 0;
    for (let i = 0; i < a.marks.length && i < 16; i++) {
      for (let j = 0; j < b.marks.length && j < 16; j++) {
        const l = markPairLevelDetail(a.marks[i], b.marks[j], ctx);
        if (l === 1) return 1;
        if (l < best) best = l;
        if ((l <= 4 || l === 6) && (agreeingA & (1 << i)) === 0 && (agreeingB & (1 << j)) === 0) {
          agreeingA |= 1 << i;
          agreeingB |= 1 << j;
          pairs++;
        }
      }
    }
    if (pairs >= 2) return 2;
    // Shift the pair levels past 'two_marks'.
    return best + 1;
  },
  show: MARKS.show,
};

/**
 * Age with the overlap level split in two: the middle of the report's birth interval within 2 years of the middle
 * of the victim's (an estimate centred on the truth) or merely overlapping (within the tolerances of `age`).
 */
export const AGE_DETAIL: ComparisonDef = {
  name: 'age_detail',
  labels: ['null', 'dob_exact', 'dob_close', 'dob_different', 'in_range_centre', 'in_range', 'near', 'far', 'else'],
  level(a, b, ctx) {
    const l = AGE.level(a, b, ctx);
    if (l < 4) return l;
    if (l === 4) return Math.abs(a.birthLo + a.birthHi - b.birthLo - b.birthHi) <= 4 ? 4 : 5;
    return l + 1;
  },
  show: AGE.show,
};

export const COMPARISONS: readonly ComparisonDef[] = [
  GIVEN_NAME,
  FIRST_SURNAME,
  SECOND_SURNAME,
  SEX,
  AGE,
  HEIGHT,
  WEIGHT,
  BUILD,
  SKIN_TONE,
  HAIR_COLOR,
  EYE_COLOR,
  MARKS,
  DOCUMENTS,
  TIME,
  PLACE,
  LANGUAGE,
  AGE_DETAIL,
  TIME_ALIVE,
  TIME_DECEASED,
  PLACE_DETAIL,
  MARKS_DETAIL,
];
