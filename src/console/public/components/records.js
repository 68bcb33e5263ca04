// Person records as a reviewer reads them: one record, or the two of an alert side by side.
import { html } from '../lib.js';
import { country, distanceKm, formatDateTime, hasCoordinates, KIND, number, partialDate, personName, placeText, term } from '../format.js';

const list = (values) => (values && values.length ? values.join(', ') : '');

function marks(r) {
  if (!r.marks || r.marks.length === 0) return '';
  return html`<ul class="plain">
    ${r.marks.map(
      (m) => html`<li>
        <strong>${term('MARK_TYPE', m.type)}</strong>${m.bodyRegion ? ` · ${term('BODY_REGION', m.bodyRegion)}` : ''}${m.side ? ` ${term('SIDE', m.side).toLowerCase()}` : ''}${m.description ? html`: <q>${m.description}</q>` : ''}
      </li>`,
    )}
  </ul>`;
}

function documents(r) {
  if (!r.documents || r.documents.length === 0) return '';
  return html`<ul class="plain">
    ${r.documents.map(
      (d) => html`<li>
        <strong>${d.type}</strong> ${d.number}${d.issuingCountry ? ` (${country(d.issuingCountry)})` : ''}
        ${d.checkDigitValid === true ? html` <span class="ok">· dígito verificador válido</span>` : d.checkDigitValid === false ? html` <span class="warn">· dígito verificador no válido</span>` : ''}
      </li>`,
    )}
  </ul>`;
}

function age(r) {
  if (r.kind === 'suspected_victim') {
    if (r.estimatedAgeMin != null || r.estimatedAgeMax != null) {
      const range = r.estimatedAgeMin === r.estimatedAgeMax ? `${r.estimatedAgeMin}` : `${r.estimatedAgeMin ?? '?'}–${r.estimatedAgeMax ?? '?'}`;
      return `${range} años (estimada)`;
    }
    return '';
  }
  if (r.ageAtEvent != null) return `${r.ageAtEvent} años al desaparecer`;
  // Otherwise from the date of birth, when the day or month is known and the person was last seen on a known date.
  const born = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(r.dateOfBirth || '');
  const seen = /^(\d{4})-(\d{2})(?:-(\d{2}))?/.exec(r.lastSeenDate || '');
  if (born && seen) {
    const [by, bm, bd = 15] = born.slice(1).map((v) => v && Number(v));
    const [sy, sm, sd = 15] = seen.slice(1).map((v) => v && Number(v));
    const years = sy - by - (sm < bm || (sm === bm && sd < bd) ? 1 : 0);
    return `${years} años al desaparecer (según su fecha de nacimiento)`;
  }
  return '';
}

function eventDate(r) {
  return r.kind === 'missing_report' ? partialDate(r.lastSeenDate) : partialDate(r.foundDate);
}

function eventPlace(r) {
  const place = r.kind === 'missing_report' ? r.lastSeenPlace : r.foundPlace;
  if (!place) return '';
  return html`${placeText(place)}${hasCoordinates(place) ? html`<span class="coords"> (${number(place.lat, 3)}, ${number(place.lon, 3)})</span>` : ''}`;
}

function condition(r) {
  if (r.kind === 'suspected_victim') return term('CONDITION', r.condition);
  if (r.located) return html`<span class="ok">Localizada ${r.located.condition === 'deceased' ? 'sin vida' : 'con vida'} (${formatDateTime(r.located.at)})</span>`;
  return 'Sin localizar';
}

function forensic(r) {
  const out = [];
  if (r.kind === 'suspected_victim' && r.dnaSampleTaken != null) out.push(r.dnaSampleTaken ? 'Muestra de ADN tomada' : 'Sin muestra de ADN');
  if (r.kind === 'missing_report' && r.familyReferenceSamples != null) out.push(r.familyReferenceSamples ? 'Hay muestras de referencia familiares' : 'Sin muestras de referencia familiares');
  if (r.fingerprintRecordIds && r.fingerprintRecordIds.length) out.push(`Huellas: ${r.fingerprintRecordIds.join(', ')}`);
  if (r.identificationCaseId) out.push(`Caso ${r.identificationCaseId}`);
  return out.join(' · ');
}

/** The rows of a record, in the order a reviewer compares them; each [label, value(record)]. */
export const RECORD_ROWS = [
  ['Nombre(s)', (r) => r.givenNames],
  ['Primer apellido', (r) => r.firstSurname],
  ['Segundo apellido', (r) => r.secondSurname],
  ['Apellido de casada', (r) => r.marriedSurname],
  ['Nombre como se recibió', (r) => (r.nameSource === 'full_name' ? r.fullName : '')],
  ['Alias', (r) => list(r.aliases)],
  ['Sexo', (r) => term('SEX', r.sex)],
  ['Fecha de nacimiento', (r) => partialDate(r.dateOfBirth)],
  ['Edad', age],
  ['Nacionalidad', (r) => country(r.nationality)],
  ['Idiomas', (r) => list(r.languages)],
  ['Estatura', (r) => (r.heightCm != null ? `${r.heightCm} cm` : '')],
  ['Peso', (r) => (r.weightKg != null ? `${number(r.weightKg, r.weightKg % 1 ? 1 : 0)} kg` : '')],
  ['Complexión', (r) => term('BUILD', r.build)],
  ['Tez', (r) => term('SKIN_TONE', r.skinTone)],
  ['Cabello', (r) => term('HAIR_COLOR', r.hairColor)],
  ['Ojos', (r) => term('EYE_COLOR', r.eyeColor)],
  ['Señas particulares', marks],
  ['Documentos', documents],
  ['Fecha (última vez vista / localización)', eventDate],
  ['Lugar (última vez vista / localización)', eventPlace],
  ['Condición', condition],
  ['Circunstancias', (r) => r.circumstances],
  ['Identificación forense', forensic],
];

const empty = (value) => value === '' || value === null || value === undefined;

/** Distance between where the person was last seen and where the other record was found, when both have coordinates. */
export function Distance({ report, victim }) {
  const a = report.lastSeenPlace;
  const b = victim.foundPlace;
  if (hasCoordinates(a) && hasCoordinates(b)) {
    const km = distanceKm(a, b);
    return html`<p class="distance" data-testid="distance"><strong>${number(km, km < 10 ? 1 : 0)} km</strong> en línea recta entre el lugar donde se le vio por última vez (${placeText(a)}) y donde se localizó (${placeText(b)}).</p>`;
  }
  if (a || b) {
    return html`<p class="distance" data-testid="distance">Sin la distancia: hacen falta las coordenadas de los dos lugares. Última vez vista: ${placeText(a) || 'sin dato'}; localizada: ${placeText(b) || 'sin dato'}.</p>`;
  }
  return null;
}

/** The two records of an alert side by side: one row per field, left the missing report, right the victim record. */
export function SideBySide({ report, victim }) {
  const rows = RECORD_ROWS.map(([label, value]) => [label, value(report), value(victim)]).filter(([, a, b]) => !empty(a) || !empty(b));
  return html`
    <table class="compare">
      <caption class="visually-hidden">Los dos registros, campo por campo</caption>
      <colgroup><col class="compare-label" /><col /><col /></colgroup>
      <thead>
        <tr>
          <td></td>
          <th scope="col">
            <span class="kind">${KIND.missing_report}</span>
            <a href=${`#/registros/missing_report/${report.id}`}>${report.sourceRecordId}</a>
            <span class="muted"> · ${country(report.country)}</span>
          </th>
          <th scope="col">
            <span class="kind">${KIND.suspected_victim}</span>
            <a href=${`#/registros/suspected_victim/${victim.id}`}>${victim.sourceRecordId}</a>
            <span class="muted"> · ${country(victim.country)}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        ${rows.map(
          ([label, a, b]) => html`<tr>
            <th scope="row">${label}</th>
            <td>${empty(a) ? html`<span class="muted">—</span>` : a}</td>
            <td>${empty(b) ? html`<span class="muted">—</span>` : b}</td>
          </tr>`,
        )}
      </tbody>
    </table>
  `;
}

/** One record, every field (record pages). */
export function RecordSheet({ record }) {
  const rows = RECORD_ROWS.map(([label, value]) => [label, value(record)]).filter(([, v]) => !empty(v));
  return html`
    <dl class="sheet">
      <dt>Nombre</dt>
      <dd>${personName(record) || html`<span class="muted">Sin nombre</span>`}</dd>
      ${rows.map(([label, v]) => html`<dt>${label}</dt><dd>${v}</dd>`)}
      <dt>Folio de origen</dt>
      <dd>${record.sourceRecordId}</dd>
      <dt>País de registro</dt>
      <dd>${country(record.country)}</dd>
      <dt>Versión</dt>
      <dd>${record.version} · actualizado ${formatDateTime(record.updatedAt)}</dd>
    </dl>
  `;
}
