// A record page (#/registros/missing_report/ID or suspected_victim/ID): every field of one record.
import { html, useEffect, useState } from '../lib.js';
import { get } from '../api.js';
import { country, KIND, KIND_PATH, personName } from '../format.js';
import { ErrorBox, Loading } from '../components/ui.js';
import { RecordSheet } from '../components/records.js';

function Back() {
  const back = (event) => {
    if (history.length > 1) {
      event.preventDefault();
      history.back();
    }
  };
  return html`<a class="back" href="#/cola" onClick=${back}>← Volver</a>`;
}

export function RecordPage({ kind, id }) {
  const [record, setRecord] = useState(null);
  const [error, setError] = useState(null);
  const known = Boolean(KIND_PATH[kind]);

  useEffect(() => {
    if (known) get(`/${KIND_PATH[kind]}/${encodeURIComponent(id)}`).then(setRecord, setError);
  }, [kind, id]);

  if (!known) return html`<div class="page"><${ErrorBox}>Tipo de registro desconocido.<//></div>`;
  if (error) {
    return html`<div class="page">
      <${Back} />
      <${ErrorBox} error=${error} context="este registro" />
      ${error.status === 404 && html`<p class="muted">Los registros del otro país solo se ven como parte de una alerta que comparten con un registro de su país.</p>`}
    </div>`;
  }
  if (!record) return html`<div class="page"><${Loading} label="Cargando el registro…" /></div>`;
  return html`
    <div class="page record-page">
      <${Back} />
      <div class="page-head">
        <p class="kind">${KIND[record.kind]} · ${country(record.country)}</p>
        <h1>${personName(record) || record.sourceRecordId}</h1>
        <p class="page-lead">Folio ${record.sourceRecordId}${record.located ? html` · <a href=${`#/alertas/${record.located.alertId}`}>alerta que la localizó</a>` : ''}</p>
      </div>
      <section class="panel"><${RecordSheet} record=${record} /></section>
    </div>
  `;
}
