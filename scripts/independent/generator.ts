/**
 * Independent synthetic data set for the matching engine (issue 3: "a data set written independently of yours
 * will also judge this"). Written from the domain notes only, without reading src/matching/synthetic/.
 *
 * Every record is produced as an API body (the homologated JSON a search commission, shelter or forensic service
 * sends), validated by the service's own validateRecordInput, mapped by toRecordFields as the service stores it,
 * and turned into the engine's MatchRecord the way MatchFeaturesRepository reads a stored row. So the real
 * full-name splitting, document check and language normalisation are exercised.
 *
 * The world (rates are my own; each is justified where it is drawn):
 *  - People originate in Guatemala (58 %) or Mexico (42 %); most Guatemalans in the data are migrants heading
 *    north, so the set is deliberately heavy on cross-border pairs — the service exists for them.
 *  - 45 % of suspected-victim records belong to someone with a report (a victim register also holds many people
 *    nobody reported here); 4 % of those people appear twice among victims (migrant station, then shelter).
 *  - 7 % of reported people have a second report (family files in Guatemala, the consulate files in Mexico).
 *  - Hard negatives among victims without a report: siblings of reported people (10 % of victims), namesakes
 *    with the same given name and first surname (6 %), cousins sharing the first surname and town (4 %).
 */
import { type RecordInputDto } from '../../src/records/dto/record-input.dto.js';
import { toRecordFields, type RecordFields } from '../../src/records/record-mapper.js';
import { validateRecordInput } from '../../src/records/record-validation.js';
import type { MatchRecord } from '../../src/matching/engine/types.js';
import { documentTypo, formStyle, mishear, noAccents, typo } from './channels.js';
import {
  ADMIN1_WRITTEN,
  GIVEN_AS_SURNAME,
  GT_FEMALE,
  GT_MALE,
  GT_SURNAMES,
  GT_TOWNS,
  MAYA_LANGUAGES_BY_DEPT,
  MAYA_SURNAMES,
  MOTIFS,
  MX_CURP_STATE,
  MX_FEMALE,
  MX_MALE,
  MX_SURNAMES,
  MX_TOWNS,
  NICKNAMES,
  REGION_ES,
  REGION_NEIGHBOURS,
  Rng,
  SECOND_FEMALE,
  SECOND_MALE,
  TATTOO_NAMES,
  type Motif,
  type Town,
  cuiCheck,
  curpCheck,
  weighted,
} from './world.js';

/** Fixed "today" so that validation (no future dates) and ages do not depend on the day the script runs. */
export const TODAY = new Date('2026-11-01T12:00:00Z');
const DAY = 86_400_000;
const START = Date.UTC(2014, 0, 1);
const END = Date.UTC(2026, 9, 31);

export type NameCase = 'named' | 'alias_only' | 'false_name' | 'nameless';
export type NegativeKind = 'sibling' | 'namesake' | 'cousin' | 'unrelated';

export interface IndependentVictimTruth {
  victimId: string;
  personId: number;
  reportIds: string[];
  nameCase: NameCase;
  condition: 'alive' | 'deceased';
  /** For victims with no report: how they relate to a reported person. */
  negativeKind: NegativeKind | null;
  /** Corruption channels applied to this victim record (for diagnosis). */
  tags: string[];
}

export interface IndependentReportTruth {
  reportId: string;
  personId: number;
  tags: string[];
}

export interface IndependentDataset {
  seed: number;
  reports: MatchRecord[];
  victims: MatchRecord[];
  truePairs: { reportId: string; victimId: string }[];
  victimTruth: IndependentVictimTruth[];
  reportTruth: IndependentReportTruth[];
  /** API bodies the service refused (they never reach the engine; their pairs are not counted). */
  rejected: { kind: string; reasons: string[] }[];
}

export interface GenerateOptions {
  seed: number;
  reports: number;
  victims: number;
  /**
   * Channels to switch off, for counterfactual runs in the diagnosis ("what if forensic services sent marks
   * structured?"): mark_free_text, full_name_surname_first, place_partial, filing_date, mark_extra, sex_unknown.
   */
  without?: readonly string[];
}

/** Channels switched off for the current generateIndependent call. */
let OFF: ReadonlySet<string> = new Set();
export const CHANNELS = [
  'mark_free_text',
  'full_name_surname_first',
  'place_partial',
  'filing_date',
  'mark_extra',
  'sex_unknown',
] as const;

// ---------------------------------------------------------------------------------------------------------------
// Latent people

interface TrueMark {
  motif: Motif;
  region: string;
  side: 'left' | 'right' | 'center' | null;
  text: string | null;
}

interface Person {
  pid: number;
  origin: 'MX' | 'GT';
  indigenous: boolean;
  sex: 'female' | 'male';
  given: string[];
  s1: string;
  s2: string | null;
  husband: string | null;
  dob: number; // ms
  height: number;
  weight: number;
  skin: string;
  hair: string;
  eye: string;
  marks: TrueMark[];
  curp: string | null;
  cui: string | null;
  passport: string | null;
  home: Town;
  language: string | null;
  migrant: boolean;
}

interface Event {
  lastSeen: number;
  lastSeenTown: Town;
}

const SKIN = ['very_light', 'light', 'light_brown', 'brown', 'dark_brown'] as const;
const BUILDS = ['very_thin', 'thin', 'medium', 'athletic', 'heavy', 'obese'] as const;

function pickTown(rng: Rng, towns: readonly Town[], filter?: (t: Town) => boolean): Town {
  const pool = filter ? towns.filter(filter) : towns;
  return weighted(
    rng,
    pool.map((t) => [t, t.weight] as const),
  );
}

function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

function yearsBetween(from: number, to: number): number {
  return Math.floor((to - from) / (365.2425 * DAY));
}

/** Height and weight at a date: children grow (adult size reached at 17); the person's height field is adult. */
function sizeAt(p: { dob: number; height: number; weight: number }, at: number): { height: number; weight: number } {
  const age = (at - p.dob) / (365.2425 * DAY);
  if (age >= 17) return { height: p.height, weight: p.weight };
  const f = Math.max(0.55, 0.55 + (0.45 * (age - 6)) / 11);
  return { height: Math.round(p.height * f), weight: Math.round(p.weight * f * f) };
}

class World {
  private nextPid = 1;
  constructor(readonly rng: Rng) {}

  givenFor(sex: 'female' | 'male', origin: 'MX' | 'GT'): string[] {
    const rng = this.rng;
    const list = origin === 'MX' ? (sex === 'male' ? MX_MALE : MX_FEMALE) : sex === 'male' ? GT_MALE : GT_FEMALE;
    const first = list.draw(rng);
    // Compound given names are very common (José Luis, María Guadalupe): 45 % of people here carry one.
    if (!rng.chance(0.45)) return [first];
    if (first === 'María' || first === 'José' || first === 'Juan' || first === 'Ana' || rng.chance(0.3)) {
      let second = rng.pick(sex === 'male' ? SECOND_MALE : SECOND_FEMALE);
      if (second === first) second = sex === 'male' ? 'Antonio' : 'Elena';
      return [first, second];
    }
    const lead = sex === 'male' ? (rng.chance(0.6) ? 'José' : 'Juan') : rng.chance(0.7) ? 'María' : 'Ana';
    return lead === first ? [first] : [lead, first];
  }

  surnameFor(p: { origin: 'MX' | 'GT'; indigenous: boolean; home: Town }): string {
    const rng = this.rng;
    if (p.origin === 'GT') {
      // Huehuetenango highland families: given names as surnames (Pascual, Mateo, Diego…) for a quarter of slots.
      if (p.home.admin1Code === '13' && p.indigenous && rng.chance(0.25)) return rng.pick(GIVEN_AS_SURNAME);
      return p.indigenous && rng.chance(0.6) ? MAYA_SURNAMES.draw(rng) : GT_SURNAMES.draw(rng);
    }
    return MX_SURNAMES.draw(rng);
  }

  person(overrides: Partial<Person> = {}): Person {
    const rng = this.rng;
    const origin: 'MX' | 'GT' = overrides.origin ?? (rng.chance(0.58) ? 'GT' : 'MX');
    const home = overrides.home ?? (origin === 'GT' ? pickTown(rng, GT_TOWNS) : pickTown(rng, MX_TOWNS));
    // Indigenous: high in the western highlands and the Verapaces, lower elsewhere; ~10 % in Mexico.
    const highland = ['13', '09', '12', '16', '14', '08', '07'].includes(home.admin1Code);
    const indigenous = overrides.indigenous ?? (origin === 'GT' ? rng.chance(highland ? 0.65 : 0.2) : rng.chance(0.1));
    // Sex: trafficking and missing-women alerts skew female among reports; migrants skew male. Net ~ 48 % female.
    const sex = overrides.sex ?? (rng.chance(0.48) ? 'female' : 'male');
    // Age at disappearance: many minors (Alba-Keneth) and young adults; a long tail to 70.
    const age = weighted(rng, [
      [rng.int(8, 17), 0.22],
      [rng.int(18, 29), 0.45],
      [rng.int(30, 44), 0.23],
      [rng.int(45, 70), 0.1],
    ] as const);
    // Born at least 9 years before the end of the window, so that there is a date to be last seen at age ≥ 8.
    const dob = Math.min(
      overrides.dob ?? Date.UTC(2026 - age - rng.int(0, 8), rng.int(0, 11), rng.int(1, 28)),
      END - 9 * 366 * DAY,
    );
    const base = { origin, indigenous, home };
    const s1 = overrides.s1 ?? this.surnameFor(base);
    // 4 % have a single surname (single mother's child registered with hers only, or a foreign registry).
    const s2 = overrides.s2 !== undefined ? overrides.s2 : rng.chance(0.04) ? null : this.surnameFor(base);
    const adult = yearsBetween(dob, TODAY.getTime()) >= 20;
    const husband = sex === 'female' && adult && rng.chance(0.45) ? this.surnameFor(base) : null;
    const short = origin === 'GT' ? -6 : 0;
    const height = Math.round(rng.normal(sex === 'male' ? 167 + short : 155 + short, 6.5));
    const weight = Math.round(rng.normal(sex === 'male' ? 68 : 60, 10));
    const marks: TrueMark[] = [];
    // Half the people have at least one distinguishing mark; tattoos are commoner among young men.
    const nMarks = weighted(rng, [
      [0, 0.5],
      [1, 0.3],
      [2, 0.14],
      [3, 0.06],
    ] as const);
    for (let i = 0; i < nMarks; i++) {
      const pool = MOTIFS.filter((m) => !m.female || sex === 'female');
      const motif = weighted(
        rng,
        pool.map((m) => [m, m.weight] as const),
      );
      const region = rng.pick(motif.regions);
      const side = ['face', 'neck', 'chest', 'abdomen', 'back'].includes(region)
        ? rng.chance(0.5)
          ? 'center'
          : null
        : rng.chance(0.5)
          ? 'left'
          : 'right';
      const text =
        motif.key === 'name' ? rng.pick(TATTOO_NAMES) : motif.key === 'date' ? String(rng.int(1995, 2020)) : null;
      marks.push({ motif, region, side, text });
    }
    const pid = this.nextPid++;
    const p: Person = {
      pid,
      origin,
      indigenous,
      sex,
      given: overrides.given ?? this.givenFor(sex, origin),
      s1,
      s2,
      husband,
      dob,
      height,
      weight,
      skin: weighted(
        rng,
        SKIN.map((s, i) => [s, [1, 4, 8, 10, 4][i]] as const),
      ),
      hair: weighted(rng, [
        ['black', 7],
        ['dark_brown', 2],
        ['light_brown', 0.5],
      ] as const),
      eye: weighted(rng, [
        ['dark_brown', 6],
        ['black', 3],
        ['light_brown', 1],
      ] as const),
      marks,
      curp: null,
      cui: null,
      passport: null,
      home,
      language:
        indigenous && origin === 'GT'
          ? rng.pick(MAYA_LANGUAGES_BY_DEPT[home.admin1Code] ?? ["K'iche'"])
          : indigenous
            ? rng.pick(['Tsotsil', 'Tseltal', 'Náhuatl', 'Mam'])
            : null,
      // 65 % of Guatemalans in this set were migrating north; 12 % of Mexicans (Chiapas, Oaxaca, Guerrero).
      migrant: overrides.migrant ?? (origin === 'GT' ? rng.chance(0.65) : rng.chance(0.12)),
    };
    this.documents(p);
    return p;
  }

  private documents(p: Person) {
    const rng = this.rng;
    const d = new Date(p.dob);
    const yy = String(d.getUTCFullYear()).slice(2);
    const mm = String(d.getUTCMonth() + 1).padStart(2, '0');
    const dd = String(d.getUTCDate()).padStart(2, '0');
    if (p.origin === 'MX' && rng.chance(0.85)) {
      const letters = (w: string) =>
        formStyle(noAccents(w))
          .replace(/[^A-ZÑ]/g, '')
          .replace('Ñ', 'X');
      const s1 = letters(p.s1.replace(/^(De la|De los|De|Del) /i, ''));
      const s2 = p.s2 ? letters(p.s2.replace(/^(De la|De los|De|Del) /i, '')) : 'X';
      const g = letters(
        p.given.length > 1 && ['José', 'María'].includes(p.given[0])
          ? p.given[1].replace(/^(de los|de|del) /, '')
          : p.given[0],
      );
      const vowel = s1.slice(1).match(/[AEIOU]/)?.[0] ?? 'X';
      const cons = (w: string) => w.slice(1).match(/[B-DF-HJ-NP-TV-Z]/)?.[0] ?? 'X';
      const state = MX_CURP_STATE[p.home.admin1Code] ?? 'DF';
      const diff = d.getUTCFullYear() >= 2000 ? String.fromCharCode(65 + rng.int(0, 9)) : String(rng.int(0, 9));
      const first17 = `${s1[0]}${vowel}${s2[0]}${g[0]}${yy}${mm}${dd}${p.sex === 'male' ? 'H' : 'M'}${state}${cons(s1)}${cons(s2)}${cons(g)}${diff}`;
      p.curp = first17 + curpCheck(first17);
    }
    if (p.origin === 'GT' && rng.chance(0.8)) {
      let body = '';
      do body = Array.from({ length: 8 }, () => rng.int(0, 9)).join('');
      while (cuiCheck(body) === 10);
      p.cui = `${body}${cuiCheck(body)}${p.home.admin1Code}${String(rng.int(1, 5)).padStart(2, '0')}`;
    }
    if (rng.chance(p.migrant ? 0.25 : 0.08))
      p.passport = `${p.origin === 'MX' ? 'G' : 'A'}${rng.int(10_000_000, 99_999_999)}`;
  }

  /** A brother or sister: same surnames, same town and language, different given names, 1.5–10 years apart. */
  sibling(p: Person): Person {
    const rng = this.rng;
    const sex = rng.chance(0.5) ? p.sex : p.sex === 'male' ? 'female' : 'male';
    let given = this.givenFor(sex, p.origin);
    // Sisters often share the leading María (María Elena, María Guadalupe).
    if (sex === p.sex && p.given[0] === 'María' && given[0] !== 'María' && rng.chance(0.5)) given = ['María', given[0]];
    if (given.join(' ') === p.given.join(' ')) given = [sex === 'male' ? 'Santos' : 'Lidia'];
    const gap = (rng.chance(0.5) ? 1 : -1) * rng.int(550, 3650) * DAY;
    return this.person({
      origin: p.origin,
      home: p.home,
      indigenous: p.indigenous,
      sex,
      given,
      s1: p.s1,
      s2: p.s2,
      dob: Math.min(p.dob + gap, TODAY.getTime() - 9 * 365 * DAY),
      migrant: p.migrant,
    });
  }

  /** Someone else with the same given name(s) and first surname (and half the time the second one too). */
  namesake(p: Person): Person {
    const rng = this.rng;
    return this.person({
      origin: p.origin,
      sex: p.sex,
      given: [...p.given],
      s1: p.s1,
      s2: rng.chance(0.5) ? p.s2 : undefined,
    });
  }

  cousin(p: Person): Person {
    const rng = this.rng;
    const gap = (rng.chance(0.5) ? 1 : -1) * rng.int(0, 4000) * DAY;
    return this.person({
      origin: p.origin,
      home: p.home,
      indigenous: p.indigenous,
      s1: p.s1,
      dob: Math.min(p.dob + gap, TODAY.getTime() - 9 * 365 * DAY),
      migrant: p.migrant,
    });
  }

  event(p: Person): Event {
    const rng = this.rng;
    const earliest = Math.max(START, p.dob + 8 * 365 * DAY);
    const lastSeen = earliest + Math.floor((rng.next() * (END - 30 * DAY - earliest)) / DAY) * DAY;
    // Migrants: 40 % last heard of on the way (a call from Tapachula, a message from Veracruz), else at home.
    const lastSeenTown =
      p.migrant && rng.chance(0.4) ? pickTown(rng, MX_TOWNS, (t) => t.stage >= 1 && t.stage <= 3) : p.home;
    return { lastSeen, lastSeenTown };
  }

  /** Where and when a person is found (alive or dead). */
  found(p: Person, ev: Event, condition: 'alive' | 'deceased'): { date: number; town: Town } {
    const rng = this.rng;
    // Alive: rescued or detained within months (mean 8 months); deceased: found later (mean 14 months).
    let gap = Math.round(rng.exp(condition === 'alive' ? 240 : 420)) * DAY;
    if (ev.lastSeen + gap > END) gap = Math.floor(rng.next() * (END - ev.lastSeen));
    const date = ev.lastSeen + gap;
    let town: Town;
    if (p.migrant) {
      const stage =
        condition === 'alive'
          ? weighted(rng, [
              [1, 45],
              [2, 20],
              [3, 15],
              [4, 8],
              [5, 12],
            ] as const)
          : weighted(rng, [
              [1, 20],
              [2, 20],
              [3, 20],
              [4, 10],
              [5, 30],
            ] as const);
      town = pickTown(rng, MX_TOWNS, (t) => t.stage === stage);
    } else if (p.origin === 'GT') {
      // Domestic Guatemalan cases (Alba-Keneth, Isabel-Claudina): found in Guatemala, same department 55 %.
      town = rng.chance(0.55)
        ? pickTown(rng, GT_TOWNS, (t) => t.admin1Code === p.home.admin1Code)
        : rng.chance(0.15)
          ? pickTown(rng, MX_TOWNS, (t) => t.stage === 1)
          : pickTown(rng, GT_TOWNS);
    } else {
      // Mexican cases: same state half the time, elsewhere in Mexico otherwise; 2 % turn up in Guatemala.
      town = rng.chance(0.5)
        ? pickTown(rng, MX_TOWNS, (t) => t.admin1Code === p.home.admin1Code)
        : rng.chance(0.02)
          ? pickTown(rng, GT_TOWNS)
          : pickTown(rng, MX_TOWNS);
    }
    return { date, town };
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Writing records

type Body = Record<string, unknown>;

function place(rng: Rng, town: Town, tags: string[]): Body {
  // 55 % full coded place with coordinates, 25 % state/department written by hand + municipality, 12 % only the
  // municipality, 8 % a free description only (nothing the engine can read).
  const jitter = () => Math.round((rng.next() - 0.5) * 0.1 * 1000) / 1000;
  const k = rng.next();
  if (k < 0.55 || OFF.has('place_partial')) {
    return {
      country: town.country,
      admin1Code: town.admin1Code,
      admin1: town.admin1,
      municipality: town.municipality,
      lat: town.lat + jitter(),
      lon: town.lon + jitter(),
    };
  }
  if (k < 0.8) {
    tags.push('place_written');
    return {
      country: town.country,
      admin1: rng.pick(ADMIN1_WRITTEN[town.admin1] ?? [town.admin1]),
      municipality: rng.chance(0.5) ? formStyle(town.municipality) : town.municipality,
    };
  }
  if (k < 0.92) {
    tags.push('place_municipality_only');
    return { country: town.country, municipality: town.municipality };
  }
  tags.push('place_description_only');
  return { country: town.country, description: `cerca de ${town.municipality}` };
}

function dobString(ms: number): string {
  return isoDate(ms);
}

/** A date of birth as written, with the errors forms carry. */
function writtenDob(rng: Rng, dob: number, errRate: number, tags: string[]): string {
  const d = new Date(dob);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + 1;
  const day = d.getUTCDate();
  if (rng.chance(errRate)) {
    const k = rng.int(0, 3);
    if (k === 0 && day <= 12 && day !== m) {
      tags.push('dob_day_month_swapped');
      return `${y}-${String(day).padStart(2, '0')}-${String(m).padStart(2, '0')}`;
    }
    if (k === 1) {
      tags.push('dob_year_off_by_one');
      return `${y + (rng.chance(0.5) ? 1 : -1)}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    }
    if (k === 2) {
      tags.push('dob_day_typo');
      return `${y}-${String(m).padStart(2, '0')}-${String(Math.min(28, Math.max(1, day + rng.int(-9, 9)))).padStart(2, '0')}`;
    }
    tags.push('dob_year_only');
    return String(y);
  }
  return dobString(dob);
}

function adjacent<T>(rng: Rng, vocab: readonly T[], value: T): T {
  const i = vocab.indexOf(value);
  const j = Math.min(vocab.length - 1, Math.max(0, i + (rng.chance(0.5) ? 1 : -1)));
  return vocab[j];
}

function buildOf(p: Person): (typeof BUILDS)[number] {
  const bmi = p.weight / (p.height / 100) ** 2;
  return bmi < 18 ? 'very_thin' : bmi < 20.5 ? 'thin' : bmi < 26 ? 'medium' : bmi < 30 ? 'heavy' : 'obese';
}

function nicknameOf(rng: Rng, given: string[]): string | null {
  const options = given.flatMap((g) => NICKNAMES[g] ?? []);
  return options.length > 0 ? rng.pick(options) : null;
}

const APODOS = [
  'El Güero',
  'La Flaca',
  'Chino',
  'El Negro',
  'Flaco',
  'Gordo',
  'La Güera',
  'Chaparro',
  'El Indio',
  'La Chaparra',
  'Pelón',
  'El Cholo',
];

interface NameOut {
  givenNames?: string;
  firstSurname?: string;
  secondSurname?: string;
  fullName?: string;
  aliases?: string[];
}

/** Writes a name given its parts, either in the three fields or as one full-name string. */
function writeName(
  rng: Rng,
  given: string,
  s1: string | null,
  s2: string | null,
  fullRate: number,
  tags: string[],
  forceUpper: boolean,
): NameOut {
  const style = (s: string) => (forceUpper ? formStyle(s) : s);
  if (rng.chance(fullRate)) {
    tags.push('full_name_field');
    const sur = [s1, s2].filter(Boolean).join(' ');
    // One in five full names comes surname-first with a comma (spreadsheet exports, US-style lists).
    if (sur && rng.chance(0.2) && !OFF.has('full_name_surname_first')) {
      tags.push('full_name_surname_first');
      return { fullName: style(`${sur}, ${given}`) };
    }
    return { fullName: style([given, sur].filter(Boolean).join(' ')) };
  }
  const out: NameOut = {};
  if (given) out.givenNames = style(given);
  if (s1) out.firstSurname = style(s1);
  if (s2) out.secondSurname = style(s2);
  return out;
}

function corruptWord(
  rng: Rng,
  w: string,
  pEar: number,
  pTypo: number,
  maya: boolean,
  tags: string[],
  label: string,
): string {
  let out = w;
  if (rng.chance(pEar)) {
    const m = mishear(out, rng, maya);
    if (m !== out) tags.push(`misheard_${label}`);
    out = m;
  }
  if (rng.chance(pTypo)) {
    const t2 = typo(out, rng);
    if (t2 !== out) tags.push(`typo_${label}`);
    out = t2;
  }
  return out;
}

const isMayaWord = (w: string) => MAYA_SURNAMES.items.includes(w);

function reportName(rng: Rng, p: Person, tags: string[]): NameOut {
  // Families know the name; the registrar who types it does not always: sound-alike spellings on 7 % of words
  // (Maya surnames 15 %), typing slips on 2 %.
  let given = p.given
    .map((g) => corruptWord(rng, g, p.indigenous ? 0.1 : 0.05, 0.02, p.indigenous, tags, 'given'))
    .join(' ');
  if (given.startsWith('María ') && rng.chance(0.1)) {
    given = given.replace(/^María /, 'Ma. ');
    tags.push('abbrev_ma');
  }
  let s1: string | null = corruptWord(rng, p.s1, isMayaWord(p.s1) ? 0.15 : 0.07, 0.02, isMayaWord(p.s1), tags, 's1');
  let s2: string | null = p.s2
    ? corruptWord(rng, p.s2, isMayaWord(p.s2) ? 0.15 : 0.07, 0.02, isMayaWord(p.s2), tags, 's2')
    : null;
  // 6 % of reports leave the second surname out (the family member filing is the father's side, or the form had one field).
  if (s2 && rng.chance(0.06)) {
    s2 = null;
    tags.push('s2_dropped');
  }
  // Married women in Guatemala are often reported with "de <husband>" (half of them here), in Mexico rarely (10 %).
  if (p.husband && rng.chance(p.origin === 'GT' ? 0.5 : 0.1)) {
    tags.push('married_de');
    s2 = `${s2 ?? ''} de ${p.husband}`.trim();
    if (!p.s2 || s2.startsWith('de ')) s1 = `${s1} de ${p.husband}`;
  }
  const accentsDropped = rng.chance(0.3);
  if (accentsDropped) {
    given = noAccents(given);
    s1 = s1 && noAccents(s1);
    s2 = s2 && noAccents(s2);
  }
  const out = writeName(
    rng,
    given,
    s1,
    s1 === null ? null : s2 && s1.includes(' de ') ? null : s2,
    p.origin === 'GT' ? 0.15 : 0.08,
    tags,
    rng.chance(0.2),
  );
  // Aliases: 35 % of families give a nickname (of the given name when there is one, otherwise an apodo).
  if (rng.chance(0.35)) {
    const nick = nicknameOf(rng, p.given);
    out.aliases = [nick && rng.chance(0.75) ? nick : rng.pick(APODOS)];
    tags.push('report_alias');
  }
  return out;
}

/** The victim's name when the person gave (or carried papers with) their real name. */
function victimRealName(rng: Rng, p: Person, condition: 'alive' | 'deceased', tags: string[]): NameOut {
  const maya = p.indigenous;
  let givenWords = [...p.given];
  // Compound names are shortened in daily use: the leading María/José dropped (30 %) or only the first kept (15 %).
  if (givenWords.length > 1) {
    const k = rng.next();
    if (k < 0.3) {
      givenWords = givenWords.slice(1).map((w) => w.replace(/^(de los|de las|del|de) /, ''));
      tags.push('compound_lead_dropped');
    } else if (k < 0.45) {
      givenWords = givenWords.slice(0, 1);
      tags.push('compound_second_dropped');
    }
  }
  // 10 % give their nickname as their name (Chepe, Lupita) — written in the given-name field, not as an alias.
  if (rng.chance(0.1)) {
    const nick = nicknameOf(rng, givenWords);
    if (nick) {
      givenWords = [nick];
      tags.push('nickname_as_given');
    }
  }
  // Officers hear Spanish names through an accent: 20 % of given words (30 % for Maya-language speakers),
  // 25 % of Spanish surnames and 40 % of Maya surnames; keyboard slips on 4 % of words.
  const given = givenWords.map((g) => corruptWord(rng, g, maya ? 0.3 : 0.2, 0.04, maya, tags, 'given')).join(' ');
  let s1: string | null = corruptWord(
    rng,
    p.s1,
    isMayaWord(p.s1) ? 0.4 : 0.25,
    0.04,
    isMayaWord(p.s1) || maya,
    tags,
    's1',
  );
  let s2: string | null = p.s2
    ? corruptWord(rng, p.s2, isMayaWord(p.s2) ? 0.4 : 0.25, 0.04, isMayaWord(p.s2) || maya, tags, 's2')
    : null;
  // Surname structure: migration and shelter forms with one last-name field drop the maternal surname (30 % of
  // living people, 15 % of the dead identified by papers); 7 % swapped; 5 % only the maternal one survives;
  // 3 % hyphenated into the first field; married women may give the husband's surname (10 %).
  const k = rng.next();
  if (s2 && k < (condition === 'alive' ? 0.3 : 0.15)) {
    s2 = null;
    tags.push('s2_dropped');
  } else if (s2 && k < (condition === 'alive' ? 0.37 : 0.22)) {
    [s1, s2] = [s2, s1];
    tags.push('surnames_swapped');
  } else if (s2 && k < (condition === 'alive' ? 0.42 : 0.27)) {
    s1 = s2;
    s2 = null;
    tags.push('only_maternal');
  } else if (s2 && k < (condition === 'alive' ? 0.45 : 0.3)) {
    s1 = rng.chance(0.5) ? `${s1}-${s2}` : `${s1}${s2}`.replace(/\s/g, '');
    s2 = null;
    tags.push('surnames_fused');
  }
  if (p.husband && rng.chance(0.1)) {
    if (rng.chance(0.5)) {
      s1 = p.husband;
      s2 = null;
      tags.push('husband_surname_only');
    } else {
      s2 = `${s2 ?? ''} de ${p.husband}`.trim();
      tags.push('married_de');
    }
  }
  // Police, migration and forensic forms are mostly typed in capitals without accents (60 %).
  const upper = rng.chance(0.6);
  return writeName(rng, upper ? given : noAccents(given), s1, s2, 0.25, tags, upper);
}

function writtenMark(rng: Rng, m: TrueMark, family: boolean, tags: string[]): Body {
  const templates = family ? m.motif.family : m.motif.officer;
  const desc = rng
    .pick(templates)
    .replace('{N}', m.text ?? '')
    .replace('{D}', m.text ?? '');
  let region = m.region;
  let side = m.side;
  if (!family) {
    // Examiners name a neighbouring region (15 %), describe the side from their own point of view (mirrored, 12 %),
    // or leave the side out (30 %).
    if (rng.chance(0.15) && REGION_NEIGHBOURS[region]) {
      region = rng.pick(REGION_NEIGHBOURS[region]);
      tags.push('mark_region_shifted');
    }
    if (side === 'left' || side === 'right') {
      if (rng.chance(0.12)) {
        side = side === 'left' ? 'right' : 'left';
        tags.push('mark_side_mirrored');
      } else if (rng.chance(0.3)) side = null;
    }
    // Forensic registers keep marks as free text ("Tatuajes: rosa en antebrazo izq."): 40 % of victim marks
    // arrive with region "other" and the place only in the words.
    if (rng.chance(0.4) && !OFF.has('mark_free_text')) {
      tags.push('mark_free_text');
      const sideText =
        side === 'left'
          ? rng.pick([' izquierdo', ' izq.', ' izquierda'])
          : side === 'right'
            ? rng.pick([' derecho', ' der.', ' derecha'])
            : '';
      const typeWord = {
        tattoo: 'Tatuaje',
        scar: 'Cicatriz',
        birthmark: 'Mancha',
        piercing: 'Perforación',
        amputation: 'Amputación',
      }[m.motif.type];
      return {
        type: m.motif.type,
        bodyRegion: 'other',
        description: `${typeWord}: ${desc} en ${REGION_ES[region] ?? region}${sideText}`,
      };
    }
  } else if (side && rng.chance(0.25)) side = null; // families forget which side a quarter of the time
  return { type: m.motif.type, bodyRegion: region, ...(side ? { side } : {}), description: desc };
}

// ---------------------------------------------------------------------------------------------------------------

function languagesOf(rng: Rng, p: Person): string[] | undefined {
  if (!p.language) return rng.chance(0.3) ? ['Español'] : undefined;
  return rng.chance(0.5) ? [p.language, 'Español'] : [p.language];
}

function reportBody(rng: Rng, p: Person, ev: Event, sourceId: string, tags: string[], filedIn: 'MX' | 'GT'): Body {
  const body: Body = { sourceRecordId: sourceId, country: filedIn, sex: p.sex, ...reportName(rng, p, tags) };
  if (rng.chance(0.85)) body.nationality = p.origin;
  // Date of birth 72 %; otherwise only the age at disappearance (20 %) or nothing (8 %). Errors on 6 %.
  const k = rng.next();
  if (k < 0.72) body.dateOfBirth = writtenDob(rng, p.dob, 0.06, tags);
  else if (k < 0.92) body.ageAtEvent = yearsBetween(p.dob, ev.lastSeen);
  else tags.push('report_no_age');
  // Families often give the date the report was filed, weeks after the person was last seen (15 %).
  let lastSeen = ev.lastSeen;
  if (rng.chance(0.15) && !OFF.has('filing_date')) {
    lastSeen = Math.min(END, lastSeen + Math.round(rng.exp(45)) * DAY);
    tags.push('last_seen_is_filing_date');
  }
  body.lastSeenDate = isoDate(lastSeen);
  body.lastSeenPlace = place(rng, ev.lastSeenTown, tags);
  // Families overstate height by ~3 cm and round to 5 cm half the time; 25 % unknown.
  const size = sizeAt(p, ev.lastSeen);
  if (rng.chance(0.75)) {
    const h = size.height + 3 + rng.normal(0, 4);
    body.heightCm = rng.chance(0.5) ? Math.round(h / 5) * 5 : Math.round(h);
  }
  if (rng.chance(0.5)) body.weightKg = Math.max(10, Math.round(size.weight + rng.normal(0, 6)));
  if (rng.chance(0.6)) body.build = rng.chance(0.7) ? buildOf(p) : adjacent(rng, BUILDS, buildOf(p));
  if (rng.chance(0.7)) body.skinTone = rng.chance(0.65) ? p.skin : adjacent(rng, SKIN, p.skin);
  if (rng.chance(0.75)) body.hairColor = p.hair;
  if (rng.chance(0.6)) body.eyeColor = rng.chance(0.7) ? p.eye : p.eye === 'black' ? 'dark_brown' : 'black';
  // Families know 80 % of the marks.
  const marks = p.marks.filter(() => rng.chance(0.8)).map((m) => writtenMark(rng, m, true, tags));
  if (marks.length) body.marks = marks;
  const docs: Body[] = [];
  if (p.curp && rng.chance(0.45))
    docs.push({ type: 'CURP', number: rng.chance(0.03) ? documentTypo(p.curp, rng) : p.curp, issuingCountry: 'MX' });
  if (p.cui && rng.chance(0.4))
    docs.push({
      type: 'DPI',
      number: rng.chance(0.3) ? `${p.cui.slice(0, 4)} ${p.cui.slice(4, 9)} ${p.cui.slice(9)}` : p.cui,
      issuingCountry: 'GT',
    });
  if (p.passport && rng.chance(0.5)) docs.push({ type: 'PASSPORT', number: p.passport, issuingCountry: p.origin });
  if (docs.length) body.documents = docs;
  const langs = languagesOf(rng, p);
  if (langs && rng.chance(0.65)) body.languages = langs;
  return body;
}

function victimBody(
  rng: Rng,
  world: World,
  p: Person,
  ev: Event,
  condition: 'alive' | 'deceased',
  nameCase: NameCase,
  sourceId: string,
  tags: string[],
): Body {
  const f = world.found(p, ev, condition);
  const body: Body = { sourceRecordId: sourceId, country: f.town.country, condition };
  const ageAtFound = yearsBetween(p.dob, f.date);
  // Sex: unknown on 10 % of the dead (skeletal remains), wrong on 1 %.
  body.sex =
    condition === 'deceased' && rng.chance(0.1) && !OFF.has('sex_unknown')
      ? 'unknown'
      : rng.chance(0.01)
        ? p.sex === 'male'
          ? 'female'
          : 'male'
        : p.sex;
  if (condition === 'deceased' && body.sex === 'unknown') tags.push('sex_unknown');

  const estimate = (forensic: boolean) => {
    // Forensic age estimates are wide and often off for adults (sd 2 + 0.12 × age); living people are guessed
    // from their looks or what they say, ± 3 years.
    const sd = forensic ? 2 + 0.12 * ageAtFound : 3;
    const centre = ageAtFound + rng.normal(0, sd);
    const half = forensic ? rng.pick([5, 5, 7, 10]) : rng.pick([2, 3, 5]);
    const lo = Math.max(0, Math.round(centre - half));
    const hi = Math.min(110, Math.max(lo, Math.round(centre + half)));
    if (ageAtFound < lo || ageAtFound > hi) tags.push('age_outside_estimate');
    body.estimatedAgeMin = lo;
    body.estimatedAgeMax = hi;
  };

  if (nameCase === 'named') {
    Object.assign(body, victimRealName(rng, p, condition, tags));
    // DOB: 60 % of living people named give one (errors 14 %); dead people identified by papers 50 %.
    if (rng.chance(condition === 'alive' ? 0.6 : 0.5)) body.dateOfBirth = writtenDob(rng, p.dob, 0.14, tags);
    else estimate(condition === 'deceased');
  } else if (nameCase === 'alias_only') {
    // Known only by a first name or a nickname (shelters, bars): 60 % a nickname of the given name, 40 % the
    // first given name alone; 30 % with a first surname as heard.
    const nick = nicknameOf(rng, p.given);
    const first =
      nick && rng.chance(0.6)
        ? nick
        : p.given[p.given.length > 1 && ['María', 'José'].includes(p.given[0]) ? 1 : 0].replace(
            /^(de los|de|del) /,
            '',
          );
    tags.push(nick && first === nick ? 'alias_nickname' : 'alias_first_name');
    if (rng.chance(0.5)) body.aliases = [formStyle(first)];
    else body.givenNames = formStyle(first);
    if (rng.chance(0.3)) body.firstSurname = formStyle(corruptWord(rng, p.s1, 0.3, 0.04, p.indigenous, tags, 's1'));
    if (rng.chance(0.3)) body.aliases = [...((body.aliases as string[]) ?? []), rng.pick(APODOS)];
    estimate(false);
  } else if (nameCase === 'false_name') {
    // Trafficking victims and migrants give a false name: 40 % keep their real first name with invented surnames.
    const fake = world.person({ origin: rng.chance(0.5) ? 'MX' : p.origin, sex: p.sex });
    const given = rng.chance(0.4) ? p.given[0] : fake.given.join(' ');
    Object.assign(body, writeName(rng, given, fake.s1, fake.s2, 0.2, tags, rng.chance(0.6)));
    // Minors claim to be adults; adults shift their age a little.
    if (rng.chance(0.5)) {
      const claimed = ageAtFound < 18 ? rng.int(18, 21) : Math.max(18, ageAtFound + rng.int(-4, 4));
      body.dateOfBirth = String(new Date(f.date).getUTCFullYear() - claimed);
      tags.push('false_dob');
    } else estimate(false);
    if (rng.chance(0.35)) {
      body.documents = [{ type: 'CURP', number: fake.curp ?? 'XEXX010101HNEXXXA4', issuingCountry: 'MX' }];
      tags.push('false_document');
    }
  } else {
    estimate(condition === 'deceased' || rng.chance(0.2));
  }

  // Real documents: 28 % of the living with their own name show papers, 12 % of the dead named; typos 12 %.
  if (nameCase === 'named' && rng.chance(condition === 'alive' ? 0.28 : 0.12)) {
    const docs: Body[] = [];
    const typoed = (n: string) => {
      if (rng.chance(0.12)) {
        tags.push('document_typo');
        return documentTypo(n, rng);
      }
      return n;
    };
    if (p.cui) docs.push({ type: 'DPI', number: typoed(p.cui), issuingCountry: 'GT' });
    else if (p.curp) docs.push({ type: 'CURP', number: typoed(p.curp), issuingCountry: 'MX' });
    else if (p.passport) docs.push({ type: 'PASSPORT', number: typoed(p.passport) });
    if (docs.length) {
      body.documents = docs;
      tags.push('document');
    }
  }

  if (condition === 'alive') {
    // Guatemalans say they are Mexican to avoid deportation (12 %); 15 % not recorded.
    const r = rng.next();
    if (p.origin === 'GT' && r < 0.12) {
      body.nationality = 'MX';
      tags.push('claimed_mexican');
    } else if (r < 0.85) body.nationality = p.origin;
    const langs = languagesOf(rng, p);
    if (langs && rng.chance(0.45)) body.languages = langs;
  }

  body.foundDate = isoDate(f.date);
  body.foundPlace = place(rng, f.town, tags);
  // Measured: ± 3 cm alive, ± 4 cm dead; 15 % / 20 % not recorded. Weight of the dead mostly unusable.
  const size = sizeAt(p, f.date);
  if (rng.chance(condition === 'alive' ? 0.85 : 0.8))
    body.heightCm = Math.round(size.height + rng.normal(0, condition === 'alive' ? 3 : 4));
  if (condition === 'alive' ? rng.chance(0.6) : rng.chance(0.3))
    body.weightKg = Math.max(10, Math.round(size.weight * (condition === 'alive' ? 0.95 : 0.85) + rng.normal(0, 6)));
  if (rng.chance(condition === 'alive' ? 0.7 : 0.4))
    body.build = rng.chance(0.6) ? buildOf(p) : adjacent(rng, BUILDS, buildOf(p));
  if (rng.chance(condition === 'alive' ? 0.75 : 0.4))
    body.skinTone = rng.chance(0.6) ? p.skin : adjacent(rng, SKIN, p.skin);
  if (rng.chance(condition === 'alive' ? 0.8 : 0.6)) body.hairColor = rng.chance(0.08) ? 'dyed' : p.hair;
  if (rng.chance(condition === 'alive' ? 0.6 : 0.3))
    body.eyeColor = rng.chance(0.65) ? p.eye : p.eye === 'black' ? 'dark_brown' : 'black';
  // Marks: examiners miss 25 % (dead 40 %: decomposition), and add marks the family never knew of (20 %).
  const marks = p.marks
    .filter(() => !rng.chance(condition === 'deceased' ? 0.4 : 0.25))
    .map((m) => writtenMark(rng, m, false, tags));
  if (rng.chance(0.2) && !OFF.has('mark_extra')) {
    const extra = world.person({ sex: p.sex }).marks[0];
    if (extra) {
      marks.push(writtenMark(rng, extra, false, tags));
      tags.push('mark_extra');
    }
  }
  if (marks.length) body.marks = marks;
  return body;
}

// ---------------------------------------------------------------------------------------------------------------
// Mapping: API body → validated input → stored fields → engine record (as MatchFeaturesRepository reads them)

export function fieldsToMatchRecord(id: string, f: RecordFields): MatchRecord {
  return {
    id,
    kind: f.kind,
    country: f.country as 'MX' | 'GT',
    givenNames: f.givenNames,
    firstSurname: f.firstSurname,
    secondSurname: f.secondSurname,
    fullName: f.fullName,
    aliases: f.aliases,
    sex: f.sex,
    nationality: f.nationality,
    languages: f.languages,
    languageCodes: f.languageCodes.filter((c): c is string => c !== null),
    heightCm: f.heightCm,
    weightKg: f.weightKg,
    build: f.build,
    skinTone: f.skinTone,
    hairColor: f.hairColor,
    eyeColor: f.eyeColor,
    marks: f.marks as MatchRecord['marks'],
    documents: f.documents as MatchRecord['documents'],
    dateOfBirth: f.dateOfBirth,
    ageAtEvent: f.ageAtEvent,
    lastSeenDate: f.lastSeenDate,
    lastSeenPlace: f.lastSeenPlace,
    condition: f.condition,
    estimatedAgeMin: f.estimatedAgeMin,
    estimatedAgeMax: f.estimatedAgeMax,
    foundDate: f.foundDate,
    foundPlace: f.foundPlace,
  };
}

function throughService(
  kind: 'missing_report' | 'suspected_victim',
  id: string,
  body: Body,
  rejected: IndependentDataset['rejected'],
): MatchRecord | null {
  const v = validateRecordInput(kind, body, TODAY);
  if (!v.ok) {
    rejected.push({ kind, reasons: v.errors.map((e) => `${e.field}: ${e.reason}`) });
    return null;
  }
  const fields = toRecordFields(kind, v.input as RecordInputDto, body.country as 'MX' | 'GT');
  return fieldsToMatchRecord(id, fields);
}

// ---------------------------------------------------------------------------------------------------------------

export function generateIndependent(options: GenerateOptions): IndependentDataset {
  const unknown = (options.without ?? []).filter((c) => !(CHANNELS as readonly string[]).includes(c));
  if (unknown.length) throw new Error(`unknown channel(s): ${unknown.join(', ')}; known: ${CHANNELS.join(', ')}`);
  OFF = new Set(options.without ?? []);
  const rng = new Rng(options.seed * 7919 + 17);
  const world = new World(rng);
  const rejected: IndependentDataset['rejected'] = [];

  // Reports
  const reported: { person: Person; event: Event; reportIds: string[] }[] = [];
  const reports: MatchRecord[] = [];
  const reportTruth: IndependentReportTruth[] = [];
  let rn = 0;
  while (rn < options.reports) {
    const p = world.person();
    const ev = world.event(p);
    const entry = { person: p, event: ev, reportIds: [] as string[] };
    const copies = rng.chance(0.07) && rn + 2 <= options.reports ? 2 : 1;
    for (let c = 0; c < copies; c++) {
      const id = `IR${String(++rn).padStart(6, '0')}`;
      const tags: string[] = [];
      // Guatemalans are reported in Guatemala (85 %) or to a Mexican commission or consulate; Mexicans in Mexico
      // (97 %). A second report goes to the other country 60 % of the time.
      const home = p.origin;
      const other = home === 'GT' ? 'MX' : 'GT';
      const filedIn =
        c === 1
          ? rng.chance(0.6)
            ? other
            : home
          : home === 'GT'
            ? rng.chance(0.85)
              ? 'GT'
              : 'MX'
            : rng.chance(0.97)
              ? 'MX'
              : 'GT';
      if (c === 1) tags.push('second_report');
      const rec = throughService('missing_report', id, reportBody(rng, p, ev, `SRC-${id}`, tags, filedIn), rejected);
      if (!rec) continue;
      reports.push(rec);
      reportTruth.push({ reportId: id, personId: p.pid, tags });
      entry.reportIds.push(id);
    }
    if (entry.reportIds.length) reported.push(entry);
  }

  // Victims
  const victims: MatchRecord[] = [];
  const victimTruth: IndependentVictimTruth[] = [];
  const truePairs: IndependentDataset['truePairs'] = [];
  let vn = 0;
  const chooseCase = (condition: 'alive' | 'deceased'): NameCase =>
    condition === 'alive'
      ? // Living: 60 % give their real name, 12 % a nickname or first name only, 15 % a false name, 13 % no name
        // (small children, people in shock, people who refuse).
        weighted(rng, [
          ['named', 60],
          ['alias_only', 12],
          ['false_name', 15],
          ['nameless', 13],
        ] as const)
      : // Dead: 20 % carry papers or were named by someone; 80 % unidentified.
        weighted(rng, [
          ['named', 20],
          ['nameless', 80],
        ] as const);
  const addVictim = (p: Person, ev: Event, reportIds: string[], negativeKind: NegativeKind | null) => {
    if (vn >= options.victims) return;
    // 52 % found alive (rescues, migrant stations, shelters), 48 % dead.
    const condition = rng.chance(0.52) ? 'alive' : 'deceased';
    const nameCase = chooseCase(condition);
    const id = `IV${String(++vn).padStart(6, '0')}`;
    const tags: string[] = [];
    const rec = throughService(
      'suspected_victim',
      id,
      victimBody(rng, world, p, ev, condition, nameCase, `SRC-${id}`, tags),
      rejected,
    );
    if (!rec) return;
    victims.push(rec);
    victimTruth.push({ victimId: id, personId: p.pid, reportIds, nameCase, condition, negativeKind, tags });
    for (const r of reportIds) truePairs.push({ reportId: r, victimId: id });
  };

  const order = reported.map((_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [order[i], order[j]] = [order[j], order[i]];
  }
  const nMatched = Math.round(options.victims * 0.45);
  let o = 0;
  while (vn < nMatched && o < order.length) {
    const e = reported[order[o++]];
    addVictim(e.person, e.event, e.reportIds, null);
    if (rng.chance(0.04)) addVictim(e.person, e.event, e.reportIds, null);
  }
  // Hard negatives, then unrelated people.
  const quota: [NegativeKind, number][] = [
    ['sibling', Math.round(options.victims * 0.1)],
    ['namesake', Math.round(options.victims * 0.06)],
    ['cousin', Math.round(options.victims * 0.04)],
  ];
  for (const [kind, n] of quota) {
    for (let i = 0; i < n && vn < options.victims; i++) {
      const base = reported[rng.int(0, reported.length - 1)].person;
      const q =
        kind === 'sibling' ? world.sibling(base) : kind === 'namesake' ? world.namesake(base) : world.cousin(base);
      addVictim(q, world.event(q), [], kind);
    }
  }
  while (vn < options.victims) {
    const q = world.person();
    addVictim(q, world.event(q), [], 'unrelated');
  }
  return { seed: options.seed, reports, victims, truePairs, victimTruth, reportTruth, rejected };
}
