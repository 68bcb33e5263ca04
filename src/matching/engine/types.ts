/**
 * Input and prepared shapes of the matching engine.
 *
 * MatchRecord is the plain features object the database layer builds from a stored (homologated) record. It is
 * deliberately framework-free: no entities, no decorators. prepare() turns it into a PreparedRecord holding every
 * normalised, phonetic and interned feature, so that comparing two prepared records needs no string work beyond
 * the occasional Jaro–Winkler.
 */

export type RecordKind = 'missing_report' | 'suspected_victim';
export type Sex = 'female' | 'male' | 'unknown';
export type MarkType = 'tattoo' | 'scar' | 'birthmark' | 'piercing' | 'amputation' | 'other';
export type Side = 'left' | 'right' | 'center';
export type DocumentType = 'CURP' | 'DPI' | 'PASSPORT' | 'OTHER';

export interface MatchPlace {
  country?: string | null;
  /** MX: INEGI '01'..'32'; GT: department '01'..'22'. */
  admin1Code?: string | null;
  admin1?: string | null;
  municipality?: string | null;
  lat?: number | null;
  lon?: number | null;
  description?: string | null;
}

export interface MatchMark {
  type: MarkType;
  bodyRegion?: string | null;
  side?: Side | null;
  description?: string | null;
}

export interface MatchDocument {
  type: DocumentType;
  number?: string | null;
  normalizedNumber?: string | null;
  checkDigitValid?: boolean | null;
}

export interface MatchRecord {
  id: string;
  kind: RecordKind;
  /** Registering jurisdiction. */
  country: 'MX' | 'GT';
  givenNames?: string | null;
  firstSurname?: string | null;
  secondSurname?: string | null;
  fullName?: string | null;
  aliases?: string[] | null;
  sex: Sex;
  nationality?: string | null;
  languages?: string[] | null;
  /** ISO 639-3 codes ('spa', 'quc', 'kek', 'mam', 'tzo', …). */
  languageCodes?: string[] | null;
  heightCm?: number | null;
  weightKg?: number | null;
  build?: string | null;
  skinTone?: string | null;
  hairColor?: string | null;
  eyeColor?: string | null;
  marks?: MatchMark[] | null;
  documents?: MatchDocument[] | null;
  /** 'YYYY' | 'YYYY-MM' | 'YYYY-MM-DD'. */
  dateOfBirth?: string | null;
  // missing report
  ageAtEvent?: number | null;
  lastSeenDate?: string | null;
  lastSeenPlace?: MatchPlace | null;
  // suspected victim
  condition?: 'alive' | 'deceased' | null;
  estimatedAgeMin?: number | null;
  estimatedAgeMax?: number | null;
  foundDate?: string | null;
  foundPlace?: MatchPlace | null;
}

export interface PreparedMark {
  /** Index in MARK_TYPES (0 = not stated). */
  type: number;
  /** Index in REGIONS (0 = not stated). */
  region: number;
  /** 0 = not stated, 1 left, 2 right, 3 center. */
  side: number;
  /** Interned canonical motif ids, sorted. */
  motifs: Int32Array;
  /** Interned content words of the description (for text similarity), sorted. */
  words: Int32Array;
  /** Interned name-like words written in a tattoo ("Rosa", "Juan", initials excluded). */
  names: Int32Array;
}

export interface PreparedDocument {
  type: number;
  number: string;
  valid: boolean | null;
}

export interface PreparedRecord {
  id: string;
  kind: RecordKind;
  isVictim: boolean;
  country: string;
  source: MatchRecord;

  hasGiven: boolean;
  hasSurname: boolean;
  givenFull: string;
  givenFullId: number;
  /** Strong given-name words (including aliases), folded. */
  givenStrong: string[];
  /** Interned ids of givenStrong, in the same order (memoised Jaro–Winkler). */
  givenStrongIds: Int32Array;
  gExact: Int32Array;
  gWeak: Int32Array;
  gCanon: Int32Array;
  gPhon: Int32Array;
  /** Canonical words used by blocking. */
  gBlock: string[];

  s1: string;
  s1Id: number;
  s1Lat: number;
  s1Maya: number;
  /** looseKey of s1 (e = i, o = u, x = j), interned. */
  s1Loose: number;
  s2: string;
  s2Id: number;
  s2Lat: number;
  s2Maya: number;
  s2Loose: number;
  married: string;
  marriedId: number;
  s1LatKey: string;
  s2LatKey: string;

  /** Term frequencies (0 = not yet attached: the default floor applies). */
  s1Tf: number;
  s2Tf: number;
  /** Parallel to gExact: share of records carrying each given-name word. */
  gTfs: Float64Array;

  /** 0 unknown, 1 female, 2 male. */
  sex: number;

  /** Birth interval in decimal years; NaN when unknown. */
  birthLo: number;
  birthHi: number;
  /** Full date of birth as days since 1970-01-01, or -1. */
  dobDay: number;
  dobY: number;
  dobM: number;
  dobD: number;
  agePrecise: boolean;

  /** Last seen (report) or found (victim) as days since epoch; NaN when unknown. */
  eventDay: number;
  eventYear: number;

  lat: number;
  lon: number;
  placeCountry: string;
  admin1Id: number;
  municipalityId: number;
  /** The municipality by name within its country only: matches a side whose state or department is unknown. */
  municipalityNameId: number;
  /** The municipality is a town on the migrant routes (Tapachula, Huixtla…), where many people pass. */
  routeTown: boolean;
  /** Zone index (see geo.ts). -1 unknown. */
  zone: number;
  onRoute: boolean;
  /** Km along the northbound routes from the Guatemala–Mexico border; 0 in Guatemala, NaN unknown. */
  routeProgress: number;

  heightCm: number;
  weightKg: number;
  build: number;
  skin: number;
  hair: number;
  eye: number;

  marks: PreparedMark[];
  docs: PreparedDocument[];

  langKnown: boolean;
  indigenous: Int32Array;

  deceased: boolean;
}
