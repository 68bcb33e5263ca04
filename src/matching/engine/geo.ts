/**
 * Geography for the place comparison and for blocking: migrant-route points and Guatemala–Mexico crossings
 * (approximate coordinates transcribed from the shared reference tables), coarse zones, and route progress.
 *
 * Route progress is the great-circle distance from the nearest Guatemala–Mexico crossing; a place counts as "on a
 * route" when it lies within ROUTE_RADIUS_KM of a route point or crossing. Guatemala is progress 0: a person last
 * seen anywhere in Guatemala can be found anywhere further along.
 */
import { GT_DEPARTMENTS, MX_STATES, findAdmin1, haversineKm } from '../../reference/geography.js';
import { fold } from './text.js';

export interface RoutePoint {
  country: 'MX' | 'GT';
  place: string;
  lat: number;
  lon: number;
  kind: 'route' | 'crossing';
}

// [country, place, lat, lon]
const ROUTE_ROWS: ReadonlyArray<readonly ['MX' | 'GT', string, number, number]> = [
  ['GT', 'Ciudad de Guatemala', 14.63, -90.51],
  ['GT', 'Quetzaltenango', 14.83, -91.52],
  ['GT', 'Huehuetenango', 15.32, -91.47],
  ['GT', 'San Marcos', 14.96, -91.79],
  ['GT', 'Cobán', 15.47, -90.37],
  ['GT', 'Santa Cruz del Quiché', 15.03, -91.15],
  ['GT', 'Totonicapán', 14.91, -91.36],
  ['GT', 'Flores / Santa Elena', 16.93, -89.89],
  ['MX', 'Tapachula', 14.9, -92.26],
  ['MX', 'Huixtla', 15.14, -92.47],
  ['MX', 'Arriaga', 16.24, -93.9],
  ['MX', 'Tuxtla Gutiérrez', 16.75, -93.12],
  ['MX', 'San Cristóbal de las Casas', 16.74, -92.64],
  ['MX', 'Comitán', 16.25, -92.13],
  ['MX', 'Palenque', 17.51, -91.98],
  ['MX', 'Tenosique', 17.47, -91.42],
  ['MX', 'Villahermosa', 17.99, -92.93],
  ['MX', 'Juchitán / Ixtepec', 16.5, -95.05],
  ['MX', 'Coatzacoalcos', 18.14, -94.46],
  ['MX', 'Veracruz', 19.17, -96.13],
  ['MX', 'Orizaba', 18.85, -97.1],
  ['MX', 'Puebla', 19.04, -98.21],
  ['MX', 'Ciudad de México', 19.43, -99.13],
  ['MX', 'Lechería (Tultitlán)', 19.64, -99.18],
  ['MX', 'Querétaro', 20.59, -100.39],
  ['MX', 'Celaya', 20.52, -100.81],
  ['MX', 'Irapuato', 20.67, -101.35],
  ['MX', 'Guadalajara', 20.67, -103.35],
  ['MX', 'San Luis Potosí', 22.15, -100.98],
  ['MX', 'Saltillo', 25.42, -101.0],
  ['MX', 'Monterrey', 25.67, -100.31],
  ['MX', 'Reynosa', 26.09, -98.28],
  ['MX', 'Matamoros', 25.87, -97.5],
  ['MX', 'Nuevo Laredo', 27.48, -99.51],
  ['MX', 'Piedras Negras', 28.7, -100.52],
  ['MX', 'Ciudad Acuña', 29.32, -100.93],
  ['MX', 'Chihuahua', 28.63, -106.07],
  ['MX', 'Ciudad Juárez', 31.69, -106.42],
  ['MX', 'Hermosillo', 29.07, -110.96],
  ['MX', 'Altar', 30.71, -111.83],
  ['MX', 'Sásabe', 31.48, -111.54],
  ['MX', 'Nogales', 31.31, -110.94],
  ['MX', 'Agua Prieta', 31.33, -109.55],
  ['MX', 'Mexicali', 32.62, -115.45],
  ['MX', 'Tijuana', 32.53, -117.04],
  ['MX', 'Chetumal', 18.5, -88.3],
];

// Crossings: Mexican-side coordinates of the Guatemala–Mexico crossing points.
const CROSSING_ROWS: ReadonlyArray<readonly [string, number, number]> = [
  ['Ciudad Hidalgo – Tecún Umán', 14.679, -92.142],
  ['Ciudad Hidalgo – Tecún Umán II', 14.67, -92.13],
  ['Talismán – El Carmen', 14.96, -92.15],
  ['Ciudad Cuauhtémoc – La Mesilla', 15.64, -91.98],
  ['Carmen Xhán – Gracias a Dios', 16.0, -91.7],
  ['El Ceibo', 17.26, -90.99],
  ['Frontera Corozal – Bethel', 16.82, -90.88],
  ['El Naranjo (río San Pedro)', 17.13, -90.81],
];

export const ROUTE_POINTS: readonly RoutePoint[] = [
  ...ROUTE_ROWS.map(([country, place, lat, lon]) => ({ country, place, lat, lon, kind: 'route' as const })),
  ...CROSSING_ROWS.map(([place, lat, lon]) => ({ country: 'MX' as const, place, lat, lon, kind: 'crossing' as const })),
];

export const ROUTE_RADIUS_KM = 40;

/** Coarse zones used by the nameless-record blocking rule and by the route check. */
export const ZONES = ['GT', 'MX_SOUTH', 'MX_GULF', 'MX_CENTER', 'MX_NORTH'] as const;
const ZONE_OF_MX_STATE: Record<string, number> = {};
for (const c of ['07', '27', '20', '04', '23', '31']) ZONE_OF_MX_STATE[c] = 1;
for (const c of ['30', '21', '29', '13']) ZONE_OF_MX_STATE[c] = 2;
for (const c of ['09', '15', '17', '22', '11', '16', '12', '24', '01', '14', '06', '18', '32']) ZONE_OF_MX_STATE[c] = 3;
for (const c of ['28', '19', '05', '08', '26', '02', '03', '25', '10']) ZONE_OF_MX_STATE[c] = 4;

/** Zones a person last seen in `zone` may plausibly be found in (the zone itself and those further along). */
export const REACHABLE_ZONES: readonly (readonly number[])[] = [
  [0, 1, 2, 3, 4],
  [1, 2, 3, 4],
  [2, 3, 4, 1],
  [3, 4, 2],
  [4, 3],
];

const ADMIN1_BY_NAME = new Map<string, { country: 'MX' | 'GT'; code: string }>();
for (const a of [...MX_STATES, ...GT_DEPARTMENTS]) {
  ADMIN1_BY_NAME.set(`${a.country}:${fold(a.name)}`, { country: a.country, code: a.code });
}
// Frequent informal names.
for (const [name, code] of [
  ['cdmx', '09'], ['ciudad de mexico', '09'], ['df', '09'], ['distrito federal', '09'], ['estado de mexico', '15'],
  ['edomex', '15'], ['coahuila', '05'], ['michoacan', '16'], ['veracruz', '30'], ['queretaro', '22'],
] as const) {
  ADMIN1_BY_NAME.set(`MX:${name}`, { country: 'MX', code });
}
ADMIN1_BY_NAME.set('GT:quiche', { country: 'GT', code: '14' });
ADMIN1_BY_NAME.set('GT:el quiche', { country: 'GT', code: '14' });

/** The countries a lookup tries: the one given when it is Mexico or Guatemala, else both. */
function countriesFor(country: string): ('MX' | 'GT')[] {
  return country === 'MX' || country === 'GT' ? [country] : ['MX', 'GT'];
}

export function resolveAdmin1(country: string | null | undefined, code: string | null | undefined, name: string | null | undefined) {
  const c = (country ?? '').trim().toUpperCase();
  if (code && (c === 'MX' || c === 'GT')) {
    const a = findAdmin1(c, code);
    if (a) return a;
  }
  if (name) {
    const key = fold(name);
    for (const cc of countriesFor(c)) {
      const hit = ADMIN1_BY_NAME.get(`${cc}:${key}`);
      if (hit) return findAdmin1(hit.country, hit.code);
    }
  }
  return undefined;
}

export function zoneOf(country: string, admin1Code: string | undefined, lat: number, lon: number): number {
  if (country === 'GT') return 0;
  if (country === 'MX' && admin1Code && ZONE_OF_MX_STATE[admin1Code] !== undefined) return ZONE_OF_MX_STATE[admin1Code];
  if (Number.isFinite(lat) && Number.isFinite(lon)) {
    // Nearest capital decides.
    let best = -1;
    let bestD = Infinity;
    for (const a of [...MX_STATES, ...GT_DEPARTMENTS]) {
      const d = haversineKm(lat, lon, a.lat, a.lon);
      if (d < bestD) {
        bestD = d;
        best = a.country === 'GT' ? 0 : (ZONE_OF_MX_STATE[a.code] ?? -1);
      }
    }
    return best;
  }
  return -1;
}

/** Whether the point lies near a route point or crossing, and its progress from the border. */
export function routeFeatures(country: string, lat: number, lon: number): { onRoute: boolean; progress: number } {
  if (!Number.isFinite(lat) || !Number.isFinite(lon)) return { onRoute: false, progress: country === 'GT' ? 0 : NaN };
  let near = Infinity;
  let border = Infinity;
  for (const p of ROUTE_POINTS) {
    const d = haversineKm(lat, lon, p.lat, p.lon);
    if (d < near) near = d;
    if (p.kind === 'crossing' && d < border) border = d;
  }
  return { onRoute: near <= ROUTE_RADIUS_KM, progress: country === 'GT' ? 0 : border };
}

// Each route point and crossing by every part of its name ("Ciudad Hidalgo – Tecún Umán"): as a route town, and
// (first point of that name in its country) as the place a municipality written alone stands for.
const ROUTE_TOWNS = new Set<string>();
const ROUTE_POINT_BY_NAME = new Map<string, RoutePoint>();
for (const p of ROUTE_POINTS) {
  for (const part of p.place.split(/[\/()–]/)) {
    const f = fold(part);
    if (f.length < 4) continue;
    ROUTE_TOWNS.add(f);
    if (!ROUTE_POINT_BY_NAME.has(`${p.country}:${f}`)) ROUTE_POINT_BY_NAME.set(`${p.country}:${f}`, p);
  }
}

// The municipalities the route towns and crossings lie in, where the municipality's name is not the town's:
// submitters write the municipality ("Suchiate", "Centro"), the route list names the town.
for (const municipality of [
  'guatemala', // Ciudad de Guatemala
  'ayutla', // Ciudad Tecún Umán
  'malacatan', // El Carmen
  'la democracia', // La Mesilla
  'la libertad', // El Ceibo, Bethel, El Naranjo (Petén)
  'suchiate', // Ciudad Hidalgo
  'tuxtla chico', // Talismán
  'frontera comalapa', // Ciudad Cuauhtémoc
  'ocosingo', // Frontera Corozal
  'centro', // Villahermosa
  'juchitan de zaragoza', // Juchitán
  'ciudad ixtepec', // Ixtepec
  'acuna', // Ciudad Acuña
  'juarez', // Ciudad Juárez
  'saric', // Sásabe
  'othon p. blanco', // Chetumal
]) {
  ROUTE_TOWNS.add(fold(municipality));
}

/**
 * State and department capitals by the names their municipality goes by (everyday short forms included): a place
 * written as "Huehuetenango" or "Tuxtla Gutiérrez" with no state is in that state. Only capitals: a state's name
 * alone is not a municipality's (there are Hidalgos and Morelos in many states).
 */
const CAPITAL_ROWS: ReadonlyArray<readonly ['MX' | 'GT', string, string]> = [
  ['GT', '01', 'Guatemala|Ciudad de Guatemala'],
  ['GT', '02', 'Guastatoya'],
  ['GT', '03', 'Antigua Guatemala|Antigua'],
  ['GT', '04', 'Chimaltenango'],
  ['GT', '05', 'Escuintla'],
  ['GT', '06', 'Cuilapa'],
  ['GT', '07', 'Sololá'],
  ['GT', '08', 'Totonicapán'],
  ['GT', '09', 'Quetzaltenango|Xela'],
  ['GT', '10', 'Mazatenango'],
  ['GT', '11', 'Retalhuleu'],
  ['GT', '12', 'San Marcos'],
  ['GT', '13', 'Huehuetenango'],
  ['GT', '14', 'Santa Cruz del Quiché'],
  ['GT', '15', 'Salamá'],
  ['GT', '16', 'Cobán'],
  ['GT', '17', 'Flores'],
  ['GT', '18', 'Puerto Barrios'],
  ['GT', '19', 'Zacapa'],
  ['GT', '20', 'Chiquimula'],
  ['GT', '21', 'Jalapa'],
  ['GT', '22', 'Jutiapa'],
  ['MX', '01', 'Aguascalientes'],
  ['MX', '02', 'Mexicali'],
  ['MX', '03', 'La Paz'],
  ['MX', '04', 'San Francisco de Campeche|Campeche'],
  ['MX', '05', 'Saltillo'],
  ['MX', '06', 'Colima'],
  ['MX', '07', 'Tuxtla Gutiérrez'],
  ['MX', '08', 'Chihuahua'],
  ['MX', '10', 'Victoria de Durango|Durango'],
  ['MX', '11', 'Guanajuato'],
  ['MX', '12', 'Chilpancingo de los Bravo|Chilpancingo'],
  ['MX', '13', 'Pachuca de Soto|Pachuca'],
  ['MX', '14', 'Guadalajara'],
  ['MX', '15', 'Toluca de Lerdo|Toluca'],
  ['MX', '16', 'Morelia'],
  ['MX', '17', 'Cuernavaca'],
  ['MX', '18', 'Tepic'],
  ['MX', '19', 'Monterrey'],
  ['MX', '20', 'Oaxaca de Juárez|Oaxaca'],
  ['MX', '21', 'Heroica Puebla de Zaragoza|Puebla'],
  ['MX', '22', 'Santiago de Querétaro|Querétaro'],
  ['MX', '23', 'Othón P. Blanco|Chetumal'],
  ['MX', '24', 'San Luis Potosí'],
  ['MX', '25', 'Culiacán'],
  ['MX', '26', 'Hermosillo'],
  ['MX', '27', 'Villahermosa'],
  ['MX', '28', 'Ciudad Victoria|Victoria'],
  ['MX', '29', 'Tlaxcala de Xicohténcatl|Tlaxcala'],
  ['MX', '30', 'Xalapa-Enríquez|Xalapa|Jalapa-Enríquez'],
  ['MX', '31', 'Mérida'],
  ['MX', '32', 'Zacatecas'],
];
const CAPITAL_BY_NAME = new Map<string, string>();
for (const [country, code, names] of CAPITAL_ROWS) for (const n of names.split('|')) CAPITAL_BY_NAME.set(`${country}:${fold(n)}`, code);

/** The state or department whose capital a municipality written alone names, in the country when it is known. */
export function admin1OfCapital(country: string, foldedMunicipality: string) {
  // (No capital's name is written alike in both countries, so the order tried does not matter.)
  for (const c of countriesFor(country)) {
    const code = CAPITAL_BY_NAME.get(`${c}:${foldedMunicipality}`);
    if (code) return findAdmin1(c, code);
  }
  return undefined;
}

/**
 * The route point or crossing a municipality written without coordinates names ("Tapachula", "Tecún Umán"),
 * in the given country (or either when unknown): where to put a place given only by that name.
 */
export function routePointNamed(country: string, foldedMunicipality: string): RoutePoint | undefined {
  for (const c of countriesFor(country)) {
    const hit = ROUTE_POINT_BY_NAME.get(`${c}:${foldedMunicipality}`);
    if (hit) return hit;
  }
  return undefined;
}

/** Whether a folded municipality name is one of the route towns or crossings (or the municipality one lies in). */
export function isRouteTown(foldedMunicipality: string): boolean {
  return ROUTE_TOWNS.has(foldedMunicipality);
}

export { haversineKm };
