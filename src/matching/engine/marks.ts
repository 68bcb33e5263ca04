/**
 * Marks (señas particulares): turning a structured mark or a free-text forensic description into comparable
 * features — type, body region, side, motifs, content words, and names written in a tattoo.
 *
 * Free text is read word by word against a small controlled vocabulary (Spanish and English). Words not found
 * verbatim are looked up fuzzily with fuse.js ("antebraso", "isquierdo", "calabera"); every lookup is memoised, so
 * fuse runs once per distinct word in the whole data set, never per pair.
 */
import Fuse from 'fuse.js';
import type { MatchMark, PreparedMark } from './types.js';
import { INTERN, fold } from './text.js';
import { KNOWN_GIVEN_NAMES } from './name-tables.js';

export const MARK_TYPES = ['', 'tattoo', 'scar', 'birthmark', 'piercing', 'amputation', 'other'] as const;

/** Regions: the service vocabulary plus two generic ones free text often uses ("brazo", "pierna"). */
export const REGIONS = [
  '', 'head', 'face', 'ear', 'neck', 'shoulder', 'chest', 'abdomen', 'flank', 'back', 'upper_arm', 'elbow', 'forearm',
  'wrist', 'hand', 'finger', 'hip', 'buttock', 'genital_area', 'thigh', 'knee', 'lower_leg', 'ankle', 'foot', 'toe',
  'other', 'arm', 'leg',
] as const;

/** Region groups: two regions are compatible when they share a group (forearm ~ arm, wrist ~ hand). */
const GROUPS: Record<string, string[]> = {
  head: ['head', 'face', 'ear'],
  neck: ['neck'],
  arm: ['shoulder', 'upper_arm', 'elbow', 'forearm', 'wrist', 'arm'],
  hand: ['wrist', 'hand', 'finger'],
  torso: ['chest', 'abdomen', 'flank'],
  back: ['back', 'shoulder'],
  pelvis: ['hip', 'buttock', 'genital_area'],
  leg: ['thigh', 'knee', 'lower_leg', 'ankle', 'leg'],
  foot: ['ankle', 'foot', 'toe'],
};
const GROUP_NAMES = Object.keys(GROUPS);
/** Bit mask of groups per region index. */
export const REGION_GROUP_MASK = new Uint16Array(REGIONS.length);
/** One representative group per region (blocking key). */
export const REGION_MAIN_GROUP: string[] = [];
REGIONS.forEach((r, i) => {
  let mask = 0;
  let main = '';
  GROUP_NAMES.forEach((g, gi) => {
    if (GROUPS[g].includes(r)) {
      mask |= 1 << gi;
      if (!main) main = g;
    }
  });
  REGION_GROUP_MASK[i] = mask;
  REGION_MAIN_GROUP[i] = main || r || 'unknown';
});

export function regionsCompatible(a: number, b: number): boolean {
  if (a === 0 || b === 0) return false;
  if (a === b) return true;
  return (REGION_GROUP_MASK[a] & REGION_GROUP_MASK[b]) !== 0;
}

const TYPE_WORDS: Record<string, string> = {
  tatuaje: 'tattoo', tatuajes: 'tattoo', tatuada: 'tattoo', tatuado: 'tattoo', tatuadas: 'tattoo', tatuados: 'tattoo',
  tattoo: 'tattoo', tatoo: 'tattoo', tattoos: 'tattoo', tatto: 'tattoo',
  cicatriz: 'scar', cicatrices: 'scar', scar: 'scar', quemadura: 'scar', herida: 'scar', costura: 'scar',
  lunar: 'birthmark', lunares: 'birthmark', mancha: 'birthmark', birthmark: 'birthmark', nacimiento: 'birthmark',
  perforacion: 'piercing', piercing: 'piercing', arete: 'piercing', expansion: 'piercing',
  amputacion: 'amputation', amputado: 'amputation', amputada: 'amputation', amputation: 'amputation', muñon: 'amputation',
};

const REGION_WORDS: Record<string, string> = {
  cabeza: 'head', craneo: 'head', nuca: 'head', head: 'head',
  cara: 'face', rostro: 'face', frente: 'face', mejilla: 'face', ceja: 'face', labio: 'face', nariz: 'face', face: 'face',
  oreja: 'ear', orejas: 'ear', ear: 'ear',
  cuello: 'neck', garganta: 'neck', neck: 'neck',
  hombro: 'shoulder', hombros: 'shoulder', shoulder: 'shoulder',
  pecho: 'chest', torax: 'chest', chest: 'chest', seno: 'chest', pectoral: 'chest',
  abdomen: 'abdomen', vientre: 'abdomen', estomago: 'abdomen', panza: 'abdomen', ombligo: 'abdomen', abdominal: 'abdomen',
  costado: 'flank', costilla: 'flank', costillas: 'flank', flank: 'flank',
  espalda: 'back', omoplato: 'back', back: 'back',
  biceps: 'upper_arm', 'upper_arm': 'upper_arm',
  codo: 'elbow', elbow: 'elbow',
  antebrazo: 'forearm', forearm: 'forearm',
  muñeca: 'wrist', wrist: 'wrist',
  mano: 'hand', manos: 'hand', hand: 'hand', palma: 'hand', nudillos: 'hand',
  dedo: 'finger', dedos: 'finger', finger: 'finger',
  cadera: 'hip', hip: 'hip',
  gluteo: 'buttock', nalga: 'buttock', buttock: 'buttock',
  muslo: 'thigh', thigh: 'thigh',
  rodilla: 'knee', knee: 'knee',
  pantorrilla: 'lower_leg', espinilla: 'lower_leg', tibia: 'lower_leg', chamorro: 'lower_leg',
  tobillo: 'ankle', ankle: 'ankle',
  pie: 'foot', pies: 'foot', foot: 'foot',
  brazo: 'arm', brazos: 'arm', arm: 'arm',
  pierna: 'leg', piernas: 'leg', leg: 'leg',
};
// Two-word forms: "parte superior del brazo", "upper arm", "lower leg".
const REGION_PHRASES: ReadonlyArray<readonly [RegExp, string]> = [
  [/\b(brazo superior|parte superior del brazo|upper arm)\b/, 'upper_arm'],
  [/\b(lower leg|parte baja de la pierna)\b/, 'lower_leg'],
];

const SIDE_WORDS: Record<string, number> = {
  izquierdo: 1, izquierda: 1, izq: 1, izqdo: 1, izqda: 1, izda: 1, izdo: 1, left: 1, siniestro: 1,
  derecho: 2, derecha: 2, der: 2, dcho: 2, dcha: 2, dere: 2, right: 2, diestro: 2,
  central: 3, centro: 3, medio: 3, center: 3, centre: 3,
};

/** Canonical motifs and their spellings. The canonical word is what evidence shows. */
const MOTIF_WORDS: Record<string, string> = {
  rosa: 'rosa', rosas: 'rosa', rose: 'rosa', flor: 'flor', flores: 'flor', flower: 'flor',
  corazon: 'corazon', corazones: 'corazon', heart: 'corazon',
  cruz: 'cruz', cruces: 'cruz', crucifijo: 'cruz', cross: 'cruz',
  virgen: 'virgen', guadalupana: 'virgen', guadalupe: 'virgen', virgin: 'virgen',
  calavera: 'calavera', calaveras: 'calavera', craneos: 'calavera', skull: 'calavera',
  estrella: 'estrella', estrellas: 'estrella', star: 'estrella',
  mariposa: 'mariposa', mariposas: 'mariposa', butterfly: 'mariposa',
  dragon: 'dragon', aguila: 'aguila', eagle: 'aguila',
  serpiente: 'serpiente', vibora: 'serpiente', vivora: 'serpiente', culebra: 'serpiente', snake: 'serpiente',
  leon: 'leon', lion: 'leon', tigre: 'tigre', tiger: 'tigre', jaguar: 'jaguar', lobo: 'lobo', wolf: 'lobo',
  alas: 'alas', ala: 'alas', wings: 'alas', angel: 'angel', angelito: 'angel',
  rosario: 'rosario', corona: 'corona', crown: 'corona', ancla: 'ancla', anchor: 'ancla',
  luna: 'luna', moon: 'luna', sol: 'sol', sun: 'sol', tribal: 'tribal',
  letras: 'letras', letra: 'letras', leyenda: 'letras', frase: 'letras', lettering: 'letras',
  nombre: 'nombre', nombres: 'nombre', iniciales: 'iniciales', fecha: 'fecha', numero: 'numero', numeros: 'numero',
  santa: 'santa_muerte', muerte: 'santa_muerte',
  paloma: 'paloma', dove: 'paloma', telaraña: 'telaraña', telarana: 'telaraña',
  reloj: 'reloj', clock: 'reloj', dados: 'dados', cristo: 'cristo', jesucristo: 'cristo',
  payaso: 'payaso', payasos: 'payaso', ojo: 'ojo', ojos: 'ojo',
  escorpion: 'alacran', alacran: 'alacran', scorpion: 'alacran',
  pluma: 'pluma', plumas: 'pluma', hoja: 'hoja', marihuana: 'hoja', bandera: 'bandera', flag: 'bandera',
  pez: 'pez', delfin: 'delfin', colibri: 'colibri', quetzal: 'quetzal', gallo: 'gallo', caballo: 'caballo',
  pistola: 'arma', arma: 'arma', cuchillo: 'arma', daga: 'arma', puñal: 'arma',
  mano: '', manos: '', // a region, not a motif (kept here so fuzzy lookup does not steal it)
  ms: 'ms13', mara: 'ms13', salvatrucha: 'ms13', barrio: 'barrio18', dieciocho: 'barrio18',
  lagrima: 'lagrima', lagrimas: 'lagrima', tear: 'lagrima',
  infinito: 'infinito', mandala: 'mandala', buho: 'buho', tecolote: 'buho',
};

/** Motifs common enough that agreeing on them is weak evidence (used when no frequency table is attached). */
export const COMMON_MOTIFS: ReadonlySet<string> = new Set([
  'rosa', 'flor', 'corazon', 'cruz', 'virgen', 'estrella', 'letras', 'nombre', 'calavera', 'mariposa', 'tribal',
]);

const STOP = new Set([
  'de', 'del', 'la', 'las', 'el', 'los', 'en', 'con', 'y', 'a', 'al', 'un', 'una', 'unos', 'unas', 'que', 'dice', 'se',
  'lee', 'parte', 'region', 'zona', 'lado', 'cara', 'of', 'on', 'the', 'with', 'and', 'in', 'an', 'a', 'sobre', 'tipo',
  'color', 'negro', 'negra', 'tinta', 'azul', 'aprox', 'cm', 'aproximadamente', 'pequeño', 'pequeña', 'grande', 'small',
  'large', 'por', 'para', 'su', 'sus', 'o', 'u', 'forma', 'figura', 'dibujo', 'diseño', 'posterior', 'anterior',
  'superior', 'inferior', 'externa', 'interna', 'cara', 'tercio', 'proximal', 'distal', 'visible', 'presenta',
  'antigua', 'reciente', 'seña', 'señas', 'particular', 'particulares', 'marca', 'tiene', 'lleva',
]);

interface VocabHit {
  kind: 'type' | 'region' | 'side' | 'motif' | 'none';
  value: string;
}

const VOCAB: Array<{ word: string; hit: VocabHit }> = [];
const EXACT = new Map<string, VocabHit>();
for (const [w, v] of Object.entries(TYPE_WORDS)) EXACT.set(w, { kind: 'type', value: v });
for (const [w, v] of Object.entries(REGION_WORDS)) EXACT.set(w, { kind: 'region', value: v });
for (const [w, v] of Object.entries(SIDE_WORDS)) EXACT.set(w, { kind: 'side', value: String(v) });
for (const [w, v] of Object.entries(MOTIF_WORDS)) if (!EXACT.has(w)) EXACT.set(w, v ? { kind: 'motif', value: v } : { kind: 'none', value: '' });
for (const [word, hit] of EXACT) if (word.length >= 4) VOCAB.push({ word, hit });

let fuse: Fuse<{ word: string; hit: VocabHit }> | null = null;
const fuzzyMemo = new Map<string, VocabHit | null>();

/** Vocabulary meaning of one folded word: exact first, then fuse.js with a strict threshold (memoised). */
export function lookupWord(word: string): VocabHit | null {
  const exact = EXACT.get(word);
  if (exact) return exact;
  if (word.length < 5 || STOP.has(word)) return null;
  const memo = fuzzyMemo.get(word);
  if (memo !== undefined) return memo;
  fuse ??= new Fuse(VOCAB, { keys: ['word'], includeScore: true, threshold: 0.25, ignoreLocation: true, minMatchCharLength: 3 });
  const res = fuse.search(word, { limit: 1 });
  let hit: VocabHit | null = null;
  if (res.length > 0 && (res[0].score ?? 1) <= 0.25) {
    const cand = res[0].item;
    // Guard against partial matches: lengths must be close.
    if (Math.abs(cand.word.length - word.length) <= 2) hit = cand.hit;
  }
  if (fuzzyMemo.size > 50_000) fuzzyMemo.clear();
  fuzzyMemo.set(word, hit);
  return hit;
}

const TYPE_INDEX = new Map<string, number>(MARK_TYPES.map((t, i) => [t, i]));
const REGION_INDEX = new Map<string, number>(REGIONS.map((r, i) => [r, i]));
const GENERIC_REGIONS = new Set<string>(['arm', 'leg']);
const SIDE_INDEX: Record<string, number> = { left: 1, right: 2, center: 3 };

export function regionIndex(region: string | null | undefined): number {
  if (!region) return 0;
  const direct = REGION_INDEX.get(region);
  if (direct !== undefined) return direct;
  const f = fold(region);
  const viaWord = REGION_WORDS[f];
  return viaWord ? (REGION_INDEX.get(viaWord) ?? 0) : 0;
}

function sortedIds(values: Iterable<number>): Int32Array {
  return Int32Array.from(new Set(values)).sort();
}

/** Light Spanish stemming for content words: plural and gender endings off ("tatuadas" → "tatuad"). */
function stem(word: string): string {
  let w = word;
  if (w.length > 4 && w.endsWith('es')) w = w.slice(0, -2);
  else if (w.length > 3 && w.endsWith('s')) w = w.slice(0, -1);
  if (w.length > 3 && (w.endsWith('a') || w.endsWith('o'))) w = w.slice(0, -1);
  return w;
}

/**
 * Prepares one mark. Structured fields win; the description fills what they leave empty and always supplies
 * motifs, words and tattoo names.
 */
export function prepareMark(mark: MatchMark): PreparedMark {
  let type = TYPE_INDEX.get(mark.type) ?? 0;
  if (mark.type === 'other') type = 0; // "other" is what free-text forensic rows carry: let the text decide
  // A bodyRegion of "other" says only that the form had no better box: the description decides, as for the type.
  let region = mark.bodyRegion === 'other' ? 0 : regionIndex(mark.bodyRegion ?? null);
  let side = mark.side ? (SIDE_INDEX[mark.side] ?? 0) : 0;
  const motifs: number[] = [];
  const contentWords: number[] = [];
  const names: number[] = [];
  const text = fold(mark.description ?? '');
  if (text) {
    if (region === 0) {
      for (const [re, r] of REGION_PHRASES) if (re.test(text)) region = REGION_INDEX.get(r) ?? 0;
    }
    const quoted = /["“”«»]([^"“”«»]+)["“”«»]/.exec(mark.description ?? '');
    const mentionsName = /\b(nombre|nombres|dice|leyenda|letras|name|iniciales)\b/.test(text) || quoted !== null;
    let regionFromText = 0;
    for (const w of text.split(' ')) {
      if (!w || STOP.has(w)) continue;
      const hit = lookupWord(w);
      if (hit) {
        if (hit.kind === 'type' && type === 0) type = TYPE_INDEX.get(hit.value) ?? 0;
        else if (hit.kind === 'region') {
          const r = REGION_INDEX.get(hit.value) ?? 0;
          // The most specific region word wins ("antebrazo" over "brazo").
          if (regionFromText === 0 || (GENERIC_REGIONS.has(REGIONS[regionFromText]) && !GENERIC_REGIONS.has(hit.value))) regionFromText = r;
        } else if (hit.kind === 'side' && side === 0) side = Number(hit.value);
        else if (hit.kind === 'motif') {
          motifs.push(INTERN.id(`motif:${hit.value}`));
          contentWords.push(INTERN.id(`w:${hit.value}`));
        }
        continue;
      }
      if (w.length <= 2 || /^\d+$/.test(w)) continue;
      if (mentionsName && KNOWN_GIVEN_NAMES.has(w)) names.push(INTERN.id(`n:${w}`));
      else if (mentionsName && w.length >= 3 && quoted && fold(quoted[1]).split(' ').includes(w)) names.push(INTERN.id(`n:${w}`));
      contentWords.push(INTERN.id(`w:${stem(w)}`));
    }
    if (region === 0) region = regionFromText;
  }
  if (names.length > 0) motifs.push(INTERN.id('motif:nombre'));
  return { type, region, side, motifs: sortedIds(motifs), words: sortedIds(contentWords), names: sortedIds(names) };
}

export function motifName(id: number): string {
  return INTERN.value(id).replace(/^motif:/, '');
}
