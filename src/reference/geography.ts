/**
 * First-level administrative divisions of Mexico and Guatemala, ISO country codes and a great-circle distance.
 *
 * Plain data + pure functions: no framework imports. Coordinates are the approximate position of each
 * state/department capital (two decimals, roughly ±5 km) and are meant for coarse distance features only.
 * Sources: the shared reference tables of Mexican states and Guatemalan departments (see docs/reference-data.md).
 */

export interface Admin1 {
  country: 'MX' | 'GT';
  /** Mexico: INEGI state code '01'..'32'. Guatemala: RENAP/INE department code '01'..'22'. */
  code: string;
  name: string;
  /** Approximate latitude of the capital, decimal degrees. */
  lat: number;
  /** Approximate longitude of the capital, decimal degrees (negative = west). */
  lon: number;
  /** Mexico only: the two-letter RENAPO code used in CURP positions 12-13. */
  curpCode?: string;
}

/** CURP positions 12-13 for a person born outside Mexico ("nacido en el extranjero"); not a state. */
export const CURP_BORN_ABROAD = 'NE';

// [INEGI code, name, CURP code, lat, lon]
const MX_ROWS: ReadonlyArray<readonly [string, string, string, number, number]> = [
  ['01', 'Aguascalientes', 'AS', 21.88, -102.29],
  ['02', 'Baja California', 'BC', 32.62, -115.45],
  ['03', 'Baja California Sur', 'BS', 24.14, -110.31],
  ['04', 'Campeche', 'CC', 19.85, -90.53],
  ['05', 'Coahuila de Zaragoza', 'CL', 25.42, -101.0],
  ['06', 'Colima', 'CM', 19.24, -103.72],
  ['07', 'Chiapas', 'CS', 16.75, -93.12],
  ['08', 'Chihuahua', 'CH', 28.63, -106.07],
  ['09', 'Ciudad de México', 'DF', 19.43, -99.13],
  ['10', 'Durango', 'DG', 24.03, -104.67],
  ['11', 'Guanajuato', 'GT', 21.02, -101.26],
  ['12', 'Guerrero', 'GR', 17.55, -99.5],
  ['13', 'Hidalgo', 'HG', 20.1, -98.76],
  ['14', 'Jalisco', 'JC', 20.67, -103.35],
  ['15', 'México', 'MC', 19.29, -99.66],
  ['16', 'Michoacán de Ocampo', 'MN', 19.7, -101.19],
  ['17', 'Morelos', 'MS', 18.92, -99.23],
  ['18', 'Nayarit', 'NT', 21.5, -104.89],
  ['19', 'Nuevo León', 'NL', 25.67, -100.31],
  ['20', 'Oaxaca', 'OC', 17.06, -96.73],
  ['21', 'Puebla', 'PL', 19.04, -98.21],
  ['22', 'Querétaro', 'QT', 20.59, -100.39],
  ['23', 'Quintana Roo', 'QR', 18.5, -88.3],
  ['24', 'San Luis Potosí', 'SP', 22.15, -100.98],
  ['25', 'Sinaloa', 'SL', 24.81, -107.39],
  ['26', 'Sonora', 'SR', 29.07, -110.96],
  ['27', 'Tabasco', 'TC', 17.99, -92.93],
  ['28', 'Tamaulipas', 'TS', 23.74, -99.15],
  ['29', 'Tlaxcala', 'TL', 19.32, -98.24],
  ['30', 'Veracruz de Ignacio de la Llave', 'VZ', 19.54, -96.91],
  ['31', 'Yucatán', 'YN', 20.97, -89.62],
  ['32', 'Zacatecas', 'ZS', 22.77, -102.58],
];

// [department code, name, municipalities today, lat, lon]
const GT_ROWS: ReadonlyArray<readonly [string, string, number, number, number]> = [
  ['01', 'Guatemala', 17, 14.63, -90.51],
  ['02', 'El Progreso', 8, 14.85, -90.07],
  ['03', 'Sacatepéquez', 16, 14.56, -90.73],
  ['04', 'Chimaltenango', 16, 14.66, -90.82],
  ['05', 'Escuintla', 14, 14.3, -90.79],
  ['06', 'Santa Rosa', 14, 14.28, -90.3],
  ['07', 'Sololá', 19, 14.77, -91.18],
  ['08', 'Totonicapán', 8, 14.91, -91.36],
  ['09', 'Quetzaltenango', 24, 14.83, -91.52],
  ['10', 'Suchitepéquez', 21, 14.53, -91.5],
  ['11', 'Retalhuleu', 9, 14.54, -91.68],
  ['12', 'San Marcos', 30, 14.96, -91.79],
  ['13', 'Huehuetenango', 33, 15.32, -91.47],
  ['14', 'Quiché', 21, 15.03, -91.15],
  ['15', 'Baja Verapaz', 8, 15.1, -90.32],
  ['16', 'Alta Verapaz', 17, 15.47, -90.37],
  ['17', 'Petén', 14, 16.93, -89.89],
  ['18', 'Izabal', 5, 15.73, -88.59],
  ['19', 'Zacapa', 11, 14.97, -89.53],
  ['20', 'Chiquimula', 11, 14.8, -89.54],
  ['21', 'Jalapa', 7, 14.63, -89.99],
  ['22', 'Jutiapa', 17, 14.29, -89.9],
];

export const MX_STATES: readonly Admin1[] = Object.freeze(
  MX_ROWS.map(([code, name, curpCode, lat, lon]) => Object.freeze({ country: 'MX' as const, code, name, lat, lon, curpCode })),
);

export const GT_DEPARTMENTS: readonly Admin1[] = Object.freeze(
  GT_ROWS.map(([code, name, , lat, lon]) => Object.freeze({ country: 'GT' as const, code, name, lat, lon })),
);

/**
 * Number of municipalities per Guatemalan department, keyed by department code. These are the current counts
 * (340 in total since Sipacate and Petatán were created); older CUI validators hard-code 13 for Escuintla and
 * 32 for Huehuetenango, which would reject people registered in the two new municipalities.
 */
export const GT_MUNICIPALITY_COUNTS: Readonly<Record<string, number>> = Object.freeze(
  Object.fromEntries(GT_ROWS.map(([code, , munis]) => [code, munis])),
);

const byKey = new Map<string, Admin1>();
for (const a of [...MX_STATES, ...GT_DEPARTMENTS]) byKey.set(`${a.country}:${a.code}`, a);
const byCurp = new Map<string, Admin1>(MX_STATES.map((s) => [s.curpCode as string, s]));

/**
 * Looks up a state (MX) or department (GT). The country is matched case-insensitively; a one-digit
 * numeric code is left-padded ('9' → '09'). Any other country yields undefined.
 */
export function findAdmin1(country: string, code: string): Admin1 | undefined {
  const c = country.trim().toUpperCase();
  let k = code.trim();
  if (/^\d$/.test(k)) k = `0${k}`;
  return byKey.get(`${c}:${k}`);
}

/** Mexican state for a CURP state code (positions 12-13), case-insensitive. 'NE' (born abroad) → undefined. */
export function admin1ByCurpCode(code: string): Admin1 | undefined {
  return byCurp.get(code.trim().toUpperCase());
}

/** The officially assigned ISO 3166-1 alpha-2 codes (249). User-assigned codes such as XK are not included. */
const ISO_3166_ALPHA2: ReadonlySet<string> = new Set(
  (
    'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ ' +
    'BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ ' +
    'CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ ' +
    'DE DJ DK DM DO DZ ' +
    'EC EE EG EH ER ES ET ' +
    'FI FJ FK FM FO FR ' +
    'GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY ' +
    'HK HM HN HR HT HU ' +
    'ID IE IL IM IN IO IQ IR IS IT ' +
    'JE JM JO JP ' +
    'KE KG KH KI KM KN KP KR KW KY KZ ' +
    'LA LB LC LI LK LR LS LT LU LV LY ' +
    'MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ ' +
    'NA NC NE NF NG NI NL NO NP NR NU NZ ' +
    'OM ' +
    'PA PE PF PG PH PK PL PM PN PR PS PT PW PY ' +
    'QA ' +
    'RE RO RS RU RW ' +
    'SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ ' +
    'TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ ' +
    'UA UG UM US UY UZ ' +
    'VA VC VE VG VI VN VU ' +
    'WF WS ' +
    'YE YT ' +
    'ZA ZM ZW'
  ).split(' '),
);

/** Number of codes in the ISO 3166-1 alpha-2 table (exposed for tests and documentation). */
export const ISO_COUNTRY_COUNT = ISO_3166_ALPHA2.size;

/**
 * True when `code` is an assigned ISO 3166-1 alpha-2 code written in upper case ('MX', 'GT', 'US').
 * Deliberately strict: lower case, surrounding spaces and alpha-3 codes are rejected — normalise first.
 */
export function isIsoCountry(code: string): boolean {
  return ISO_3166_ALPHA2.has(code);
}

const EARTH_RADIUS_KM = 6371.0088; // mean Earth radius (IUGG)

/** Great-circle distance in kilometres between two points given in decimal degrees (haversine formula). */
export function haversineKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLon = (lon2 - lon1) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}
