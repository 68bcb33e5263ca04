/**
 * Nickname (hipocorístico) dictionary: nickname → every given name it can stand for.
 *
 * Built for this project from the shared compilation of Spanish hypocorisms (Mexico/Guatemala oriented). One
 * nickname may stand for several names (Beto → Alberto, Roberto, Humberto, …); each entry lists them all. Pure
 * descriptive apodos (Güero, Flaco, Chino) are not derivable from a name and are deliberately absent, as are
 * written abbreviations (Ma., Fco.), which normalize.ts expands instead.
 *
 * Besides the table, a productive diminutive rule is applied: -ito/-ita/-cito/-cita/-illo/-illa on a word
 * whose base is a known given name (Juanito → Juan, Rosita → Rosa, Pedrito → Pedro).
 */
import { fold, nVariant } from './text.js';
import { KNOWN_GIVEN_NAMES } from './name-tables.js';

/** nickname: canonical names separated by '|'. Written with accents; folded when the index is built. */
const NICKNAME_ROWS: ReadonlyArray<readonly [string, string]> = [
  ['Fito', 'Adolfo'],
  ['Beto', 'Alberto|Roberto|Humberto|Adalberto|Heriberto|Gilberto|Rigoberto|Norberto'],
  ['Tito', 'Alberto'],
  ['Bertín', 'Alberto'],
  ['Poncho', 'Alfonso'],
  ['Fredo', 'Alfredo'],
  ['Freddy', 'Alfredo'],
  ['Tacho', 'Anastasio'],
  ['Gelo', 'Ángel'],
  ['Toño', 'Antonio'],
  ['Tony', 'Antonio'],
  ['Poli', 'Apolinar'],
  ['Mando', 'Armando'],
  ['Chilo', 'Auxilio|Basilio|Isidro'],
  ['Benja', 'Benjamín'],
  ['Mincho', 'Benjamín'],
  ['Bartolo', 'Bartolomé'],
  ['Carlitos', 'Carlos'],
  ['Charly', 'Carlos'],
  ['Cacho', 'Carlos'],
  ['Juanca', 'Juan Carlos'],
  ['Lalo', 'Eduardo|Eleazar'],
  ['Milo', 'Emilio'],
  ['Quique', 'Enrique'],
  ['Kike', 'Enrique'],
  ['Neto', 'Ernesto'],
  ['Cheque', 'Ezequiel'],
  ['Fede', 'Federico'],
  ['Quico', 'Federico|Francisco'],
  ['Nando', 'Fernando'],
  ['Fer', 'Fernando'],
  ['Lencho', 'Florencio|Lorenzo'],
  ['Paco', 'Francisco'],
  ['Pancho', 'Francisco'],
  ['Chicho', 'Francisco|Narciso'],
  ['Kiko', 'Francisco'],
  ['Curro', 'Francisco'],
  ['Chico', 'Francisco'],
  ['Chalo', 'Gonzalo'],
  ['Goyo', 'Gregorio'],
  ['Lupe', 'Guadalupe'],
  ['Lupillo', 'Guadalupe'],
  ['Lupita', 'Guadalupe'],
  ['Memo', 'Guillermo'],
  ['Willy', 'Guillermo'],
  ['Tavo', 'Gustavo|Octavio'],
  ['Tabo', 'Gustavo'],
  ['Teto', 'Héctor'],
  ['Lacho', 'Horacio'],
  ['Nacho', 'Ignacio'],
  ['Chencho', 'Inocencio'],
  ['Javi', 'Javier'],
  ['Chuy', 'Jesús'],
  ['Chucho', 'Jesús'],
  ['Chus', 'Jesús'],
  ['Chuo', 'Jesús'],
  ['Chumilo', 'Jesús Emilio'],
  ['Chimo', 'Joaquín'],
  ['Coque', 'Jorge'],
  ['Koke', 'Jorge'],
  ['Pepe', 'José'],
  ['Chepe', 'José'],
  ['Chemo', 'José'],
  ['Chema', 'José María'],
  ['Josema', 'José María'],
  ['Juanga', 'Juan Gabriel'],
  ['Juanma', 'Juan Manuel'],
  ['Juanjo', 'Juan José'],
  ['Huicho', 'Luis'],
  ['Lucho', 'Luis'],
  ['Luismi', 'Luis Miguel'],
  ['Manolo', 'Manuel'],
  ['Lolo', 'Manuel'],
  ['Manu', 'Manuel'],
  ['Migue', 'Miguel'],
  ['Moi', 'Moisés'],
  ['Perico', 'Pedro'],
  ['Pete', 'Pedro'],
  ['Rafa', 'Rafael'],
  ['Moncho', 'Ramón'],
  ['Cuco', 'Refugio'],
  ['Mundo', 'Raymundo'],
  ['Rigo', 'Rigoberto'],
  ['Ricky', 'Ricardo'],
  ['Richi', 'Ricardo'],
  ['Ruy', 'Rodrigo'],
  ['Chava', 'Salvador'],
  ['Chago', 'Santiago'],
  ['Chano', 'Sebastián'],
  ['Checo', 'Sergio'],
  ['Chejo', 'Sergio'],
  ['Chente', 'Vicente'],
  ['Mingo', 'Domingo'],
  ['Maxi', 'Maximiliano'],
  ['Jero', 'Jerónimo'],
  ['Gabo', 'Gabriel'],
  ['Ale', 'Alejandra|Alejandro'],
  ['Álex', 'Alejandro'],
  ['Jandro', 'Alejandro'],
  ['Licha', 'Alicia'],
  ['Toña', 'Antonia'],
  ['Chon', 'Asunción'],
  ['Chona', 'Asunción|Concepción|Encarnación'],
  ['Asun', 'Asunción'],
  ['Beti', 'Beatriz'],
  ['Tichi', 'Beatriz'],
  ['Caro', 'Carolina'],
  ['Chila', 'Cecilia'],
  ['Ceci', 'Cecilia'],
  ['Concha', 'Concepción'],
  ['Conchita', 'Concepción'],
  ['Conchis', 'Concepción'],
  ['Chelo', 'Consuelo'],
  ['Lola', 'Dolores'],
  ['Loli', 'Dolores'],
  ['Eli', 'Elizabeth'],
  ['Ely', 'Elizabeth'],
  ['Liz', 'Elizabeth'],
  ['Lancha', 'Esperanza'],
  ['Maru', 'Eugenia|María Eugenia'],
  ['Lencha', 'Florencia'],
  ['Pancha', 'Francisca'],
  ['Paca', 'Francisca'],
  ['Paquita', 'Francisca'],
  ['Gaby', 'Gabriela'],
  ['Chela', 'Graciela|Marcela'],
  ['Mina', 'Guillermina'],
  ['Guille', 'Guillermina'],
  ['Tencha', 'Hortensia'],
  ['Chabela', 'Isabel'],
  ['Chavela', 'Isabel'],
  ['Isa', 'Isabel'],
  ['Pepa', 'Josefa'],
  ['Chepa', 'Josefa'],
  ['Chepina', 'Josefina'],
  ['Leti', 'Leticia'],
  ['Lety', 'Leticia'],
  ['Lulú', 'Lourdes'],
  ['Luchi', 'Luz'],
  ['Luzma', 'Luz María'],
  ['Marilú', 'María de la Luz'],
  ['Magda', 'Magdalena'],
  ['Mago', 'Margarita'],
  ['Rita', 'Margarita'],
  ['Mari', 'María'],
  ['Malena', 'María Elena'],
  ['Maribel', 'María Isabel'],
  ['Marisa', 'María Luisa'],
  ['Marisol', 'María Soledad'],
  ['Maite', 'María Teresa'],
  ['Majo', 'María José'],
  ['Mafe', 'María Fernanda'],
  ['Cuca', 'María del Refugio|Refugio'],
  ['Coco', 'Socorro'],
  ['Meche', 'Mercedes'],
  ['Merche', 'Mercedes'],
  ['Paty', 'Patricia'],
  ['Chío', 'Rocío'],
  ['Chayo', 'Rosario'],
  ['Charo', 'Rosario'],
  ['Chole', 'Soledad'],
  ['Susi', 'Susana'],
  ['Tere', 'Teresa'],
  ['Vero', 'Verónica'],
  ['Pili', 'Pilar'],
  // Common hypocorisms the shared compilation lacks (general knowledge; added after the independent data set of
  // docs/matching-independent-check.md met them as unknown nicknames). Each is in everyday use in Mexico or
  // Guatemala; one that can stand for several names lists them all.
  ['Chabe', 'Isabel'],
  ['Cheo', 'José|Eusebio'],
  ['Güicho', 'Luis'],
  ['Wicho', 'Luis'],
  ['Juancho', 'Juan'],
  ['Jando', 'Alejandro'],
  ['Alex', 'Alejandro|Alexander|Alexis'],
  ['Gil', 'Gilberto'],
  ['Meme', 'Guillermo|Manuel'],
  ['Walt', 'Walter'],
  ['Bety', 'Beatriz'],
  ['Cris', 'Cristina|Cristian|Cristóbal'],
  ['Tina', 'Cristina|Agustina|Martina|Ernestina'],
  ['Magui', 'Margarita'],
  ['Cata', 'Catalina|Catarina'],
  ['Lina', 'Carolina|Adelina|Paulina'],
  ['Pina', 'Josefina|Agripina'],
];

/** Words inside a canonical that carry no identity on their own ("María de la Luz" → maria, luz). */
const FILLER = new Set(['de', 'del', 'la', 'las', 'los', 'y']);

const INDEX = new Map<string, string[]>();
for (const [nick, canon] of NICKNAME_ROWS) {
  const words = new Set<string>();
  for (const name of canon.split('|')) {
    for (const w of fold(name).split(' ')) if (w && !FILLER.has(w)) words.add(w);
  }
  for (const key of new Set([fold(nick), nVariant(fold(nick))])) {
    const prev = INDEX.get(key) ?? [];
    INDEX.set(key, [...new Set([...prev, ...words])]);
  }
}

/** Canonical given-name words a nickname stands for ([] when the word is not a known nickname). */
export function nicknameCanonicals(foldedWord: string): readonly string[] {
  return INDEX.get(foldedWord) ?? [];
}

export function isKnownNickname(foldedWord: string): boolean {
  return INDEX.has(foldedWord);
}

/** All nicknames whose canonicals include this folded given name (used by the synthetic generator). */
export function nicknamesFor(foldedName: string): string[] {
  const out: string[] = [];
  for (const [nick, canon] of NICKNAME_ROWS) {
    if (canon.split('|').some((c) => fold(c) === foldedName)) out.push(nick);
  }
  return out;
}

const DIMINUTIVE = /^(.{3,}?)(c?it[oa]|ill[oa])$/;

/** Given names reachable through the diminutive rule (Juanito → juan; Rosita → rosa), only known names. */
export function diminutiveBases(foldedWord: string): string[] {
  const m = DIMINUTIVE.exec(foldedWord);
  if (!m) return [];
  const stem = m[1];
  const gender = m[2].endsWith('a') ? 'a' : 'o';
  const out: string[] = [];
  for (const cand of [stem, stem + gender, stem + 'e']) {
    if (cand !== foldedWord && KNOWN_GIVEN_NAMES.has(cand)) out.push(cand);
  }
  return out;
}

/**
 * Canonical forms of one given-name word: itself, the names it is a nickname of, and diminutive bases.
 */
export function canonicalGivenForms(foldedWord: string): string[] {
  const out = new Set<string>([foldedWord]);
  for (const c of nicknameCanonicals(foldedWord)) out.add(c);
  for (const c of diminutiveBases(foldedWord)) out.add(c);
  return [...out];
}

export const NICKNAME_COUNT = INDEX.size;
