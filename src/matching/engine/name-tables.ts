/**
 * Name stock used by the engine (known given names for the diminutive rule, a fallback surname frequency table)
 * and by the synthetic generator (sampling). Values are facts transcribed from the shared reference tables of
 * Mexican and Guatemalan names; the frequency weights beyond the published counts are this project's own rough
 * extrapolation (a Zipf tail from the last published count), documented in docs/matching.md.
 */
import { fold } from './text.js';

export const GIVEN_MALE_MX: readonly string[] = 'José|Juan|Luis|Manuel|Antonio|Jesús|Carlos|Francisco|Alberto|Jorge|Miguel|Ángel|Javier|Alejandro|Enrique|Víctor|Arturo|César|Fernando|Pedro|Martín|Roberto|Eduardo|Mario|Armando|Sergio|Raúl|Alfredo|Rafael|Ricardo|Guillermo|Gerardo|Daniel|José Luis|Salvador|Agustín|David|Ramón|Héctor|Rubén|José Antonio|Jaime|Juan Carlos|Ignacio|Andrés|José Manuel|Marco Antonio|Pablo|Julio|Gustavo|José María|Fidel|Rodrigo|Julio César|Vicente|Óscar|Joaquín|Rogelio|Samuel|Ernesto|Gilberto|René|Ismael|Edgar|Bernardo|Omar|Felipe|Gabriel|José Guadalupe|Benjamín|Gregorio|Israel|Rigoberto|Saúl|Diego|Tomás|Abel|Federico|Adán|Marcos|Lucio|Juan José|Mauricio|Reyes|Santiago|Gonzalo|Esteban|Noé|Isaac|José Jesús|Cristóbal|Octavio|Pascual'.split('|');

export const GIVEN_FEMALE_MX: readonly string[] = 'María|Guadalupe|Rosa|Martha|Ana|Patricia|Leticia|Elena|Laura|Elizabeth|Isabel|Alicia|Margarita|Luz|Angélica|Claudia|Silvia|Norma|Juana|Gabriela|Adriana|Verónica|Teresa|Alejandra|Alma|Beatriz|María del Carmen|Yolanda|Blanca|Josefina|Irma|Carmen|Gloria|Susana|Sandra|Juanita|Dolores|María Elena|Rocío|Raquel|Francisca|Cristina|María Luisa|Concepción|Rosario|Araceli|Lilia|María Guadalupe|Reyna|Lucía|Mónica|Esther|Maricela|Graciela|Mayra|María de Jesús|Esperanza|Hilda|Irene|Lorena|Cecilia|María de los Ángeles|Lidia|Sara|Bertha|Olivia|Sonia|María Isabel|Catalina|Maribel|Erika|Virginia|María Teresa|Delia|Liliana|Elvira|Soledad|Lourdes|Sofía|Rosalba|Victoria|Antonia|María del Rosario|Karla|Amelia|Nancy|María de Lourdes|Mariana|Celia|Nora|Olga|Elsa|Miriam|María José|Aurora|Eva|Marisol|Judith|Andrea|Elvia'.split('|');

/** Names frequent among newborns (2019–2021): used for minors. */
export const GIVEN_MALE_YOUNG: readonly string[] = 'Santiago|Mateo|Sebastián|Leonardo|Matías|Emiliano|Diego|Miguel Ángel|Daniel|Alexander'.split('|');
export const GIVEN_FEMALE_YOUNG: readonly string[] = 'Sofía|María José|Valentina|Ximena|Regina|Camila|María Fernanda|Valeria|Renata|Victoria'.split('|');

/** Guatemala: the published RENAP leaders, then names typical of rural and Maya Guatemala. */
export const GIVEN_MALE_GT: readonly string[] = 'José|Juan|Carlos|Luis|Pedro|Diego|Pascual|Sebastián|Jacinto|Domingo|Mateo|Lucas|Tomás|Bernabé|Jerónimo|Gaspar|Baltazar|Francisco|Miguel|Manuel|Marvin|Edwin|Byron|Santos'.split('|');
export const GIVEN_FEMALE_GT: readonly string[] = 'María|Ana|Juana|Rosa|Marta|Catarina|Micaela|Candelaria|Magdalena|Petrona|Francisca|Manuela|Isabel|Lucía|Sandra|Heidy|Glenda|Ingrid'.split('|');

/** Given names that also serve as surnames in Huehuetenango. */
export const GIVEN_AS_SURNAME_GT: readonly string[] = 'Diego|Pedro|Pascual|Sebastián|Jacinto|Domingo|Mateo|Lucas|Tomás|Jerónimo|Pablo|Gaspar'.split('|');

/** Mexico: surname and relative weight (INEGI birth-registration counts for the top 20, Zipf tail after). */
const MX_TOP20: ReadonlyArray<readonly [string, number]> = [
  ['Hernández', 671972], ['García', 458788], ['Martínez', 447073], ['López', 412247], ['González', 352650],
  ['Pérez', 332048], ['Rodríguez', 293473], ['Sánchez', 288543], ['Ramírez', 258411], ['Cruz', 204640],
  ['Flores', 180789], ['Gómez', 180490], ['Morales', 148507], ['Vázquez', 145267], ['Jiménez', 141357],
  ['Reyes', 141101], ['Torres', 128564], ['Díaz', 125406], ['Gutiérrez', 112952], ['Mendoza', 100987],
];
const MX_21_100 = 'Ruiz|Aguilar|Castillo|Ortiz|Moreno|Rivera|Ramos|Romero|Álvarez|Juárez|Chávez|Méndez|Herrera|Domínguez|Medina|Castro|Guzmán|Vargas|Velázquez|Salazar|Ortega|Rojas|Cortés|Guerrero|Santiago|Contreras|Bautista|Estrada|Luna|Lara|Ríos|Ávila|Alvarado|Soto|Delgado|Silva|De la Cruz|Solís|Carrillo|Cervantes|León|Márquez|Fernández|Sandoval|Vega|Espinosa|Mejía|Campos|Nava|Cabrera|Ibarra|Santos|Espinoza|Acosta|Valdez|Rosas|Maldonado|Camacho|Fuentes|Muñoz|Miranda|Molina|Robles|Meza|Trejo|Rosales|Pacheco|Navarro|Salgado|Aguirre|Salas|Cárdenas|Sosa|Orozco|Vásquez|Serrano|Valenzuela|Velasco|Pineda|Rangel'.split('|');

export const SURNAMES_MX: ReadonlyArray<readonly [string, number]> = [
  ...MX_TOP20,
  ...MX_21_100.map((s, i) => [s, Math.round(100987 * (20 / (21 + i)))] as const),
  // Yucatec Maya surnames (INE 2016 counts, a different base: scaled down to births-equivalent)
  ['Chan', 15000], ['Pech', 13000], ['Canul', 10000], ['May', 10000], ['Canché', 9000], ['Dzul', 7000], ['Poot', 6500],
];

/** Guatemala: published RENAP persons for the top 3; the rest of the top 10 assumed 300k→150k; Maya stock ~25k. */
export const SURNAMES_GT: ReadonlyArray<readonly [string, number]> = [
  ['López', 1700000], ['Pérez', 1200000], ['García', 850000], ['Hernández', 400000], ['Morales', 350000],
  ['Ramírez', 320000], ['Gómez', 300000], ['González', 280000], ['Vásquez', 260000], ['Caal', 200000],
  ['Chávez', 150000], ['Méndez', 120000], ['Cruz', 110000], ['Ramos', 100000], ['Díaz', 90000], ['Orozco', 60000],
  ['Castillo', 80000], ['Reyes', 80000], ['Velásquez', 70000], ['Pop', 60000], ['Choc', 50000], ['Xol', 45000],
  ['Coc', 45000], ['Tzul', 30000], ['Tzoc', 25000], ['Ajú', 20000], ['Ixcoy', 15000], ['Sic', 25000], ['Batz', 25000],
  ['Puac', 20000], ['Ajanel', 12000], ['Xum', 15000], ['Guarchaj', 15000], ['Tzep', 10000], ['Chavajay', 12000],
  ['Tziná', 6000], ['Cholotio', 5000], ['Us', 12000], ['Sanik', 6000], ['Cuc', 20000], ['Umul', 5000],
  ['Cumatz', 8000], ['Quej', 15000], ['Balam', 10000], ['Tum', 15000], ['Xicay', 8000], ['Xiquin', 8000],
  ['Racancoj', 4000], ['Ajcac', 4000], ['Ajxup', 4000], ['Tzunún', 6000], ['Maquín', 15000], ['Xitimul', 3000],
  ['Tot', 15000], ['Rax', 10000], ['Quiej', 6000], ['Diego', 20000], ['Pascual', 25000], ['Mateo', 20000],
  ['Lucas', 15000], ['Tomás', 15000], ['Jerónimo', 12000], ['Pablo', 10000],
];

/**
 * Spellings of Maya surnames seen or plausible after a registrar wrote what they heard
 * (orthography-driven variants; used only to inject errors in synthetic data).
 */
export const MAYA_SURNAME_VARIANTS: Readonly<Record<string, readonly string[]>> = {
  Caal: ['Cal', 'Kaal'], Xol: ['Shol', 'Xool'], Coc: ['Cok', 'Kok'], Choc: ['Chok', 'Choq'], Pop: ['Pob'],
  Tot: ['Toot'], Rax: ['Ras', 'Rash'], Tzul: ['Tsul', 'Zul'], Tzoc: ['Tzok', 'Tsoc'], Ajú: ['Aju', 'Ahú'],
  Ixcoy: ['Ixcoi', 'Ixkoy', 'Ishcoy'], Sic: ['Sik', 'Zic'], Batz: ['Bats'], Puac: ['Puak'], Ajanel: ['Ahanel'],
  Xum: ['Shum'], Guarchaj: ['Warchaj', 'Guarchah'], Tzep: ['Tsep'], Chavajay: ['Chabajay', 'Chavajai'],
  Tziná: ['Tzina'], Us: ['Uz'], Sanik: ['Sanic', 'Saniq'], Cuc: ['Kuk', 'Cuk'], Cumatz: ['Kumatz', 'Cumats'],
  Quej: ['Kej', 'Quiej'], Balam: ['Balan'], Tum: ['Tun'], Xicay: ['Xicai', 'Shicay'], Xiquin: ['Shiquin'],
  Racancoj: ['Recancoj'], Ajcac: ['Ajkak'], Ajxup: ['Ajshup'], Tzunún: ['Tzunun'], Maquín: ['Makin'],
  Xitimul: ['Shitimul'],
};

export const KNOWN_GIVEN_NAMES: ReadonlySet<string> = new Set(
  [
    ...GIVEN_MALE_MX, ...GIVEN_FEMALE_MX, ...GIVEN_MALE_YOUNG, ...GIVEN_FEMALE_YOUNG, ...GIVEN_MALE_GT, ...GIVEN_FEMALE_GT,
    'Rosa', 'Pedro', 'Juan', 'Juana', 'Pablo', 'Rosalía', 'Emilio', 'Eugenia', 'Lorenzo', 'Narciso', 'Consuelo',
  ].flatMap((n) => fold(n).split(' ').filter((w) => w.length > 2)),
);
