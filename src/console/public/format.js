// Spanish labels and formatting. The record vocabularies' labels come from the service (/console/labels.json,
// built from src/reference/vocabularies.ts); the rest is the console's own wording.

let vocabularies = {};

export async function loadLabels() {
  try {
    const res = await fetch('/console/labels.json', { credentials: 'same-origin' });
    if (res.ok) vocabularies = await res.json();
  } catch {
    vocabularies = {};
  }
}

/** The Spanish label of a vocabulary value (SEX, BUILD, SKIN_TONE, HAIR_COLOR, EYE_COLOR, MARK_TYPE, BODY_REGION, SIDE, CONDITION). */
export function term(vocabulary, value) {
  if (value === null || value === undefined || value === '') return '';
  return (vocabularies[vocabulary] && vocabularies[vocabulary][value]) || String(value);
}

export const STATUS = {
  pending: 'Pendiente',
  in_review: 'En revisión',
  needs_info: 'Requiere información',
  confirmed: 'Confirmada',
  rejected: 'Rechazada',
  withdrawn: 'Retirada',
  superseded: 'Sustituida',
};
export const STATUS_ORDER = ['pending', 'in_review', 'needs_info', 'confirmed', 'rejected', 'withdrawn', 'superseded'];

export const DECISION = {
  confirmed: 'Confirmada',
  rejected: 'Rechazada',
  needs_info: 'Requiere más información',
  reversed: 'Confirmación revertida',
};

export const KIND = { missing_report: 'Reporte de desaparición', suspected_victim: 'Posible víctima' };
export const KIND_PATH = { missing_report: 'missing-reports', suspected_victim: 'suspected-victims' };

export const COUNTRY = { MX: 'México', GT: 'Guatemala', HN: 'Honduras', SV: 'El Salvador', NI: 'Nicaragua', BZ: 'Belice', CU: 'Cuba', VE: 'Venezuela', US: 'Estados Unidos', EC: 'Ecuador', CO: 'Colombia', HT: 'Haití' };
export const country = (code) => (code ? COUNTRY[code] || code : '');

export const ROLE = { admin: 'Administración', investigator: 'Investigación', submitter: 'Captura', partner: 'Sistema asociado' };

export const EVENT = {
  raised: 'Alerta generada',
  rescored: 'Evidencia recalculada',
  withdrawn: 'Retirada (por debajo del umbral)',
  reopened: 'Reabierta',
  restored: 'Restablecida',
  claimed: 'Reclamada',
  claim_renewed: 'Reclamo renovado',
  claim_taken_over: 'Reclamo tomado',
  claim_released: 'Reclamo liberado',
  decided: 'Decisión',
  superseded: 'Sustituida',
  reversed: 'Confirmación revertida',
  forensic_requested: 'Comparación forense solicitada',
  forensic_result: 'Resultado forense',
};

/** The comparisons of the matching engine (src/matching/engine/comparisons.ts), in Spanish. */
export const COMPARISON = {
  given_name: 'Nombre(s)',
  first_surname: 'Primer apellido',
  second_surname: 'Segundo apellido',
  sex: 'Sexo',
  age: 'Edad',
  age_detail: 'Edad (detalle)',
  height: 'Estatura',
  weight: 'Peso',
  build: 'Complexión',
  skin_tone: 'Tez',
  hair_color: 'Cabello',
  eye_color: 'Ojos',
  marks: 'Señas particulares',
  marks_detail: 'Señas particulares (detalle)',
  documents: 'Documento de identidad',
  time: 'Tiempo hasta la localización',
  time_alive: 'Tiempo hasta la localización (con vida)',
  time_deceased: 'Tiempo hasta la localización (sin vida)',
  place: 'Lugar',
  place_detail: 'Lugar (detalle)',
  language: 'Idioma',
};

const LEVEL = {
  null: 'sin dato en un registro',
  exact_full: 'idénticos',
  exact_word: 'una palabra idéntica',
  exact: 'idéntico',
  nickname: 'hipocorístico (p. ej. Chepe ↔ José)',
  phonetic: 'se pronuncia igual',
  'jaro_winkler_0.92': 'muy parecido',
  'jaro_winkler_0.80': 'parecido',
  maria_jose_only: 'solo coincide María/José',
  swapped: 'apellidos invertidos',
  in_given_names: 'aparece entre los nombres',
  married: 'apellido de casada',
  missing_one_side: 'falta en un registro',
  else: 'distinto',
  agree: 'coincide',
  adjacent: 'valores contiguos',
  disagree: 'no coincide',
  dob_exact: 'misma fecha de nacimiento',
  dob_close: 'fecha de nacimiento cercana',
  dob_different: 'fecha de nacimiento distinta',
  in_range: 'dentro de la edad estimada',
  in_range_centre: 'al centro de la edad estimada',
  near: 'cerca de la edad estimada',
  far: 'lejos de la edad estimada',
  within_3cm: 'diferencia de 3 cm o menos',
  within_7cm: 'diferencia de 7 cm o menos',
  within_12cm: 'diferencia de 12 cm o menos',
  within_5kg: 'diferencia de 5 kg o menos',
  within_12kg: 'diferencia de 12 kg o menos',
  name_in_tattoo: 'mismo nombre tatuado',
  two_marks: 'dos señas coinciden',
  rare_motif_region: 'motivo poco común, misma zona',
  motif_region_side: 'mismo motivo, zona y lado',
  motif_region_other_side: 'mismo motivo y zona, otro lado',
  motif_only: 'mismo motivo',
  type_region_side: 'mismo tipo, zona y lado',
  type_region: 'mismo tipo y zona',
  type_only: 'mismo tipo de seña',
  same_number: 'mismo número',
  one_character_apart: 'difiere en un carácter',
  different: 'número distinto',
  different_valid: 'números distintos, ambos válidos',
  found_over_a_year_before: 'localizada más de un año antes de desaparecer',
  found_months_before: 'localizada meses antes de desaparecer',
  found_shortly_before: 'localizada poco antes de desaparecer',
  within_7_days: 'localizada en 7 días o menos',
  within_30_days: 'localizada en 30 días o menos',
  within_90_days: 'localizada en 90 días o menos',
  within_1_year: 'localizada en un año o menos',
  within_2_years: 'localizada en dos años o menos',
  within_5_years: 'localizada en cinco años o menos',
  over_5_years: 'localizada después de cinco años',
  same_municipality: 'mismo municipio',
  same_route_town: 'misma localidad de la ruta migratoria',
  within_50km: 'a 50 km o menos',
  same_admin1: 'mismo estado o departamento',
  on_migrant_route: 'sobre la ruta migratoria',
  within_300km: 'a 300 km o menos',
  same_indigenous: 'misma lengua indígena',
  different_indigenous: 'lenguas indígenas distintas',
  one_indigenous: 'lengua indígena en un solo registro',
  no_indigenous: 'sin lengua indígena',
};
const LEVEL_BY_COMPARISON = {
  height: { else: 'diferencia de más de 12 cm' },
  weight: { else: 'diferencia de más de 12 kg' },
  place: { else: 'a más de 300 km' },
  place_detail: { else: 'a más de 300 km' },
  age: { else: 'edades incompatibles' },
  age_detail: { else: 'edades incompatibles' },
  marks: { else: 'señas distintas' },
  marks_detail: { else: 'señas distintas' },
};

export function comparisonLabel(name) {
  return COMPARISON[name] || name;
}

export function levelLabel(comparison, level) {
  return (LEVEL_BY_COMPARISON[comparison] && LEVEL_BY_COMPARISON[comparison][level]) || LEVEL[level] || level;
}

const MONTHS = ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre'];

/** A record date as sent: 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD'. */
export function partialDate(value) {
  if (!value) return '';
  const [y, m, d] = String(value).split('-');
  if (d) return `${Number(d)} de ${MONTHS[Number(m) - 1]} de ${y}`;
  if (m) return `${MONTHS[Number(m) - 1]} de ${y}`;
  return y;
}

const dateTime = new Intl.DateTimeFormat('es-MX', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
const dateOnly = new Intl.DateTimeFormat('es-MX', { day: 'numeric', month: 'short', year: 'numeric' });
const timeOnly = new Intl.DateTimeFormat('es-MX', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

export const formatDateTime = (iso) => (iso ? dateTime.format(new Date(iso)) : '');
export const formatDate = (iso) => (iso ? dateOnly.format(new Date(iso)) : '');
export const formatTime = (iso) => (iso ? timeOnly.format(new Date(iso)) : '');

/** 'hoy a las 14:05', or the date and time. */
export function when(iso) {
  if (!iso) return '';
  const d = new Date(iso);
  const today = new Date();
  return d.toDateString() === today.toDateString() ? `hoy a las ${formatTime(iso)}` : formatDateTime(iso);
}

/** A probability in percent; never rounded up to a certain 100 % or down to 0 %. */
export function percent(p) {
  if (p > 0.999 && p < 1) return `> ${(99.9).toLocaleString('es-MX')} %`;
  if (p < 0.001 && p > 0) return `< ${(0.1).toLocaleString('es-MX')} %`;
  return `${(Math.round(p * 1000) / 10).toLocaleString('es-MX')} %`;
}
export const number = (n, digits = 1) => (n === null || n === undefined ? '' : Number(n).toLocaleString('es-MX', { minimumFractionDigits: digits, maximumFractionDigits: digits }));
export const signed = (n, digits = 1) => `${n > 0 ? '+' : n < 0 ? '−' : ''}${number(Math.abs(n), digits)}`;

/** A place as one line: municipality, state or department, country (and the description when there is one). */
export function placeText(place) {
  if (!place) return '';
  const parts = [place.municipality, place.admin1, country(place.country)].filter(Boolean);
  return [parts.join(', '), place.description].filter(Boolean).join(' · ');
}

export function hasCoordinates(place) {
  return place && typeof place.lat === 'number' && typeof place.lon === 'number';
}

/** Great-circle distance in km (haversine, mean Earth radius). */
export function distanceKm(a, b) {
  const rad = (deg) => (deg * Math.PI) / 180;
  const dLat = rad(b.lat - a.lat);
  const dLon = rad(b.lon - a.lon);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371.0088 * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** The person's name as one line, from its parts (or the full name as received). */
export function personName(r) {
  if (!r) return '';
  const parts = [r.givenNames, r.firstSurname, r.secondSurname].filter(Boolean).join(' ');
  return parts || r.fullName || '';
}

/** The name of whoever holds a claim or acted, as the service gives it (null for the identification system). */
export function actorName(name, keyId, me) {
  if (me && keyId && me.keyId === keyId) return `${name || 'Usted'} (usted)`;
  return name || (keyId ? 'otra persona' : 'el sistema');
}

const VOCABULARY_OF = { sex: 'SEX', build: 'BUILD', skin_tone: 'SKIN_TONE', hair_color: 'HAIR_COLOR', eye_color: 'EYE_COLOR' };

/** The values the engine compared (its own short English notation) in Spanish, where the notation is known. */
export function evidenceValue(comparison, text) {
  if (!text || text === '—') return text || '—';
  const vocabulary = VOCABULARY_OF[comparison];
  if (vocabulary) return term(vocabulary, text);
  if (comparison === 'age' || comparison === 'age_detail') {
    let m = /^born (.+)$/.exec(text);
    if (m) return `nació ${partialDate(m[1])}`;
    m = /^(\d+) y when last seen$/.exec(text);
    if (m) return `${m[1]} años al desaparecer`;
    m = /^estimated (.+)–(.+) y when found$/.exec(text);
    if (m) return `${m[1]}–${m[2]} años (estimada) al localizarla`;
  }
  if (comparison.startsWith('time')) {
    let m = /^found (.+)$/.exec(text);
    if (m) return `localizada ${m[1] === '—' ? '—' : partialDate(m[1])}`;
    m = /^last seen (.+)$/.exec(text);
    if (m) return `vista ${m[1] === '—' ? '—' : partialDate(m[1])}`;
  }
  if (comparison.startsWith('marks')) {
    return text
      .split('; ')
      .map((mark) => {
        const m = /^(\w+)(?: (\w+))?(?: (left|right|center))?(?: "([\s\S]*)")?$/.exec(mark);
        if (!m) return mark;
        const where = [m[2] && term('BODY_REGION', m[2]), m[3] && term('SIDE', m[3]).toLowerCase()].filter(Boolean).join(' ');
        return `${term('MARK_TYPE', m[1])}${where ? ` · ${where}` : ''}${m[4] ? `: “${m[4]}”` : ''}`;
      })
      .join('; ');
  }
  return text;
}
