/**
 * Synthetic missing-person reports and suspected-victim records with ground truth, deterministic by seed.
 *
 * The world: people from Mexico, Guatemala (many Maya-language speakers) and some from Honduras, who disappear
 * between 2014 and mid-2024, either at home or on the migrant routes. Their families report them (names spelt
 * right, with nicknames, estimated heights, marks described in a few words). Some are later found: alive
 * (rescued, detained, in a shelter — names given orally, misheard, nicknames, sometimes false names, sometimes no
 * name) or dead (mostly unidentified: estimated ages, measured heights, marks in forensic free text).
 *
 * Error rates are set from what the shared references describe, not tuned to the engine. Hard negatives are
 * included on purpose: siblings (same surnames, same home town, close ages) and strangers with the same name.
 */
import { checkDocument, curpCheckDigit, cuiCheckRemainder } from '../../reference/identity-documents.js';
import { GT_DEPARTMENTS, GT_MUNICIPALITY_COUNTS, MX_STATES, haversineKm } from '../../reference/geography.js';
import type { MatchDocument, MatchMark, MatchPlace, MatchRecord, Side } from '../engine/types.js';
import {
  GIVEN_AS_SURNAME_GT,
  GIVEN_FEMALE_GT,
  GIVEN_FEMALE_MX,
  GIVEN_FEMALE_YOUNG,
  GIVEN_MALE_GT,
  GIVEN_MALE_MX,
  GIVEN_MALE_YOUNG,
  SURNAMES_GT,
  SURNAMES_MX,
} from '../engine/name-tables.js';
import { ROUTE_POINTS } from '../engine/geo.js';
import { nicknamesFor } from '../engine/nicknames.js';
import { fold } from '../engine/text.js';
import { misspell } from './errors.js';
import { Rng, Weighted } from './rng.js';

export interface GeneratorOptions {
  seed: number;
  reports: number;
  victims: number;
  /** Share of victims that correspond to a reported person (default 0.45). */
  matchedShare?: number;
}

export type NameCase = 'named' | 'alias_only' | 'false_name' | 'nameless';

export interface VictimTruth {
  victimId: string;
  condition: 'alive' | 'deceased';
  nameCase: NameCase;
  /** Reports of the same person (empty for victims nobody reported). */
  reportIds: string[];
  negativeKind: 'sibling' | 'same_name' | 'other' | null;
}

export interface SyntheticDataset {
  seed: number;
  reports: MatchRecord[];
  victims: MatchRecord[];
  truePairs: { reportId: string; victimId: string }[];
  victimTruth: VictimTruth[];
}

// ------------------------------------------------------------------------------------------------------------
// The world
// ------------------------------------------------------------------------------------------------------------

interface Municipality {
  country: 'MX' | 'GT';
  admin1Code: string;
  admin1: string;
  name: string;
  lat: number;
  lon: number;
}

interface Person {
  id: number;
  nationality: 'MX' | 'GT' | 'HN';
  sex: 'female' | 'male';
  given: string;
  s1: string;
  s2: string;
  dobDay: number;
  home: Municipality;
  languages: string[];
  heightCm: number;
  weightKg: number;
  build: string;
  skinTone: string;
  hairColor: string;
  eyeColor: string;
  marks: TrueMark[];
  curp: string | null;
  cui: string | null;
  passport: string | null;
  lastSeenDay: number;
  lastSeenPlace: MatchPlace;
  migrant: boolean;
}

interface TrueMark {
  type: 'tattoo' | 'scar' | 'birthmark' | 'piercing';
  region: string;
  side: Side;
  motif: string | null;
  name: string | null;
}

const DAY_MS = 86_400_000;
const dayOf = (y: number, m: number, d: number): number => Math.floor(Date.UTC(y, m - 1, d) / DAY_MS);
const isoOf = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);
const START = dayOf(2014, 1, 1);
const END = dayOf(2024, 6, 30);
const TODAY = dayOf(2025, 6, 30);

const MX_ADMIN_WEIGHTS: Record<string, number> = {
  '07': 8, '30': 8, '12': 6, '20': 6, '09': 6, '15': 8, '14': 6, '16': 5, '28': 5, '21': 5, '11': 4, '19': 4, '27': 3,
  '26': 3, '02': 3, '08': 3, '25': 3, '24': 2, '05': 2, '31': 2, '04': 1, '23': 2, '17': 2, '22': 2, '13': 2, '32': 2,
  '10': 2, '18': 1, '06': 1, '01': 1, '03': 1, '29': 1,
};
const GT_ADMIN_WEIGHTS: Record<string, number> = {
  '13': 10, '12': 9, '09': 8, '14': 7, '16': 7, '08': 5, '01': 8, '07': 4, '04': 3, '17': 3, '05': 2, '10': 2, '11': 2,
  '15': 2, '18': 1, '19': 1, '20': 1, '21': 1, '22': 1, '02': 1, '03': 1, '06': 1,
};
/** Share of Maya-language speakers and their languages, per Guatemalan department (rough, general knowledge). */
const GT_MAYA: Record<string, [number, string[]]> = {
  '08': [0.95, ['quc']], '07': [0.9, ['quc', 'cak', 'tzj']], '14': [0.85, ['quc', 'ixl']], '16': [0.9, ['kek', 'poh']],
  '13': [0.65, ['mam', 'kjb', 'cac', 'jac']], '12': [0.35, ['mam']], '09': [0.5, ['quc', 'mam']], '04': [0.75, ['cak']],
  '17': [0.3, ['kek']], '01': [0.1, ['cak']], '15': [0.5, ['acr', 'poh']], '03': [0.4, ['cak']], '10': [0.3, ['quc', 'tzj']],
};
const MX_INDIGENOUS: Record<string, [number, string[]]> = {
  '07': [0.3, ['tzo', 'tzh', 'toj', 'ctu']], '20': [0.35, ['zap', 'mix', 'mco']], '12': [0.15, ['nah', 'mix']],
  '30': [0.1, ['nah', 'top']], '21': [0.1, ['nah']], '31': [0.5, ['yua']], '04': [0.2, ['yua']], '23': [0.2, ['yua']],
};
const MAYA_SURNAMES = new Set(
  'Caal|Pop|Choc|Xol|Coc|Tzul|Tzoc|Ajú|Ixcoy|Sic|Batz|Puac|Ajanel|Xum|Guarchaj|Tzep|Chavajay|Tziná|Cholotio|Us|Sanik|Cuc|Umul|Cumatz|Quej|Balam|Tum|Xicay|Xiquin|Racancoj|Ajcac|Ajxup|Tzunún|Maquín|Xitimul|Tot|Rax|Quiej'.split('|'),
);

const TATTOO_MOTIFS: ReadonlyArray<readonly [string, number]> = [
  ['rosa', 10], ['corazon', 8], ['cruz', 8], ['virgen', 8], ['nombre', 12], ['letras', 5], ['estrella', 5], ['calavera', 5],
  ['mariposa', 4], ['tribal', 4], ['santa_muerte', 3], ['aguila', 3], ['dragon', 2], ['alas', 2], ['reloj', 2],
  ['payaso', 2], ['quetzal', 1], ['colibri', 1], ['serpiente', 2], ['lobo', 2], ['tigre', 2], ['ancla', 1], ['dados', 1],
  ['telaraña', 1], ['paloma', 2], ['rosario', 3], ['alacran', 1], ['buho', 1], ['luna', 2], ['sol', 1],
];
const MOTIF_ES: Record<string, string[]> = {
  rosa: ['rosa', 'una rosa'], corazon: ['corazón', 'un corazón'], cruz: ['cruz', 'una cruz'],
  virgen: ['virgen de Guadalupe', 'guadalupana', 'virgen'], estrella: ['estrella', 'estrellas'], calavera: ['calavera', 'calaveras'],
  mariposa: ['mariposa'], tribal: ['tribal', 'diseño tribal'], santa_muerte: ['santa muerte'], aguila: ['águila'],
  dragon: ['dragón'], alas: ['alas'], reloj: ['reloj'], payaso: ['payaso', 'payasos'], quetzal: ['quetzal'],
  colibri: ['colibrí'], serpiente: ['serpiente', 'víbora'], lobo: ['lobo'], tigre: ['tigre'], ancla: ['ancla'],
  dados: ['dados'], telaraña: ['telaraña'], paloma: ['paloma'], rosario: ['rosario'], alacran: ['alacrán', 'escorpión'],
  buho: ['búho', 'tecolote'], luna: ['luna'], sol: ['sol'], letras: ['letras', 'leyenda', 'frase'],
};
const REGIONS: ReadonlyArray<readonly [string, number]> = [
  ['forearm', 20], ['upper_arm', 12], ['hand', 8], ['chest', 12], ['back', 10], ['neck', 6], ['shoulder', 6],
  ['lower_leg', 6], ['thigh', 4], ['abdomen', 5], ['face', 3], ['finger', 3], ['wrist', 5],
];
const REGION_ES: Record<string, string[]> = {
  forearm: ['antebrazo'], upper_arm: ['brazo', 'bíceps'], hand: ['mano', 'dorso de la mano'], chest: ['pecho', 'tórax'],
  back: ['espalda'], neck: ['cuello'], shoulder: ['hombro'], lower_leg: ['pantorrilla', 'pierna'], thigh: ['muslo'],
  abdomen: ['abdomen', 'vientre'], face: ['cara', 'rostro'], finger: ['dedo'], wrist: ['muñeca'],
};
const REGION_GENERAL: Record<string, string> = { forearm: 'brazo', upper_arm: 'brazo', lower_leg: 'pierna', thigh: 'pierna', finger: 'mano', wrist: 'brazo' };
const SIDE_ES: Record<Side, string[]> = { left: ['izquierdo', 'izq.', 'izquierda'], right: ['derecho', 'der.', 'derecha'], center: ['', 'al centro'] };
const TYPE_ES: Record<string, string[]> = {
  tattoo: ['tatuaje', 'tatuaje de', 'tatuada'], scar: ['cicatriz', 'cicatriz de'], birthmark: ['lunar', 'mancha de nacimiento'],
  piercing: ['perforación', 'arete'],
};

const BUILD_W = new Weighted<string>([['medium', 40], ['thin', 20], ['athletic', 10], ['heavy', 20], ['obese', 5], ['very_thin', 5]]);
const SKIN_W = new Weighted<string>([['brown', 40], ['light_brown', 30], ['dark_brown', 15], ['light', 12], ['very_light', 2], ['black', 1]]);
const HAIR_W = new Weighted<string>([['black', 60], ['dark_brown', 25], ['light_brown', 5], ['gray', 5], ['dyed', 3], ['blond', 1], ['bald', 1]]);
const EYE_W = new Weighted<string>([['dark_brown', 55], ['black', 20], ['light_brown', 15], ['hazel', 5], ['green', 3], ['blue', 2]]);
const ORDINAL_BUILD = ['very_thin', 'thin', 'medium', 'athletic', 'heavy', 'obese'];
const ORDINAL_SKIN = ['very_light', 'light', 'light_brown', 'brown', 'dark_brown', 'black'];

class World {
  readonly munis: Municipality[] = [];
  readonly mxMunis = new Map<string, Municipality[]>();
  readonly gtMunis = new Map<string, Municipality[]>();
  readonly mxAdmin: Weighted<string>;
  readonly gtAdmin: Weighted<string>;
  readonly surMx = new Weighted(SURNAMES_MX);
  readonly surGtSpanish = new Weighted(SURNAMES_GT.filter(([s]) => !MAYA_SURNAMES.has(s)));
  readonly surGtMaya = new Weighted(SURNAMES_GT.filter(([s]) => MAYA_SURNAMES.has(s)));
  readonly motif = new Weighted(TATTOO_MOTIFS);
  readonly region = new Weighted(REGIONS);
  readonly foundRoute: Weighted<(typeof ROUTE_POINTS)[number]>;

  constructor() {
    const geo = new Rng(20240611);
    for (const s of MX_STATES) {
      const list: Municipality[] = [];
      for (let k = 1; k <= 12; k++) {
        list.push({ country: 'MX', admin1Code: s.code, admin1: s.name, name: `${s.name} M${k}`, lat: s.lat + geo.uniform(-0.6, 0.6), lon: s.lon + geo.uniform(-0.6, 0.6) });
      }
      this.mxMunis.set(s.code, list);
      this.munis.push(...list);
    }
    for (const d of GT_DEPARTMENTS) {
      const list: Municipality[] = [];
      const n = Math.min(12, GT_MUNICIPALITY_COUNTS[d.code] ?? 8);
      for (let k = 1; k <= n; k++) {
        list.push({ country: 'GT', admin1Code: d.code, admin1: d.name, name: `${d.name} M${k}`, lat: d.lat + geo.uniform(-0.3, 0.3), lon: d.lon + geo.uniform(-0.3, 0.3) });
      }
      this.gtMunis.set(d.code, list);
      this.munis.push(...list);
    }
    this.mxAdmin = new Weighted(Object.entries(MX_ADMIN_WEIGHTS));
    this.gtAdmin = new Weighted(Object.entries(GT_ADMIN_WEIGHTS));
    const routeWeights: Record<string, number> = {
      Tapachula: 20, Huixtla: 5, Arriaga: 5, 'Tuxtla Gutiérrez': 6, 'San Cristóbal de las Casas': 3, Comitán: 4, Palenque: 4,
      Tenosique: 5, Villahermosa: 5, 'Juchitán / Ixtepec': 4, Coatzacoalcos: 5, Veracruz: 6, Orizaba: 3, Puebla: 3,
      'Ciudad de México': 6, 'Lechería (Tultitlán)': 3, Querétaro: 2, Celaya: 2, Guadalajara: 2, 'San Luis Potosí': 2,
      Saltillo: 2, Monterrey: 4, Reynosa: 4, Matamoros: 2, 'Nuevo Laredo': 3, 'Piedras Negras': 2, 'Ciudad Juárez': 2,
      Hermosillo: 2, Altar: 2, Sásabe: 2, Nogales: 2, Tijuana: 3, Mexicali: 2, Chetumal: 1, 'Ciudad Hidalgo – Tecún Umán': 4,
      'El Ceibo': 2, 'Ciudad Cuauhtémoc – La Mesilla': 2,
    };
    this.foundRoute = new Weighted(ROUTE_POINTS.filter((p) => routeWeights[p.place]).map((p) => [p, routeWeights[p.place]] as const));
  }

  homeMuni(rng: Rng, country: 'MX' | 'GT'): Municipality {
    if (country === 'MX') return rng.pick(this.mxMunis.get(this.mxAdmin.sample(rng))!);
    return rng.pick(this.gtMunis.get(this.gtAdmin.sample(rng))!);
  }

  /** A place at a route point, described as the route town (municipality = town name). */
  routePlace(rng: Rng, p: (typeof ROUTE_POINTS)[number]): MatchPlace {
    const lat = p.lat + rng.uniform(-0.05, 0.05);
    const lon = p.lon + rng.uniform(-0.05, 0.05);
    let best = MX_STATES[0];
    let bestD = Infinity;
    for (const s of p.country === 'MX' ? MX_STATES : GT_DEPARTMENTS) {
      const d = haversineKm(lat, lon, s.lat, s.lon);
      if (d < bestD) {
        bestD = d;
        best = s;
      }
    }
    return { country: p.country, admin1Code: best.code, admin1: best.name, municipality: p.place, lat: round4(lat), lon: round4(lon) };
  }
}

const round4 = (x: number): number => Math.round(x * 1e4) / 1e4;
const muniPlace = (m: Municipality, rng: Rng): MatchPlace => ({
  country: m.country,
  admin1Code: m.admin1Code,
  admin1: m.admin1,
  municipality: m.name,
  lat: round4(m.lat + rng.uniform(-0.03, 0.03)),
  lon: round4(m.lon + rng.uniform(-0.03, 0.03)),
});

// ------------------------------------------------------------------------------------------------------------
// People
// ------------------------------------------------------------------------------------------------------------

function pickGiven(rng: Rng, sex: 'female' | 'male', country: 'MX' | 'GT' | 'HN', young: boolean): string {
  const pool =
    young && rng.chance(0.5)
      ? sex === 'male' ? GIVEN_MALE_YOUNG : GIVEN_FEMALE_YOUNG
      : country === 'GT' && rng.chance(0.6)
        ? sex === 'male' ? GIVEN_MALE_GT : GIVEN_FEMALE_GT
        : sex === 'male' ? GIVEN_MALE_MX : GIVEN_FEMALE_MX;
  // Zipf-like: earlier names are more common.
  const i = Math.min(pool.length - 1, Math.floor(pool.length * Math.pow(rng.next(), 1.8)));
  let name = pool[i];
  if (!name.includes(' ') && rng.chance(0.22)) {
    const second = pool[Math.floor(pool.length * Math.pow(rng.next(), 1.5))];
    if (!second.includes(' ') && second !== name) {
      const lead = sex === 'female' ? (rng.chance(0.5) ? 'María' : name) : rng.chance(0.4) ? rng.pick(['José', 'Juan']) : name;
      name = lead === name ? `${name} ${second}` : `${lead} ${second === lead ? name : second}`;
    }
  }
  return name;
}

function pickSurname(world: World, rng: Rng, country: 'MX' | 'GT' | 'HN', maya: boolean): string {
  if (country === 'MX' || country === 'HN') return world.surMx.sample(rng);
  if (maya && rng.chance(0.7)) return world.surGtMaya.sample(rng);
  if (rng.chance(0.04)) return rng.pick(GIVEN_AS_SURNAME_GT);
  return world.surGtSpanish.sample(rng);
}

function asciiUpper(s: string): string {
  return fold(s).replace(/ñ/g, 'x').toUpperCase().replace(/[^A-Z ]/g, '');
}

function makeCurp(p: Person, rng: Rng): string {
  const s1 = asciiUpper(p.s1).replace(/ /g, '') || 'X';
  const s2 = asciiUpper(p.s2).replace(/ /g, '') || 'X';
  const gw = asciiUpper(p.given).split(' ');
  const g = (gw.length > 1 && (gw[0] === 'JOSE' || gw[0] === 'MARIA') ? gw[1] : gw[0]) || 'X';
  const vowel = (s1.slice(1).match(/[AEIOU]/) ?? ['X'])[0];
  const cons = (w: string) => (w.slice(1).match(/[B-DF-HJ-NP-TV-Z]/) ?? ['X'])[0];
  const d = new Date(p.dobDay * DAY_MS);
  const yy = String(d.getUTCFullYear() % 100).padStart(2, '0');
  const mm = String(d.getUTCMonth() + 1).padStart(2, '0');
  const dd = String(d.getUTCDate()).padStart(2, '0');
  const state = MX_STATES.find((s) => s.code === p.home.admin1Code)?.curpCode ?? 'NE';
  const diff = d.getUTCFullYear() >= 2000 ? rng.pick('ABCDEFGH'.split('')) : String(rng.int(0, 9));
  const first17 = `${s1[0]}${vowel}${s2[0]}${g[0]}${yy}${mm}${dd}${p.sex === 'male' ? 'H' : 'M'}${state}${cons(s1)}${cons(s2)}${cons(g)}${diff}`;
  return first17 + String(curpCheckDigit(first17) ?? 0);
}

function makeCui(p: Person, rng: Rng): string {
  for (;;) {
    let first8 = '';
    for (let i = 0; i < 8; i++) first8 += String(rng.int(0, 9));
    const r = cuiCheckRemainder(first8);
    if (r === 10) continue;
    const munis = GT_MUNICIPALITY_COUNTS[p.home.admin1Code] ?? 1;
    return `${first8}${r}${p.home.admin1Code}${String(rng.int(1, munis)).padStart(2, '0')}`;
  }
}

function makeMarks(world: World, rng: Rng, sex: 'female' | 'male'): TrueMark[] {
  if (!rng.chance(0.45)) return [];
  const n = rng.chance(0.7) ? 1 : rng.chance(0.7) ? 2 : 3;
  const out: TrueMark[] = [];
  for (let i = 0; i < n; i++) {
    const r = rng.next();
    const type = r < 0.6 ? 'tattoo' : r < 0.9 ? 'scar' : r < 0.97 ? 'birthmark' : 'piercing';
    const region = world.region.sample(rng);
    const side: Side = ['chest', 'back', 'neck', 'abdomen', 'face'].includes(region) && rng.chance(0.6) ? 'center' : rng.chance(0.5) ? 'left' : 'right';
    const motif = type === 'tattoo' ? world.motif.sample(rng) : null;
    const name = motif === 'nombre' ? pickGiven(rng, rng.chance(0.5) ? 'female' : 'male', 'MX', false).split(' ').pop()! : null;
    out.push({ type, region, side, motif, name });
  }
  void sex;
  return out;
}

function makePerson(world: World, rng: Rng, id: number, forced?: Partial<Person>): Person {
  const r = rng.next();
  const nationality: Person['nationality'] = forced?.nationality ?? (r < 0.45 ? 'GT' : r < 0.95 ? 'MX' : 'HN');
  const migrant = nationality !== 'MX' || rng.chance(0.05);
  const sex: Person['sex'] = forced?.sex ?? (rng.chance(migrant ? 0.68 : 0.6) ? 'male' : 'female');
  const lastSeenDay = forced?.lastSeenDay ?? rng.int(START, END);
  const ar = rng.next();
  const age = ar < 0.2 ? rng.int(12, 17) : ar < 0.75 ? rng.int(18, 35) : rng.int(36, 62);
  const dobDay = forced?.dobDay ?? lastSeenDay - Math.floor((age + rng.next()) * 365.2425);
  const home = forced?.home ?? world.homeMuni(rng, nationality === 'GT' ? 'GT' : nationality === 'HN' ? 'GT' : 'MX');
  const homeCountry = nationality === 'HN' ? 'HN' : home.country;
  let maya = false;
  const languages: string[] = ['spa'];
  if (nationality === 'GT') {
    const [share, langs] = GT_MAYA[home.admin1Code] ?? [0.05, ['quc']];
    if (rng.chance(share)) {
      maya = true;
      languages.unshift(rng.pick(langs));
    }
  } else if (nationality === 'MX') {
    const [share, langs] = MX_INDIGENOUS[home.admin1Code] ?? [0.03, ['nah']];
    if (rng.chance(share)) languages.unshift(rng.pick(langs));
  }
  const given = forced?.given ?? pickGiven(rng, sex, nationality, age < 18);
  const s1 = forced?.s1 ?? pickSurname(world, rng, nationality, maya);
  const s2 = forced?.s2 ?? pickSurname(world, rng, nationality, maya);
  const heightCm = Math.round(sex === 'male' ? rng.normal(165, 7) : rng.normal(153, 6)) - (age < 15 ? rng.int(5, 15) : 0);
  const p: Person = {
    id,
    nationality,
    sex,
    given,
    s1,
    s2,
    dobDay,
    home: nationality === 'HN' ? { ...home } : home,
    languages,
    heightCm,
    weightKg: Math.round(sex === 'male' ? rng.normal(68, 10) : rng.normal(60, 10)),
    build: BUILD_W.sample(rng),
    skinTone: SKIN_W.sample(rng),
    hairColor: HAIR_W.sample(rng),
    eyeColor: EYE_W.sample(rng),
    marks: makeMarks(world, rng, sex),
    curp: null,
    cui: null,
    passport: null,
    lastSeenDay,
    lastSeenPlace: {},
    migrant,
  };
  void homeCountry;
  if (nationality === 'MX') p.curp = makeCurp(p, rng);
  if (nationality === 'GT') p.cui = makeCui(p, rng);
  if (rng.chance(0.08)) p.passport = `${nationality === 'MX' ? 'G' : 'A'}${String(rng.int(10_000_000, 99_999_999))}`;
  if (migrant && rng.chance(0.45)) {
    const routeStart = ROUTE_POINTS.filter((q) => ['Tapachula', 'Huixtla', 'Comitán', 'Tenosique', 'Palenque', 'Ciudad Hidalgo – Tecún Umán', 'Flores / Santa Elena', 'Ciudad de Guatemala'].includes(q.place));
    p.lastSeenPlace = world.routePlace(rng, rng.pick(routeStart));
  } else if (!migrant && rng.chance(0.15)) {
    p.lastSeenPlace = muniPlace(rng.pick(world.mxMunis.get(home.admin1Code)!), rng);
  } else {
    p.lastSeenPlace = muniPlace(home, rng);
  }
  return p;
}

// ------------------------------------------------------------------------------------------------------------
// Records
// ------------------------------------------------------------------------------------------------------------

function maybeMisspell(word: string, rng: Rng, p: number): string {
  if (!word || !rng.chance(p)) return word;
  return word
    .split(' ')
    .map((w, i, all) => (i === all.length - 1 || all.length === 1 ? misspell(w, rng) : w))
    .join(' ');
}

function dobString(day: number, rng: Rng, precision: 'day' | 'month' | 'year'): string {
  const iso = isoOf(day);
  if (precision === 'year') return iso.slice(0, 4);
  if (precision === 'month') return iso.slice(0, 7);
  return iso;
}

function corruptDob(iso: string, rng: Rng): string {
  if (iso.length < 10) return iso;
  const [y, m, d] = iso.split('-').map(Number);
  const r = rng.next();
  if (r < 0.4 && d <= 12 && d !== m) return `${y}-${String(d).padStart(2, '0')}-${String(m).padStart(2, '0')}`;
  if (r < 0.7) return `${y + (rng.chance(0.5) ? 1 : -1)}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  return `${y}-${String(m).padStart(2, '0')}-${String(Math.min(28, Math.max(1, d + rng.int(-3, 3)))).padStart(2, '0')}`;
}

function appearance(p: Person, rng: Rng, present: number, accurate: number) {
  const ordinal = (vocab: string[], v: string): string => {
    if (rng.chance(accurate)) return v;
    const i = vocab.indexOf(v);
    const j = Math.max(0, Math.min(vocab.length - 1, i + (rng.chance(0.5) ? 1 : -1)));
    return vocab[j];
  };
  const nominal = (w: Weighted<string>, v: string): string => (rng.chance(accurate) ? v : w.sample(rng));
  return {
    build: rng.chance(present) ? ordinal(ORDINAL_BUILD, p.build) : null,
    skinTone: rng.chance(present) ? ordinal(ORDINAL_SKIN, p.skinTone) : null,
    hairColor: rng.chance(present) ? nominal(HAIR_W, p.hairColor) : null,
    eyeColor: rng.chance(present * 0.8) ? nominal(EYE_W, p.eyeColor) : null,
  };
}

function doc(type: MatchDocument['type'], number: string, rng: Rng, typoRate: number): MatchDocument {
  let n = number;
  if (rng.chance(typoRate)) {
    const i = rng.int(0, n.length - 1);
    const c = /\d/.test(n[i]) ? String((Number(n[i]) + rng.int(1, 8)) % 10) : rng.pick('ABCDEFGHJKLMNPRSTVXZ'.split(''));
    n = n.slice(0, i) + c + n.slice(i + 1);
  }
  const check = checkDocument(type, n);
  return { type, number: n, normalizedNumber: check.normalizedNumber, checkDigitValid: check.checkDigitValid };
}

function documents(p: Person, rng: Rng, share: number, typoRate: number): MatchDocument[] {
  const out: MatchDocument[] = [];
  if (p.curp && rng.chance(share)) out.push(doc('CURP', p.curp, rng, typoRate));
  if (p.cui && rng.chance(share)) out.push(doc('DPI', p.cui, rng, typoRate));
  if (p.passport && rng.chance(share * 0.8)) out.push(doc('PASSPORT', p.passport, rng, typoRate));
  return out;
}

function nicknameOf(given: string, rng: Rng): string | null {
  const words = given.split(' ');
  const candidates = words.flatMap((w) => nicknamesFor(fold(w)));
  if (candidates.length === 0) {
    const last = words[words.length - 1];
    if (rng.chance(0.3) && last.length > 3) return last.replace(/[oa]$/, (m) => (m === 'o' ? 'ito' : 'ita'));
    return null;
  }
  return rng.pick(candidates.filter((c) => !c.endsWith('.')));
}

function reportMarkDescription(m: TrueMark, rng: Rng): string {
  if (m.type === 'tattoo') {
    if (m.motif === 'nombre') return rng.pick([`nombre "${m.name}"`, `tatuaje con el nombre ${m.name}`, `letras que dicen ${m.name}`]);
    const motif = rng.pick(MOTIF_ES[m.motif!] ?? [m.motif!]);
    return rng.pick([motif, `tatuaje de ${motif}`, `${motif} en ${rng.pick(REGION_ES[m.region])}`]);
  }
  return rng.pick(TYPE_ES[m.type]);
}

function forensicMarkText(m: TrueMark, rng: Rng, wrongSide: boolean, generalize: boolean): string {
  const side: Side = wrongSide && m.side !== 'center' ? (m.side === 'left' ? 'right' : 'left') : m.side;
  const region = generalize && REGION_GENERAL[m.region] ? REGION_GENERAL[m.region] : rng.pick(REGION_ES[m.region]);
  const sideText = rng.pick(SIDE_ES[side]);
  if (m.type === 'tattoo') {
    const motif =
      m.motif === 'nombre'
        ? rng.pick([`letras que dicen "${m.name}"`, `el nombre ${m.name}`, `leyenda "${m.name}"`])
        : rng.pick(MOTIF_ES[m.motif!] ?? [m.motif!]);
    const t = rng.int(0, 3);
    if (t === 0) return `Tatuajes: ${motif} en ${region} ${sideText}.`;
    if (t === 1) return `${motif} tatuada, ${region} ${sideText}`;
    if (t === 2) return `presenta tatuaje en ${region} ${sideText} con figura de ${motif}`;
    return `tatuaje ${motif} ${region} ${sideText}`;
  }
  const kind = rng.pick(TYPE_ES[m.type]);
  return `${kind} en ${region} ${sideText}`.trim();
}

interface BuiltName {
  givenNames: string | null;
  firstSurname: string | null;
  secondSurname: string | null;
  fullName: string | null;
  aliases: string[];
}

function reportName(p: Person, rng: Rng): BuiltName {
  let given = maybeMisspell(p.given, rng, 0.04);
  if (given.startsWith('María ') && rng.chance(0.1)) given = `Ma. ${given.slice(6)}`;
  const s1 = maybeMisspell(p.s1, rng, 0.05);
  let s2: string | null = maybeMisspell(p.s2, rng, 0.05);
  if (rng.chance(0.04)) s2 = null;
  if (p.sex === 'female' && p.nationality === 'GT' && rng.chance(0.08) && s2) s2 = `${s2} de ${pickSurnameSimple(rng)}`;
  const aliases: string[] = [];
  const nick = rng.chance(0.35) ? nicknameOf(p.given, rng) : null;
  if (nick) aliases.push(nick);
  return { givenNames: given, firstSurname: s1, secondSurname: s2, fullName: null, aliases };
}

function pickSurnameSimple(rng: Rng): string {
  return rng.pick(['García', 'López', 'Pérez', 'Hernández', 'Morales', 'Ramírez', 'Gómez', 'Cruz', 'Tzul', 'Xol']);
}

function victimName(p: Person, rng: Rng, nameCase: NameCase, deceased: boolean, world: World): BuiltName {
  const none: BuiltName = { givenNames: null, firstSurname: null, secondSurname: null, fullName: null, aliases: [] };
  if (nameCase === 'nameless') {
    return rng.chance(0.3) ? { ...none, givenNames: rng.pick(['N/N', 'DESCONOCIDO', 'FNU']), firstSurname: rng.pick(['LNU', 'N/N', 'DESCONOCIDO']) } : none;
  }
  if (nameCase === 'alias_only') {
    const nick = nicknameOf(p.given, rng) ?? p.given.split(' ').pop()!;
    return { ...none, aliases: [nick, ...(rng.chance(0.3) ? [rng.pick(['El Chapín', 'Güero', 'Flaco', 'Chino', 'Negro'])] : [])] };
  }
  if (nameCase === 'false_name') {
    const fake = makePerson(world, rng.fork(p.id), -1, { sex: p.sex, nationality: p.nationality === 'GT' ? 'MX' : p.nationality });
    const keepGiven = rng.chance(0.3);
    return { givenNames: keepGiven ? p.given : fake.given, firstSurname: fake.s1, secondSurname: fake.s2, fullName: null, aliases: [] };
  }
  // named: spoken or read from a document
  const spell = deceased ? 0.05 : 0.12;
  let given = p.given;
  const words = given.split(' ');
  if (words.length > 1 && rng.chance(0.35)) given = rng.chance(0.8) ? words[words.length - 1] : words[0];
  if (!deceased && rng.chance(0.08)) given = nicknameOf(p.given, rng) ?? given;
  given = maybeMisspell(given, rng, spell);
  let s1: string | null = maybeMisspell(p.s1, rng, spell);
  let s2: string | null = maybeMisspell(p.s2, rng, spell);
  if (rng.chance(0.15)) s2 = null;
  else if (rng.chance(0.06)) [s1, s2] = [s2, s1];
  if (p.sex === 'female' && rng.chance(0.1) && s2) s2 = `${s2} de ${pickSurnameSimple(rng)}`;
  const aliases: string[] = [];
  if (!deceased && rng.chance(0.2)) {
    const nick = nicknameOf(p.given, rng);
    if (nick) aliases.push(nick);
  }
  if (rng.chance(0.1)) {
    return { givenNames: null, firstSurname: null, secondSurname: null, fullName: [given, s1, s2].filter(Boolean).join(' '), aliases };
  }
  return { givenNames: given, firstSurname: s1, secondSurname: s2, fullName: null, aliases };
}

/** Families often give a height rounded to 5 cm. */
function roughHeight(h: number, rng: Rng): number {
  return rng.chance(0.4) ? Math.round(h / 5) * 5 : Math.round(h);
}

function makeReport(p: Person, rng: Rng, id: string, country: 'MX' | 'GT'): MatchRecord {
  const name = reportName(p, rng);
  const r = rng.next();
  let dateOfBirth: string | null = null;
  let ageAtEvent: number | null = null;
  if (r < 0.6) dateOfBirth = dobString(p.dobDay, rng, 'day');
  else if (r < 0.65) dateOfBirth = dobString(p.dobDay, rng, 'month');
  else if (r < 0.75) dateOfBirth = dobString(p.dobDay, rng, 'year');
  else {
    ageAtEvent = Math.floor((p.lastSeenDay - p.dobDay) / 365.2425);
    if (rng.chance(0.15)) ageAtEvent += rng.pick([-2, -1, 1, 2]);
  }
  if (dateOfBirth && rng.chance(0.05)) dateOfBirth = corruptDob(dateOfBirth, rng);
  let lastSeen = p.lastSeenDay;
  if (rng.chance(0.03)) lastSeen += rng.int(-90, 90);
  const indigenous = p.languages.filter((l) => l !== 'spa');
  const languageCodes = indigenous.length > 0 ? (rng.chance(0.9) ? p.languages : ['spa']) : rng.chance(0.7) ? ['spa'] : [];
  return {
    id,
    kind: 'missing_report',
    country,
    ...name,
    sex: p.sex,
    nationality: p.nationality,
    languageCodes,
    heightCm: rng.chance(0.75) ? roughHeight(p.heightCm + rng.normal(0, 3), rng) : null,
    weightKg: rng.chance(0.5) ? Math.round(p.weightKg + rng.normal(0, 4)) : null,
    ...appearance(p, rng, 0.8, 0.85),
    marks: p.marks
      .filter(() => rng.chance(0.85))
      .map((m): MatchMark => ({ type: m.type, bodyRegion: rng.chance(0.9) ? m.region : null, side: rng.chance(0.7) ? m.side : null, description: reportMarkDescription(m, rng) })),
    documents: documents(p, rng, 0.55, 0.02),
    dateOfBirth,
    ageAtEvent,
    lastSeenDate: isoOf(lastSeen),
    lastSeenPlace: p.lastSeenPlace,
  };
}

function makeVictim(
  p: Person,
  rng: Rng,
  id: string,
  world: World,
  condition: 'alive' | 'deceased',
  nameCase: NameCase,
): MatchRecord {
  const deceased = condition === 'deceased';
  // When and where found.
  let delay = deceased ? Math.floor(-Math.log(1 - rng.next()) * 500) : Math.floor(-Math.log(1 - rng.next()) * 150);
  let found = Math.min(TODAY, p.lastSeenDay + delay);
  if (rng.chance(0.04)) found -= rng.int(30, 500); // registration error: found date recorded too early
  else if (rng.chance(0.02)) found += rng.pick([-365, 365]);
  delay = found - p.lastSeenDay;
  let place: MatchPlace;
  if (p.migrant) {
    place = rng.chance(0.05) ? muniPlace(p.home, rng) : world.routePlace(rng, world.foundRoute.sample(rng));
  } else {
    const r = rng.next();
    const sameState = world.mxMunis.get(p.home.admin1Code) ?? [p.home];
    if (r < 0.4) place = muniPlace(p.home, rng);
    else if (r < 0.7) place = muniPlace(rng.pick(sameState), rng);
    else if (r < 0.9) place = muniPlace(world.homeMuni(rng, 'MX'), rng);
    else place = world.routePlace(rng, world.foundRoute.sample(rng));
  }
  const name = victimName(p, rng, nameCase, deceased, world);
  const trueAge = (found - p.dobDay) / 365.2425;
  let dateOfBirth: string | null = null;
  let estimatedAgeMin: number | null = null;
  let estimatedAgeMax: number | null = null;
  if (!deceased && nameCase === 'named' && rng.chance(0.6)) {
    dateOfBirth = dobString(p.dobDay, rng, 'day');
    if (rng.chance(0.08)) dateOfBirth = corruptDob(dateOfBirth, rng);
  } else if (!deceased && nameCase !== 'nameless' && rng.chance(0.3)) {
    // stated age
    const stated = Math.floor(trueAge) + (rng.chance(0.2) ? rng.pick([-2, -1, 1, 2]) : 0);
    estimatedAgeMin = stated;
    estimatedAgeMax = stated;
  } else {
    const sd = deceased ? 4 : 3;
    const center = trueAge + rng.normal(0, sd);
    const width = deceased ? rng.int(8, 15) : rng.int(4, 10);
    estimatedAgeMin = Math.max(0, Math.round(center - width / 2));
    estimatedAgeMax = Math.round(center + width / 2);
  }
  const indigenous = p.languages.filter((l) => l !== 'spa');
  const languageCodes = deceased ? [] : indigenous.length > 0 ? (rng.chance(0.6) ? p.languages : rng.chance(0.5) ? ['spa'] : []) : rng.chance(0.6) ? ['spa'] : [];
  const marks: MatchMark[] = [];
  for (const m of p.marks) {
    if (!rng.chance(deceased ? 0.75 : 0.85)) continue;
    const wrongSide = rng.chance(0.1);
    const generalize = rng.chance(0.3);
    if (deceased) {
      marks.push({ type: 'other', bodyRegion: null, side: null, description: maybeMisspellText(forensicMarkText(m, rng, wrongSide, generalize), rng) });
    } else {
      const side: Side = wrongSide && m.side !== 'center' ? (m.side === 'left' ? 'right' : 'left') : m.side;
      marks.push({ type: m.type, bodyRegion: m.region, side, description: forensicMarkText(m, rng, false, generalize) });
    }
  }
  if (rng.chance(0.15)) {
    const extra = makeMarks(world, rng, p.sex)[0];
    if (extra) marks.push({ type: extra.type, bodyRegion: extra.region, side: extra.side, description: reportMarkDescription(extra, rng) });
  }
  const docShare = nameCase === 'named' ? (deceased ? 0.25 : 0.2) : nameCase === 'false_name' ? 0.02 : 0;
  return {
    id,
    kind: 'suspected_victim',
    country: (place.country as 'MX' | 'GT') ?? 'MX',
    ...name,
    sex: deceased && rng.chance(0.03) ? 'unknown' : p.sex,
    nationality: nameCase === 'named' ? p.nationality : null,
    languageCodes,
    heightCm: rng.chance(deceased ? 0.85 : 0.6) ? Math.round(p.heightCm + rng.normal(0, deceased ? 4 : 2)) : null,
    weightKg: !deceased && rng.chance(0.5) ? Math.round(p.weightKg + rng.normal(0, 5)) : null,
    ...appearance(p, rng, deceased ? 0.5 : 0.7, 0.8),
    marks,
    documents: documents(p, rng, docShare, 0.03),
    condition,
    dateOfBirth,
    estimatedAgeMin,
    estimatedAgeMax,
    foundDate: isoOf(found),
    foundPlace: place,
  };
}

function maybeMisspellText(text: string, rng: Rng): string {
  if (!rng.chance(0.1)) return text;
  const words = text.split(' ');
  const i = rng.int(0, words.length - 1);
  if (words[i].length > 4) words[i] = misspell(words[i], rng, 0.5);
  return words.join(' ');
}

// ------------------------------------------------------------------------------------------------------------

export function generateDataset(options: GeneratorOptions): SyntheticDataset {
  const rng = new Rng(options.seed);
  const world = new World();
  const dupShare = 0.05;
  const nPersons = Math.max(1, Math.round(options.reports / (1 + dupShare * 0.55)));
  const persons: Person[] = [];
  for (let i = 0; i < nPersons; i++) persons.push(makePerson(world, rng.fork(i + 1), i));

  const reports: MatchRecord[] = [];
  const reportsOf = new Map<number, string[]>();
  const addReport = (p: Person, country: 'MX' | 'GT') => {
    const id = `R${String(reports.length + 1).padStart(6, '0')}`;
    reports.push(makeReport(p, rng.fork(100_000 + reports.length), id, country));
    const list = reportsOf.get(p.id) ?? [];
    list.push(id);
    reportsOf.set(p.id, list);
  };
  for (const p of persons) {
    if (reports.length >= options.reports) break;
    addReport(p, p.nationality === 'MX' ? 'MX' : rng.chance(0.85) ? 'GT' : 'MX');
  }
  // Cross-border duplicates: a Guatemalan or Honduran also reported in Mexico.
  for (const p of persons) {
    if (reports.length >= options.reports) break;
    if (p.nationality !== 'MX' && rng.chance(dupShare)) addReport(p, 'MX');
  }
  const reported = persons.filter((p) => reportsOf.has(p.id));

  const victims: MatchRecord[] = [];
  const truth: VictimTruth[] = [];
  const truePairs: { reportId: string; victimId: string }[] = [];
  const nMatched = Math.min(reported.length, Math.round(options.victims * (options.matchedShare ?? 0.45)));
  const order = reported.map((p) => p.id);
  for (let i = order.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [order[i], order[j]] = [order[j], order[i]];
  }
  const byId = new Map(persons.map((p) => [p.id, p]));
  const nextVictimId = () => `V${String(victims.length + 1).padStart(6, '0')}`;

  const caseFor = (vr: Rng, deceased: boolean): NameCase => {
    const r = vr.next();
    if (deceased) return r < 0.3 ? 'named' : 'nameless';
    return r < 0.7 ? 'named' : r < 0.78 ? 'alias_only' : r < 0.88 ? 'false_name' : 'nameless';
  };

  for (let k = 0; k < nMatched; k++) {
    const p = byId.get(order[k])!;
    const vr = rng.fork(500_000 + k);
    const condition = vr.chance(0.4) ? 'deceased' : 'alive';
    const nameCase = caseFor(vr, condition === 'deceased');
    const id = nextVictimId();
    victims.push(makeVictim(p, vr, id, world, condition, nameCase));
    const rids = reportsOf.get(p.id)!;
    truth.push({ victimId: id, condition, nameCase, reportIds: rids, negativeKind: null });
    for (const r of rids) truePairs.push({ reportId: r, victimId: id });
  }

  // Victims nobody reported, among them hard negatives.
  let extraId = persons.length;
  while (victims.length < options.victims) {
    const k = victims.length;
    const vr = rng.fork(900_000 + k);
    const r = vr.next();
    let p: Person;
    let kind: VictimTruth['negativeKind'] = 'other';
    if (r < 0.15 && reported.length > 0) {
      // A sibling: same surnames and home town, different given name, a few years apart.
      const base = vr.pick(reported);
      const sex = vr.chance(0.5) ? base.sex : base.sex === 'male' ? 'female' : 'male';
      let given = pickGiven(vr, sex, base.nationality, false);
      if (fold(given) === fold(base.given)) given = pickGiven(vr, sex, base.nationality, false);
      const gap = vr.int(1, 10) * (vr.chance(0.5) ? 1 : -1);
      p = makePerson(world, vr, extraId++, {
        nationality: base.nationality, sex, given, s1: base.s1, s2: base.s2, home: base.home,
        dobDay: base.dobDay + gap * 365 + vr.int(-100, 100),
        lastSeenDay: vr.chance(0.5) ? base.lastSeenDay + vr.int(-400, 400) : undefined,
      });
      p.lastSeenPlace = muniPlace(base.home, vr);
      kind = 'sibling';
    } else if (r < 0.25 && reported.length > 0) {
      // A stranger with the same name.
      const base = vr.pick(reported);
      p = makePerson(world, vr, extraId++, { nationality: base.nationality, sex: base.sex, given: base.given, s1: base.s1, s2: base.s2 });
      kind = 'same_name';
    } else {
      p = makePerson(world, vr, extraId++);
    }
    const condition = vr.chance(0.4) ? 'deceased' : 'alive';
    const nameCase = kind === 'other' ? caseFor(vr, condition === 'deceased') : 'named';
    const id = nextVictimId();
    victims.push(makeVictim(p, vr, id, world, condition, nameCase));
    truth.push({ victimId: id, condition, nameCase, reportIds: [], negativeKind: kind });
  }

  return { seed: options.seed, reports, victims, truePairs, victimTruth: truth };
}
