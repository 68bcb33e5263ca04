/**
 * Controlled vocabularies for the person record. Values are stable snake_case English identifiers stored in
 * the database and exchanged over the API; the Spanish labels are what forms in Mexico and Guatemala call them
 * and are used for documentation and display. Pure data; no framework imports.
 */

export const SEX = ['female', 'male', 'unknown'] as const;
export type SEX = (typeof SEX)[number];

/** Complexión. */
export const BUILD = ['very_thin', 'thin', 'medium', 'athletic', 'heavy', 'obese', 'unknown'] as const;
export type BUILD = (typeof BUILD)[number];

/** Tez / color de piel. */
export const SKIN_TONE = ['very_light', 'light', 'light_brown', 'brown', 'dark_brown', 'black', 'unknown'] as const;
export type SKIN_TONE = (typeof SKIN_TONE)[number];

/** Color de cabello (also covers bald and dyed hair, which forms record in the same field). */
export const HAIR_COLOR = [
  'black',
  'dark_brown',
  'light_brown',
  'blond',
  'red',
  'gray',
  'white',
  'dyed',
  'bald',
  'unknown',
] as const;
export type HAIR_COLOR = (typeof HAIR_COLOR)[number];

/** Color de ojos. */
export const EYE_COLOR = ['black', 'dark_brown', 'light_brown', 'hazel', 'green', 'blue', 'gray', 'unknown'] as const;
export type EYE_COLOR = (typeof EYE_COLOR)[number];

/** Señas particulares: kind of mark. */
export const MARK_TYPE = ['tattoo', 'scar', 'birthmark', 'piercing', 'amputation', 'other'] as const;
export type MARK_TYPE = (typeof MARK_TYPE)[number];

/** Where on the body a mark is; ordered head to toe. The side (left/right) is a separate field. */
export const BODY_REGION = [
  'head',
  'face',
  'ear',
  'neck',
  'shoulder',
  'chest',
  'abdomen',
  'flank',
  'back',
  'upper_arm',
  'elbow',
  'forearm',
  'wrist',
  'hand',
  'finger',
  'hip',
  'buttock',
  'genital_area',
  'thigh',
  'knee',
  'lower_leg',
  'ankle',
  'foot',
  'toe',
  'other',
] as const;
export type BODY_REGION = (typeof BODY_REGION)[number];

/** Side of the body, from the person's own point of view. */
export const SIDE = ['left', 'right', 'center'] as const;
export type SIDE = (typeof SIDE)[number];

/** Condition in which a person was found. */
export const CONDITION = ['alive', 'deceased'] as const;
export type CONDITION = (typeof CONDITION)[number];

type Labels<T extends string> = { readonly [K in T]: string };

const SEX_ES: Labels<SEX> = { female: 'Mujer', male: 'Hombre', unknown: 'Se desconoce' };

const BUILD_ES: Labels<BUILD> = {
  very_thin: 'Muy delgada',
  thin: 'Delgada',
  medium: 'Mediana',
  athletic: 'Atlética',
  heavy: 'Robusta',
  obese: 'Obesa',
  unknown: 'Se desconoce',
};

const SKIN_TONE_ES: Labels<SKIN_TONE> = {
  very_light: 'Muy clara',
  light: 'Clara',
  light_brown: 'Morena clara',
  brown: 'Morena',
  dark_brown: 'Morena oscura',
  black: 'Negra',
  unknown: 'Se desconoce',
};

const HAIR_COLOR_ES: Labels<HAIR_COLOR> = {
  black: 'Negro',
  dark_brown: 'Castaño oscuro',
  light_brown: 'Castaño claro',
  blond: 'Rubio',
  red: 'Pelirrojo',
  gray: 'Canoso',
  white: 'Blanco',
  dyed: 'Teñido',
  bald: 'Calvo',
  unknown: 'Se desconoce',
};

const EYE_COLOR_ES: Labels<EYE_COLOR> = {
  black: 'Negros',
  dark_brown: 'Café oscuro',
  light_brown: 'Café claro',
  hazel: 'Miel',
  green: 'Verdes',
  blue: 'Azules',
  gray: 'Grises',
  unknown: 'Se desconoce',
};

const MARK_TYPE_ES: Labels<MARK_TYPE> = {
  tattoo: 'Tatuaje',
  scar: 'Cicatriz',
  birthmark: 'Marca de nacimiento',
  piercing: 'Perforación',
  amputation: 'Amputación',
  other: 'Otra seña particular',
};

const BODY_REGION_ES: Labels<BODY_REGION> = {
  head: 'Cabeza',
  face: 'Cara',
  ear: 'Oreja',
  neck: 'Cuello',
  shoulder: 'Hombro',
  chest: 'Pecho',
  abdomen: 'Abdomen',
  flank: 'Costado',
  back: 'Espalda',
  upper_arm: 'Brazo',
  elbow: 'Codo',
  forearm: 'Antebrazo',
  wrist: 'Muñeca',
  hand: 'Mano',
  finger: 'Dedo de la mano',
  hip: 'Cadera',
  buttock: 'Glúteo',
  genital_area: 'Zona genital',
  thigh: 'Muslo',
  knee: 'Rodilla',
  lower_leg: 'Pierna (pantorrilla o espinilla)',
  ankle: 'Tobillo',
  foot: 'Pie',
  toe: 'Dedo del pie',
  other: 'Otra',
};

const SIDE_ES: Labels<SIDE> = { left: 'Izquierdo', right: 'Derecho', center: 'Centro' };

const CONDITION_ES: Labels<CONDITION> = { alive: 'Con vida', deceased: 'Sin vida' };

/** All vocabularies by name, for validation and documentation loops. */
export const VOCABULARIES: Readonly<Record<string, readonly string[]>> = Object.freeze({
  SEX,
  BUILD,
  SKIN_TONE,
  HAIR_COLOR,
  EYE_COLOR,
  MARK_TYPE,
  BODY_REGION,
  SIDE,
  CONDITION,
});

/** Spanish label for every value, keyed by vocabulary name then value. */
export const VOCABULARY_LABELS_ES: Record<string, Record<string, string>> = {
  SEX: SEX_ES,
  BUILD: BUILD_ES,
  SKIN_TONE: SKIN_TONE_ES,
  HAIR_COLOR: HAIR_COLOR_ES,
  EYE_COLOR: EYE_COLOR_ES,
  MARK_TYPE: MARK_TYPE_ES,
  BODY_REGION: BODY_REGION_ES,
  SIDE: SIDE_ES,
  CONDITION: CONDITION_ES,
};
