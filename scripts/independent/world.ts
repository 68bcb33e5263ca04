/**
 * Independent synthetic data set — the "world": names, places, marks and identifiers, written from the domain
 * notes (facts only) without looking at the service's own generator. Pure data plus a seeded RNG.
 *
 * Weights are rough relative frequencies (my own reading of the domain: a few names carry a large share of the
 * population, which is what makes homonymy in Mexico and Guatemala extreme). Names are written as families
 * write them, with accents; the corruption channels (channels.ts) damage them.
 */
import { Rng as BaseRng } from '../../src/matching/synthetic/rng.js';

/**
 * The seeded RNG is the service's (sfc32 through splitmix32, src/matching/synthetic/rng.ts): sharing a random
 * number generator does not make the data sets less independent; what they generate is written apart.
 */
export class Rng extends BaseRng {
  exp(mean: number): number {
    return -mean * Math.log(1 - this.next());
  }
}

/** A list with Zipf-like weights by position (first = most common): weight 1 / (rank + 1)^s. */
export class Zipf<T> {
  private readonly cum: Float64Array;
  constructor(
    readonly items: readonly T[],
    s = 1,
  ) {
    this.cum = new Float64Array(items.length);
    let t = 0;
    items.forEach((_, i) => {
      t += 1 / Math.pow(i + 1, s);
      this.cum[i] = t;
    });
  }
  draw(rng: Rng): T {
    const x = rng.next() * this.cum[this.cum.length - 1];
    let lo = 0;
    let hi = this.cum.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.cum[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    return this.items[lo];
  }
}

export function weighted<T>(rng: Rng, entries: readonly (readonly [T, number])[]): T {
  let total = 0;
  for (const [, w] of entries) total += w;
  let x = rng.next() * total;
  for (const [v, w] of entries) {
    x -= w;
    if (x < 0) return v;
  }
  return entries[entries.length - 1][0];
}

// ---------------------------------------------------------------------------------------------------------------
// Names (ordered roughly from most to least common; my own lists)

export const MX_SURNAMES = new Zipf(
  [
    'Hernández',
    'García',
    'Martínez',
    'López',
    'González',
    'Pérez',
    'Rodríguez',
    'Sánchez',
    'Ramírez',
    'Cruz',
    'Flores',
    'Gómez',
    'Morales',
    'Vázquez',
    'Reyes',
    'Jiménez',
    'Torres',
    'Díaz',
    'Gutiérrez',
    'Ruiz',
    'Mendoza',
    'Aguilar',
    'Ortiz',
    'Moreno',
    'Castillo',
    'Romero',
    'Álvarez',
    'Méndez',
    'Chávez',
    'Rivera',
    'Juárez',
    'Ramos',
    'Domínguez',
    'Herrera',
    'Medina',
    'Castro',
    'Vargas',
    'Guzmán',
    'Velázquez',
    'Muñoz',
    'Rojas',
    'De la Cruz',
    'Contreras',
    'Salazar',
    'Luna',
    'Ortega',
    'Santiago',
    'Guerrero',
    'Estrada',
    'Bautista',
    'Cortés',
    'Soto',
    'Alvarado',
    'Espinoza',
    'Lara',
    'Ávila',
    'Ríos',
    'Cervantes',
    'Silva',
    'Delgado',
    'Vega',
    'Márquez',
    'Sandoval',
    'Carrillo',
    'León',
    'Mejía',
    'Solís',
    'Ibarra',
    'Rosas',
    'Navarro',
    'Peña',
    'Villanueva',
    'Cabrera',
    'Zúñiga',
    'Valdez',
    'Núñez',
    'Ayala',
    'Trejo',
    'Fuentes',
    'Gallegos',
    'Chan',
    'Pech',
    'Canul',
    'May',
    'Dzul',
    'Villalobos',
    'Orozco',
    'Arellano',
    'Quiroz',
    'Escobedo',
    'Xicoténcatl',
    'Olvera',
    'Saucedo',
    'Ibáñez',
    'Yáñez',
    'Argüello',
    'Serrano',
    'Guillén',
    'Becerra',
    'Zavala',
  ],
  0.9,
);

export const GT_SURNAMES = new Zipf(
  [
    'López',
    'Pérez',
    'García',
    'Hernández',
    'Morales',
    'Ramírez',
    'Gómez',
    'González',
    'Vásquez',
    'Caal',
    'Rodríguez',
    'Martínez',
    'Méndez',
    'Castillo',
    'Chávez',
    'Juárez',
    'Cruz',
    'Reyes',
    'Ortiz',
    'Jiménez',
    'Velásquez',
    'Orozco',
    'Ordóñez',
    'Barrios',
    'Fuentes',
    'De León',
    'Escobar',
    'Aguilar',
    'Recinos',
    'Mazariegos',
    'Monterroso',
    'Chacón',
    'Gonzáles',
    'Sánchez',
    'Vicente',
    'Díaz',
    'Alvarado',
    'Figueroa',
    'Girón',
    'Cifuentes',
  ],
  0.85,
);

/** Maya surnames in colonial spelling (Verapaces, Nahualá, Totonicapán, Atitlán, Quiché). */
export const MAYA_SURNAMES = new Zipf(
  [
    'Caal',
    'Coc',
    'Xol',
    'Choc',
    'Pop',
    'Tzoc',
    'Cux',
    'Ajanel',
    'Batz',
    'Chavajay',
    'Xicay',
    'Quej',
    'Tot',
    'Rax',
    'Tiul',
    'Ical',
    'Chub',
    'Bol',
    'Cac',
    'Maquín',
    'Sis',
    'Ixcoy',
    'Chiquín',
    'Tum',
    'Guarchaj',
    'Tzep',
    'Xum',
    'Puac',
    'Calel',
    'Toj',
    'Us',
    'Sanic',
    'Cholotío',
    'Tziná',
    'Chox',
    'Yat',
    'Quiché',
    'Sacor',
    'Ixcot',
    'Tuy',
  ],
  0.6,
);

/** Given names that are also surnames in Huehuetenango (Q'anjob'al, Chuj, Mam areas). */
export const GIVEN_AS_SURNAME = [
  'Pascual',
  'Mateo',
  'Diego',
  'Pedro',
  'Lucas',
  'Tomás',
  'Gaspar',
  'Domingo',
  'Sebastián',
  'Francisco',
  'Andrés',
  'Jerónimo',
  'Juan',
  'Miguel',
];

export const MX_MALE = new Zipf(
  [
    'José',
    'Juan',
    'Luis',
    'Carlos',
    'Jesús',
    'Miguel',
    'Francisco',
    'Antonio',
    'Alejandro',
    'Jorge',
    'Pedro',
    'Manuel',
    'Ricardo',
    'Fernando',
    'Eduardo',
    'Roberto',
    'Rafael',
    'Javier',
    'Raúl',
    'Sergio',
    'Daniel',
    'David',
    'Arturo',
    'Enrique',
    'Guillermo',
    'Alberto',
    'Héctor',
    'Martín',
    'Óscar',
    'Gerardo',
    'Alfredo',
    'Ignacio',
    'Rogelio',
    'Gonzalo',
    'Rodolfo',
    'Ernesto',
    'Armando',
    'Ángel',
    'Jaime',
    'Brandon',
    'Kevin',
    'Diego',
    'Santiago',
    'Emiliano',
    'Humberto',
    'Gilberto',
    'Rigoberto',
    'Alfonso',
    'Xavier',
    'Isidro',
  ],
  0.8,
);
export const MX_FEMALE = new Zipf(
  [
    'María',
    'Guadalupe',
    'Juana',
    'Margarita',
    'Verónica',
    'Leticia',
    'Rosa',
    'Francisca',
    'Patricia',
    'Teresa',
    'Alejandra',
    'Gabriela',
    'Elizabeth',
    'Adriana',
    'Martha',
    'Silvia',
    'Laura',
    'Claudia',
    'Araceli',
    'Norma',
    'Yolanda',
    'Josefina',
    'Socorro',
    'Dolores',
    'Rosario',
    'Concepción',
    'Graciela',
    'Isabel',
    'Mercedes',
    'Consuelo',
    'Beatriz',
    'Cristina',
    'Ximena',
    'Xóchitl',
    'Fernanda',
    'Valeria',
    'Daniela',
    'Karla',
    'Itzel',
    'Yesenia',
  ],
  0.8,
);
export const GT_MALE = new Zipf(
  [
    'José',
    'Juan',
    'Carlos',
    'Luis',
    'Pedro',
    'Francisco',
    'Manuel',
    'Miguel',
    'Jorge',
    'Mario',
    'Julio',
    'Byron',
    'Edwin',
    'Selvin',
    'Marvin',
    'Wilson',
    'Kevin',
    'Erick',
    'Cristian',
    'Elmer',
    'Hugo',
    'Josué',
    'Sebastián',
    'Diego',
    'Santos',
    'Domingo',
    'Tomás',
    'Gaspar',
    'Andrés',
    'Mateo',
    'Pascual',
    'Baltazar',
    'Rigoberto',
    'Otto',
    'Walter',
    'Henry',
    'Nery',
    'Estuardo',
    'Gerson',
    'Brayan',
  ],
  0.8,
);
export const GT_FEMALE = new Zipf(
  [
    'María',
    'Ana',
    'Juana',
    'Rosa',
    'Marta',
    'Elena',
    'Dora',
    'Sandra',
    'Mayra',
    'Gladys',
    'Brenda',
    'Heidy',
    'Lucía',
    'Catarina',
    'Petrona',
    'Candelaria',
    'Micaela',
    'Lidia',
    'Yesenia',
    'Ingrid',
    'Glenda',
    'Sucely',
    'Manuela',
    'Tomasa',
    'Magdalena',
    'Francisca',
    'Sebastiana',
    'Isabel',
    'Delfina',
    'Luz',
  ],
  0.8,
);

/** Second given names for compounds, by sex. "María"/"José" first in a compound is frequent. */
export const SECOND_MALE = [
  'Luis',
  'Antonio',
  'Manuel',
  'Carlos',
  'Ángel',
  'Alberto',
  'Fernando',
  'Alfredo',
  'de Jesús',
  'Enrique',
  'Miguel',
  'Francisco',
  'Eduardo',
  'Rolando',
  'Estuardo',
];
export const SECOND_FEMALE = [
  'Guadalupe',
  'del Carmen',
  'de Jesús',
  'Elena',
  'Fernanda',
  'de los Ángeles',
  'José',
  'Isabel',
  'Luisa',
  'Teresa',
  'Cristina',
  'Alejandra',
  'de Lourdes',
  'Magdalena',
  'del Rosario',
];

/**
 * Nicknames (hypocorísticos) as families and police write them: canonical → nicknames. My own selection from
 * common Mexican/Guatemalan use; some are shared by several names (Beto, Chelo, Lalo), which matters.
 */
export const NICKNAMES: Record<string, string[]> = {
  José: ['Pepe', 'Chepe', 'Cheo'],
  Francisco: ['Pancho', 'Paco', 'Kiko', 'Chico'],
  Guadalupe: ['Lupe', 'Lupita'],
  Jesús: ['Chucho', 'Chuy'],
  Manuel: ['Meme', 'Manolo'],
  Enrique: ['Kike'],
  Alberto: ['Beto'],
  Roberto: ['Beto', 'Robert'],
  Humberto: ['Beto'],
  Gilberto: ['Beto', 'Gil'],
  Rigoberto: ['Rigo', 'Beto'],
  Antonio: ['Toño', 'Tony'],
  Ignacio: ['Nacho'],
  Rosario: ['Chayo'],
  Concepción: ['Conchita', 'Concha', 'Chona'],
  Dolores: ['Lola', 'Lolita'],
  Eduardo: ['Lalo'],
  Gonzalo: ['Chalo'],
  Alfonso: ['Poncho'],
  Luis: ['Güicho', 'Wicho'],
  Santiago: ['Chago'],
  Rogelio: ['Cheo'],
  Graciela: ['Chela'],
  Socorro: ['Coco'],
  Isabel: ['Chabela', 'Chabe'],
  Consuelo: ['Chelo'],
  Mercedes: ['Meche'],
  Josefina: ['Chepa', 'Pina'],
  Ernesto: ['Neto'],
  Rodolfo: ['Fito'],
  Guillermo: ['Memo'],
  Armando: ['Mando'],
  Alejandro: ['Alex', 'Jando'],
  Alejandra: ['Ale'],
  Juan: ['Juancho', 'Juanito'],
  Teresa: ['Tere'],
  Patricia: ['Paty'],
  Beatriz: ['Bety'],
  Cristina: ['Cris', 'Tina'],
  Rafael: ['Rafa'],
  Carlos: ['Charly', 'Carlitos'],
  Margarita: ['Magui', 'Mago'],
  Gabriela: ['Gaby'],
  Fernanda: ['Fer'],
  Fernando: ['Nando', 'Fer'],
  Catarina: ['Cata', 'Lina'],
  Sebastián: ['Chepe', 'Bash'],
  Ana: ['Anita'],
  Elizabeth: ['Eli', 'Liz'],
  Jorge: ['Coque'],
  Pedro: ['Perico'],
  Martha: ['Marthita'],
  Tomás: ['Tomasito'],
  Domingo: ['Mingo'],
  Mario: ['Mayito'],
  Marvin: ['Marvincito'],
  Walter: ['Walt'],
  Brenda: ['Brendi'],
  Magdalena: ['Malena', 'Nena'],
};

// ---------------------------------------------------------------------------------------------------------------
// Places. Coordinates are approximate (±10 km); codes are INEGI state / RENAP department codes.

export interface Town {
  country: 'MX' | 'GT';
  admin1Code: string;
  admin1: string;
  municipality: string;
  lat: number;
  lon: number;
  /** Migrant-route stage: 0 Guatemala, 1 border strip, 2 south Mexico, 3 Gulf/centre, 4 centre-north, 5 US border; -1 off route. */
  stage: number;
  weight: number;
}

const t = (
  country: 'MX' | 'GT',
  admin1Code: string,
  admin1: string,
  municipality: string,
  lat: number,
  lon: number,
  stage: number,
  weight = 1,
): Town => ({
  country,
  admin1Code,
  admin1,
  municipality,
  lat,
  lon,
  stage,
  weight,
});

/** Guatemalan places of origin, weighted by emigration (western highlands heavy). */
export const GT_TOWNS: Town[] = [
  t('GT', '13', 'Huehuetenango', 'Huehuetenango', 15.32, -91.47, 0, 4),
  t('GT', '13', 'Huehuetenango', 'Chiantla', 15.35, -91.46, 0, 2),
  t('GT', '13', 'Huehuetenango', 'Soloma', 15.71, -91.45, 0, 2),
  t('GT', '13', 'Huehuetenango', 'San Pedro Necta', 15.49, -91.77, 0, 1),
  t('GT', '13', 'Huehuetenango', 'Jacaltenango', 15.67, -91.73, 0, 1),
  t('GT', '13', 'Huehuetenango', 'Santa Eulalia', 15.73, -91.46, 0, 1),
  t('GT', '13', 'Huehuetenango', 'La Democracia', 15.63, -91.88, 0, 1),
  t('GT', '09', 'Quetzaltenango', 'Quetzaltenango', 14.83, -91.52, 0, 4),
  t('GT', '09', 'Quetzaltenango', 'Salcajá', 14.88, -91.46, 0, 1),
  t('GT', '09', 'Quetzaltenango', 'Cantel', 14.81, -91.46, 0, 1),
  t('GT', '09', 'Quetzaltenango', 'Coatepeque', 14.7, -91.86, 0, 2),
  t('GT', '12', 'San Marcos', 'San Marcos', 14.96, -91.79, 0, 2),
  t('GT', '12', 'San Marcos', 'Malacatán', 14.91, -92.06, 0, 2),
  t('GT', '12', 'San Marcos', 'Ayutla', 14.68, -92.14, 0, 2),
  t('GT', '12', 'San Marcos', 'Tacaná', 15.24, -92.07, 0, 1),
  t('GT', '12', 'San Marcos', 'Comitancillo', 15.09, -91.75, 0, 1),
  t('GT', '16', 'Alta Verapaz', 'Cobán', 15.47, -90.37, 0, 3),
  t('GT', '16', 'Alta Verapaz', 'San Pedro Carchá', 15.48, -90.31, 0, 2),
  t('GT', '16', 'Alta Verapaz', 'Chisec', 15.81, -90.29, 0, 1),
  t('GT', '14', 'Quiché', 'Santa Cruz del Quiché', 15.03, -91.15, 0, 2),
  t('GT', '14', 'Quiché', 'Chichicastenango', 14.94, -91.11, 0, 2),
  t('GT', '14', 'Quiché', 'Nebaj', 15.4, -91.15, 0, 1),
  t('GT', '08', 'Totonicapán', 'Totonicapán', 14.91, -91.36, 0, 2),
  t('GT', '08', 'Totonicapán', 'Momostenango', 15.04, -91.41, 0, 1),
  t('GT', '07', 'Sololá', 'Nahualá', 14.84, -91.32, 0, 1),
  t('GT', '07', 'Sololá', 'Santiago Atitlán', 14.64, -91.23, 0, 1),
  t('GT', '01', 'Guatemala', 'Guatemala', 14.63, -90.51, 0, 5),
  t('GT', '01', 'Guatemala', 'Mixco', 14.63, -90.61, 0, 2),
  t('GT', '01', 'Guatemala', 'Villa Nueva', 14.53, -90.59, 0, 2),
  t('GT', '17', 'Petén', 'Flores', 16.93, -89.89, 0, 1),
  t('GT', '17', 'Petén', 'La Libertad', 16.79, -90.12, 0, 1),
  t('GT', '04', 'Chimaltenango', 'Chimaltenango', 14.66, -90.82, 0, 1),
  t('GT', '05', 'Escuintla', 'Escuintla', 14.3, -90.79, 0, 1),
  t('GT', '22', 'Jutiapa', 'Jutiapa', 14.29, -89.9, 0, 1),
  t('GT', '18', 'Izabal', 'Puerto Barrios', 15.73, -88.59, 0, 1),
];

/** Mexican places: route towns (stage ≥ 1) and places where Mexicans disappear (stage -1 or also on route). */
export const MX_TOWNS: Town[] = [
  t('MX', '07', 'Chiapas', 'Tapachula', 14.9, -92.26, 1, 6),
  t('MX', '07', 'Chiapas', 'Suchiate', 14.68, -92.15, 1, 3),
  t('MX', '07', 'Chiapas', 'Frontera Comalapa', 15.66, -92.14, 1, 1),
  t('MX', '07', 'Chiapas', 'Huixtla', 15.14, -92.46, 1, 2),
  t('MX', '07', 'Chiapas', 'Comitán de Domínguez', 16.25, -92.13, 2, 1),
  t('MX', '07', 'Chiapas', 'Arriaga', 16.23, -93.9, 2, 2),
  t('MX', '07', 'Chiapas', 'Tuxtla Gutiérrez', 16.75, -93.12, 2, 2),
  t('MX', '07', 'Chiapas', 'Palenque', 17.51, -91.98, 2, 1),
  t('MX', '27', 'Tabasco', 'Tenosique', 17.47, -91.42, 2, 2),
  t('MX', '27', 'Tabasco', 'Centro', 17.99, -92.93, 2, 1),
  t('MX', '20', 'Oaxaca', 'Juchitán de Zaragoza', 16.43, -95.02, 2, 1),
  t('MX', '20', 'Oaxaca', 'Ciudad Ixtepec', 16.56, -95.1, 2, 1),
  t('MX', '30', 'Veracruz', 'Coatzacoalcos', 18.15, -94.43, 3, 2),
  t('MX', '30', 'Veracruz', 'Veracruz', 19.17, -96.13, 3, 2),
  t('MX', '30', 'Veracruz', 'Orizaba', 18.85, -97.1, 3, 1),
  t('MX', '21', 'Puebla', 'Puebla', 19.04, -98.21, 3, 2),
  t('MX', '09', 'Ciudad de México', 'Iztapalapa', 19.36, -99.06, 3, 3),
  t('MX', '15', 'México', 'Tultitlán', 19.65, -99.17, 3, 1),
  t('MX', '15', 'México', 'Ecatepec de Morelos', 19.6, -99.05, -1, 3),
  t('MX', '22', 'Querétaro', 'Querétaro', 20.59, -100.39, 4, 1),
  t('MX', '11', 'Guanajuato', 'Celaya', 20.52, -100.81, 4, 2),
  t('MX', '11', 'Guanajuato', 'Irapuato', 20.67, -101.35, 4, 1),
  t('MX', '24', 'San Luis Potosí', 'San Luis Potosí', 22.15, -100.98, 4, 1),
  t('MX', '19', 'Nuevo León', 'Monterrey', 25.67, -100.31, 4, 2),
  t('MX', '05', 'Coahuila', 'Saltillo', 25.42, -101.0, 4, 1),
  t('MX', '14', 'Jalisco', 'Guadalajara', 20.67, -103.35, 4, 4),
  t('MX', '14', 'Jalisco', 'Tlaquepaque', 20.64, -103.31, -1, 2),
  t('MX', '28', 'Tamaulipas', 'Reynosa', 26.09, -98.28, 5, 3),
  t('MX', '28', 'Tamaulipas', 'Nuevo Laredo', 27.48, -99.51, 5, 2),
  t('MX', '28', 'Tamaulipas', 'Matamoros', 25.87, -97.5, 5, 2),
  t('MX', '05', 'Coahuila', 'Piedras Negras', 28.7, -100.52, 5, 1),
  t('MX', '08', 'Chihuahua', 'Juárez', 31.69, -106.42, 5, 2),
  t('MX', '26', 'Sonora', 'Altar', 30.71, -111.83, 5, 1),
  t('MX', '26', 'Sonora', 'Nogales', 31.31, -110.94, 5, 1),
  t('MX', '26', 'Sonora', 'Hermosillo', 29.07, -110.96, -1, 1),
  t('MX', '02', 'Baja California', 'Tijuana', 32.51, -117.04, 5, 2),
  t('MX', '02', 'Baja California', 'Mexicali', 32.62, -115.45, 5, 1),
  t('MX', '12', 'Guerrero', 'Acapulco de Juárez', 16.85, -99.82, -1, 2),
  t('MX', '16', 'Michoacán', 'Morelia', 19.7, -101.19, -1, 2),
  t('MX', '16', 'Michoacán', 'Zamora', 19.98, -102.28, -1, 1),
  t('MX', '32', 'Zacatecas', 'Fresnillo', 23.17, -102.87, -1, 1),
  t('MX', '25', 'Sinaloa', 'Culiacán', 24.81, -107.39, -1, 2),
  t('MX', '30', 'Veracruz', 'Xalapa', 19.54, -96.91, -1, 2),
  t('MX', '28', 'Tamaulipas', 'Ciudad Victoria', 23.74, -99.15, -1, 1),
  t('MX', '23', 'Quintana Roo', 'Othón P. Blanco', 18.5, -88.3, 2, 1),
];

/** How admin1 names are sometimes written by hand instead of the code. */
export const ADMIN1_WRITTEN: Record<string, string[]> = {
  Veracruz: ['Ver.', 'Edo. de Veracruz', 'VERACRUZ'],
  'Ciudad de México': ['CDMX', 'D.F.', 'Ciudad de Mexico'],
  México: ['Edo. Mex.', 'Estado de México', 'EDOMEX'],
  Chiapas: ['Chis.', 'CHIAPAS'],
  Quiché: ['El Quiché', 'Quiche'],
  Huehuetenango: ['Huehue', 'HUEHUETENANGO'],
  Quetzaltenango: ['Xela', 'Quetzaltenango'],
};

// ---------------------------------------------------------------------------------------------------------------
// Marks

export interface Motif {
  key: string;
  type: 'tattoo' | 'scar' | 'birthmark' | 'piercing' | 'amputation';
  /** Plausible body regions. */
  regions: string[];
  /** Ways a family or a form describes it; {N} = a name, {D} = a date. */
  family: string[];
  /** Ways a forensic or police officer paraphrases it. */
  officer: string[];
  /** Relative frequency; gang and religious tattoos are common among strangers. */
  weight: number;
  female?: boolean;
}

export const MOTIFS: Motif[] = [
  {
    key: 'rose',
    type: 'tattoo',
    regions: ['forearm', 'upper_arm', 'hand', 'chest', 'back', 'ankle'],
    family: ['una rosa', 'rosa roja'],
    officer: ['flor', 'flor tipo rosa', 'rosa con tallo', 'rosa sombreada'],
    weight: 4,
  },
  {
    key: 'virgin',
    type: 'tattoo',
    regions: ['back', 'chest', 'forearm', 'upper_arm'],
    family: ['virgen de Guadalupe', 'la virgencita'],
    officer: ['imagen religiosa', 'figura de la virgen', 'virgen guadalupana', 'imagen de mujer con manto'],
    weight: 4,
  },
  {
    key: 'cross',
    type: 'tattoo',
    regions: ['hand', 'forearm', 'neck', 'chest', 'finger'],
    family: ['una cruz', 'cruz'],
    officer: ['crucifijo', 'cruz latina', 'cruz pequeña'],
    weight: 3,
  },
  {
    key: 'heart',
    type: 'tattoo',
    regions: ['hand', 'chest', 'ankle', 'wrist'],
    family: ['corazón', 'un corazón con flecha'],
    officer: ['corazon', 'figura de corazón', 'corazon atravesado'],
    weight: 2,
  },
  {
    key: 'name',
    type: 'tattoo',
    regions: ['forearm', 'chest', 'hand', 'neck', 'wrist', 'upper_arm'],
    family: ['el nombre {N}', 'nombre "{N}"', 'dice {N}'],
    officer: ['letras {N}', 'leyenda "{N}"', 'texto {N}', 'letras ilegibles'],
    weight: 4,
  },
  {
    key: 'star',
    type: 'tattoo',
    regions: ['hand', 'neck', 'shoulder', 'ankle', 'wrist'],
    family: ['estrella', 'estrellas'],
    officer: ['estrella de cinco picos', 'estrella nautica', 'figuras de estrellas'],
    weight: 2,
  },
  {
    key: 'skull',
    type: 'tattoo',
    regions: ['forearm', 'upper_arm', 'chest', 'back'],
    family: ['una calavera'],
    officer: ['cráneo', 'calavera humana', 'craneo con flores'],
    weight: 2,
  },
  {
    key: 'santa_muerte',
    type: 'tattoo',
    regions: ['back', 'forearm', 'chest'],
    family: ['la santa muerte'],
    officer: ['santa muerte', 'figura esquelética con guadaña', 'esqueleto con manto'],
    weight: 1,
  },
  {
    key: 'gang18',
    type: 'tattoo',
    regions: ['face', 'neck', 'chest', 'back', 'hand'],
    family: ['el número 18', 'XVIII'],
    officer: ['números 18', 'numeros romanos XVIII', 'dieciocho', 'cifra 18'],
    weight: 2,
  },
  {
    key: 'gangms',
    type: 'tattoo',
    regions: ['face', 'neck', 'chest', 'back', 'hand'],
    family: ['las letras MS', 'MS 13'],
    officer: ['letras MS', 'M.S.', 'mara'],
    weight: 1,
  },
  {
    key: 'butterfly',
    type: 'tattoo',
    regions: ['ankle', 'shoulder', 'back', 'hip'],
    family: ['mariposa'],
    officer: ['mariposa de colores', 'insecto alado', 'mariposa pequeña'],
    weight: 2,
    female: true,
  },
  {
    key: 'eagle',
    type: 'tattoo',
    regions: ['chest', 'back', 'upper_arm'],
    family: ['águila'],
    officer: ['aguila', 'ave con alas extendidas', 'aguila con serpiente'],
    weight: 1,
  },
  {
    key: 'dragon',
    type: 'tattoo',
    regions: ['back', 'upper_arm', 'forearm'],
    family: ['dragón'],
    officer: ['dragon', 'dragon oriental', 'figura de reptil alado'],
    weight: 1,
  },
  {
    key: 'date',
    type: 'tattoo',
    regions: ['forearm', 'chest', 'wrist'],
    family: ['la fecha {D}'],
    officer: ['números {D}', 'fecha {D}', 'cifras'],
    weight: 1,
  },
  {
    key: 'tribal',
    type: 'tattoo',
    regions: ['upper_arm', 'back', 'lower_leg', 'shoulder'],
    family: ['un tribal'],
    officer: ['diseño tribal', 'grecas negras', 'figuras geometricas'],
    weight: 2,
  },
  {
    key: 'tear',
    type: 'tattoo',
    regions: ['face'],
    family: ['una lágrima'],
    officer: ['lagrima bajo el ojo', 'gota'],
    weight: 1,
  },
  {
    key: 'cesarean',
    type: 'scar',
    regions: ['abdomen'],
    family: ['cicatriz de cesárea'],
    officer: [
      'cicatriz quirurgica transversal suprapubica',
      'cicatriz horizontal en bajo vientre',
      'cicatriz de cesarea',
    ],
    weight: 2,
    female: true,
  },
  {
    key: 'appendix',
    type: 'scar',
    regions: ['abdomen'],
    family: ['cicatriz de la operación del apéndice'],
    officer: ['cicatriz quirurgica en fosa iliaca', 'cicatriz oblicua de 6 cm', 'cicatriz de apendicectomia'],
    weight: 2,
  },
  {
    key: 'knife',
    type: 'scar',
    regions: ['face', 'forearm', 'abdomen', 'back', 'hand'],
    family: ['cicatriz de una cortada'],
    officer: ['cicatriz lineal', 'cicatriz por arma blanca', 'cicatriz antigua de 4 cm'],
    weight: 3,
  },
  {
    key: 'burn',
    type: 'scar',
    regions: ['forearm', 'hand', 'lower_leg', 'chest'],
    family: ['quemadura'],
    officer: ['cicatriz por quemadura', 'piel con cicatriz hipertrofica', 'zona queloide'],
    weight: 2,
  },
  {
    key: 'mole',
    type: 'birthmark',
    regions: ['face', 'neck', 'back', 'chest'],
    family: ['un lunar grande'],
    officer: ['lunar', 'nevo', 'mancha oscura'],
    weight: 3,
  },
  {
    key: 'stain',
    type: 'birthmark',
    regions: ['back', 'thigh', 'abdomen', 'neck'],
    family: ['mancha de nacimiento'],
    officer: ['mancha cafe', 'mancha hipercromica', 'mancha color cafe con leche'],
    weight: 2,
  },
  {
    key: 'ear_piercing',
    type: 'piercing',
    regions: ['ear'],
    family: ['arete'],
    officer: ['perforacion en lobulo', 'perforación en oreja', 'arete metalico'],
    weight: 2,
  },
  {
    key: 'brow_piercing',
    type: 'piercing',
    regions: ['face'],
    family: ['arete en la ceja'],
    officer: ['perforacion en ceja', 'piercing en ceja'],
    weight: 1,
  },
  {
    key: 'finger',
    type: 'amputation',
    regions: ['finger', 'hand'],
    family: ['le falta un dedo'],
    officer: ['amputacion de falange', 'ausencia de dedo', 'falta dedo'],
    weight: 1,
  },
];

export const TATTOO_NAMES = [
  'Lupita',
  'María',
  'Karla',
  'Juan',
  'Mamá',
  'Rosa',
  'Carlos',
  'Ana',
  'Daniela',
  'Brayan',
  'Yesenia',
  'Luis',
  'Madre',
  'Kevin',
  'Sofía',
];

export const REGION_ES: Record<string, string> = {
  head: 'cabeza',
  face: 'cara',
  ear: 'oreja',
  neck: 'cuello',
  shoulder: 'hombro',
  chest: 'pecho',
  abdomen: 'abdomen',
  back: 'espalda',
  upper_arm: 'brazo',
  forearm: 'antebrazo',
  wrist: 'muñeca',
  hand: 'mano',
  finger: 'dedo',
  hip: 'cadera',
  thigh: 'muslo',
  lower_leg: 'pierna',
  ankle: 'tobillo',
  knee: 'rodilla',
  flank: 'costado',
};

/** Neighbouring regions an examiner or a relative may name instead. */
export const REGION_NEIGHBOURS: Record<string, string[]> = {
  forearm: ['wrist', 'upper_arm', 'elbow'],
  upper_arm: ['shoulder', 'forearm'],
  wrist: ['forearm', 'hand'],
  hand: ['wrist', 'finger'],
  finger: ['hand'],
  chest: ['abdomen', 'shoulder', 'neck'],
  abdomen: ['chest', 'flank', 'hip'],
  back: ['shoulder', 'flank'],
  shoulder: ['upper_arm', 'back', 'chest'],
  neck: ['chest', 'face'],
  face: ['head', 'neck'],
  ankle: ['lower_leg', 'foot'],
  lower_leg: ['ankle', 'knee'],
  thigh: ['hip', 'knee'],
  hip: ['abdomen', 'thigh'],
  ear: ['face', 'head'],
};

// ---------------------------------------------------------------------------------------------------------------
// Identifiers (check digits from the published formulas; own implementation)

const CURP_ALPHABET = '0123456789ABCDEFGHIJKLMNÑOPQRSTUVWXYZ';

export function curpCheck(first17: string): number {
  let s = 0;
  for (let i = 0; i < 17; i++) s += CURP_ALPHABET.indexOf(first17[i]) * (18 - i);
  return (10 - (s % 10)) % 10;
}

export function cuiCheck(first8: string): number {
  let s = 0;
  for (let i = 0; i < 8; i++) s += Number(first8[i]) * (i + 2);
  return s % 11;
}

export const MX_CURP_STATE: Record<string, string> = {
  '01': 'AS',
  '02': 'BC',
  '03': 'BS',
  '04': 'CC',
  '05': 'CL',
  '06': 'CM',
  '07': 'CS',
  '08': 'CH',
  '09': 'DF',
  '10': 'DG',
  '11': 'GT',
  '12': 'GR',
  '13': 'HG',
  '14': 'JC',
  '15': 'MC',
  '16': 'MN',
  '17': 'MS',
  '18': 'NT',
  '19': 'NL',
  '20': 'OC',
  '21': 'PL',
  '22': 'QT',
  '23': 'QR',
  '24': 'SP',
  '25': 'SL',
  '26': 'SR',
  '27': 'TC',
  '28': 'TS',
  '29': 'TL',
  '30': 'VZ',
  '31': 'YN',
  '32': 'ZS',
};

export const MAYA_LANGUAGES_BY_DEPT: Record<string, string[]> = {
  '13': ['Mam', "Q'anjob'al", 'Kanjobal', 'Chuj', "Popti'", 'Akateko'],
  '09': ["K'iche'", 'Quiché', 'Mam'],
  '12': ['Mam', 'Mame'],
  '16': ["Q'eqchi'", 'Kekchí', 'Qeqchi', "Poqomchi'"],
  '14': ["K'iche'", 'Quiche', 'Ixil'],
  '08': ["K'iche'", 'Kiche'],
  '07': ["K'iche'", 'Kaqchikel', "Tz'utujil", 'Tzutujil'],
  '04': ['Kaqchikel', 'Cakchiquel'],
  '17': ["Q'eqchi'", "Itza'"],
  '01': ['Kaqchikel'],
};
