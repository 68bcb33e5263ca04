// One alert: the two records side by side, the evidence waterfall, the review actions (claim, takeover, release,
// decide, forensic comparison), the history with people's names, and the notes.
import { html, useEffect, useRef, useState } from '../lib.js';
import { get, post } from '../api.js';
import { actorName, DECISION, EVENT, formatDateTime, formatTime, number, percent, STATUS, when } from '../format.js';
import { ErrorBox, errorText, Loading, StatusBadge, Tag } from '../components/ui.js';
import { Distance, SideBySide } from '../components/records.js';
import { Waterfall } from '../components/waterfall.js';

const OPEN = new Set(['pending', 'in_review', 'needs_info']);

const REASONS = {
  confirmed: ['Coinciden señas particulares, estatura y edad', 'Coincide el documento de identidad', 'Coinciden nombre, fecha de nacimiento y lugar'],
  rejected: [
    'Sexo distinto',
    'Edades incompatibles',
    'Señas particulares no coinciden',
    'Documento de identidad distinto',
    'Localizada antes de la desaparición',
    'Estatura incompatible',
    'Se trata de otra persona con nombre parecido',
  ],
  needs_info: ['Falta fotografía', 'Falta ficha odontológica', 'Pedir descripción de tatuajes a la fiscalía', 'Confirmar fecha y lugar de localización'],
};
const DECISION_LABEL = { confirmed: 'Confirmar coincidencia', rejected: 'Rechazar', needs_info: 'Pedir más información' };

/** What a 409 of the review workflow means for the reviewer, with the holder's name when someone else holds the claim. */
function conflictText(error, alert, me, action) {
  const claim = alert?.claim;
  const holder = claim && claim.keyId !== me.keyId ? claim : null;
  const status = alert?.status;
  if (error.fieldErrors.some((e) => e.field === 'evidenceVersion')) {
    return 'La evidencia cambió desde que abrió la alerta: se volvió a calcular. Revise la evidencia actualizada antes de decidir.';
  }
  if (holder) return `No se pudo ${action}: la alerta está reclamada por ${actorName(holder.name, holder.keyId, me)} hasta las ${formatTime(holder.expiresAt)}.`;
  if (status && !OPEN.has(status)) return `No se pudo ${action}: la alerta ya está ${STATUS[status].toLowerCase()}.`;
  if (/no identification system/i.test(error.message)) return 'No hay un sistema de identificación humana configurado para los países de esta alerta.';
  if (/claim the alert/i.test(error.message) || /live claim/i.test(error.message)) return `No se pudo ${action}: su reclamo ya no está vigente. Reclame la alerta de nuevo.`;
  return `No se pudo ${action}: ${error.message}`;
}

function Header({ alert }) {
  const r = alert.missingReport;
  const v = alert.suspectedVictim;
  return html`
    <div class="alert-head">
      <a class="back" href="#/cola">← Volver a la cola</a>
      <div class="alert-title">
        <h1>Alerta <span class="pair-id">${r.sourceRecordId}</span> <span class="muted" aria-label="con">↔</span> <span class="pair-id">${v.sourceRecordId}</span></h1>
        <div class="alert-tags">
          <${StatusBadge} status=${alert.status} />
          ${alert.crossBorder && html`<${Tag} kind="border">Transfronteriza<//>`}
          ${alert.minor && html`<${Tag} kind="minor">Posible menor de edad<//>`}
          ${alert.forensicResult && html`<${Tag} kind="forensic">${alert.forensicResult === 'identified' ? 'Identificada por el sistema forense' : 'Excluida por el sistema forense'}<//>`}
        </div>
      </div>
      <dl class="kpis">
        <div><dt>Probabilidad</dt><dd data-testid="alert-probability">${percent(alert.probability)}</dd></div>
        <div><dt>Peso de la evidencia</dt><dd>${number(alert.matchWeight, 1)} bits</dd></div>
        <div><dt>Prioridad</dt><dd>${number(alert.priority, 1)}</dd></div>
        <div><dt>Versión de la evidencia</dt><dd>${alert.evidenceVersion}</dd></div>
        <div><dt>Ronda de revisión</dt><dd>${alert.reviewRound}</dd></div>
      </dl>
    </div>
  `;
}

function ClaimState({ alert, me }) {
  const claim = alert.claim;
  if (!claim) return html`<p class="claim-state" data-testid="claim-state">Nadie la tiene reclamada.</p>`;
  const mine = claim.keyId === me.keyId;
  return html`<p class=${`claim-state ${mine ? 'is-mine' : 'is-other'}`} data-testid="claim-state">
    ${mine ? 'Usted la tiene reclamada' : html`Reclamada por <strong>${actorName(claim.name, claim.keyId, me)}</strong>`} hasta las ${formatTime(claim.expiresAt)}.
  </p>`;
}

function DecisionForm({ alert, busy, onDecide }) {
  const [decision, setDecision] = useState('');
  const [reason, setReason] = useState('');
  const [note, setNote] = useState('');
  const submit = (event) => {
    event.preventDefault();
    if (!decision || !reason.trim()) return;
    onDecide({ decision, reason: reason.trim(), ...(note.trim() ? { note: note.trim() } : {}), evidenceVersion: alert.evidenceVersion });
  };
  return html`
    <form class="decision" onSubmit=${submit} aria-label="Decisión">
      <fieldset>
        <legend>Decisión</legend>
        ${['confirmed', 'rejected', 'needs_info'].map(
          (d) => html`<div class="radio">
            <input type="radio" id=${`d-${d}`} name="decision" value=${d} checked=${decision === d} onChange=${() => setDecision(d)} />
            <label for=${`d-${d}`}>${DECISION_LABEL[d]}</label>
          </div>`,
        )}
      </fieldset>
      ${decision === 'confirmed' &&
      html`<p class="notice notice-warn">Confirmar marca el reporte como localizado, cierra las demás alertas de ambos registros y envía la solicitud al sistema de identificación humana.</p>`}
      <div class="field">
        <label for="d-motivo">Motivo (obligatorio)</label>
        <input id="d-motivo" list="d-motivos" required maxlength="2000" value=${reason} onInput=${(e) => setReason(e.currentTarget.value)} placeholder=${decision ? 'Escriba o elija un motivo' : 'Elija primero una decisión'} />
        <datalist id="d-motivos">${(REASONS[decision] || []).map((r) => html`<option value=${r}></option>`)}</datalist>
      </div>
      <div class="field">
        <label for="d-nota">Nota (opcional)</label>
        <textarea id="d-nota" rows="2" maxlength="5000" value=${note} onInput=${(e) => setNote(e.currentTarget.value)}></textarea>
      </div>
      <button type="submit" class=${`btn ${decision === 'rejected' ? 'btn-danger' : 'btn-primary'}`} disabled=${busy || !decision || !reason.trim()}>
        ${decision ? DECISION_LABEL[decision] : 'Registrar decisión'}
      </button>
    </form>
  `;
}

function TakeoverForm({ busy, onTakeover }) {
  const [reason, setReason] = useState('');
  return html`
    <form class="takeover" onSubmit=${(e) => { e.preventDefault(); if (reason.trim()) onTakeover(reason.trim()); }}>
      <div class="field">
        <label for="t-motivo">Motivo para tomar la revisión</label>
        <input id="t-motivo" required maxlength="2000" value=${reason} onInput=${(e) => setReason(e.currentTarget.value)} placeholder="p. ej. la persona está de vacaciones" />
      </div>
      <button type="submit" class="btn" disabled=${busy || !reason.trim()}>Tomar la revisión</button>
    </form>
  `;
}

function ForensicRequest({ alert, busy, onRequest, requests }) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  return html`
    <div class="forensic">
      ${requests && requests.length > 0 &&
      html`<ul class="plain small">
        ${requests.map((r) => html`<li>Solicitud a <strong>${r.system}</strong> · ${r.status === 'delivered' ? 'entregada' : r.status === 'failed' ? 'fallida' : 'pendiente'} · ${formatDateTime(r.createdAt)}</li>`)}
      </ul>`}
      ${!open
        ? html`<button type="button" class="btn" onClick=${() => setOpen(true)} aria-expanded="false">Solicitar comparación forense…</button>`
        : html`<form onSubmit=${(e) => { e.preventDefault(); if (reason.trim()) onRequest(reason.trim()).then((ok) => ok && (setOpen(false), setReason(''))); }}>
            <div class="field">
              <label for="f-motivo">Motivo de la comparación forense</label>
              <input id="f-motivo" required maxlength="2000" value=${reason} onInput=${(e) => setReason(e.currentTarget.value)} placeholder="p. ej. cotejar ADN con muestras familiares" />
            </div>
            <div class="row-actions">
              <button type="submit" class="btn" disabled=${busy || !reason.trim()}>Enviar solicitud</button>
              <button type="button" class="btn btn-ghost" onClick=${() => setOpen(false)}>Cancelar</button>
            </div>
          </form>`}
    </div>
  `;
}

function ReversalForm({ busy, onReverse }) {
  const [reason, setReason] = useState('');
  return html`
    <form class="takeover" onSubmit=${(e) => { e.preventDefault(); if (reason.trim()) onReverse(reason.trim()); }}>
      <p class="muted">Como administración puede revertir la confirmación: la alerta vuelve a pendiente, el reporte deja de estar localizado y las alertas sustituidas por ella se restablecen.</p>
      <div class="field">
        <label for="r-motivo">Motivo de la reversión</label>
        <input id="r-motivo" required maxlength="2000" value=${reason} onInput=${(e) => setReason(e.currentTarget.value)} />
      </div>
      <button type="submit" class="btn btn-danger" disabled=${busy || !reason.trim()}>Revertir la confirmación</button>
    </form>
  `;
}

function Actions({ alert, me, busy, act, requests }) {
  const investigator = (me.roles || []).includes('investigator');
  const admin = (me.roles || []).includes('admin');
  const open = OPEN.has(alert.status);
  const claim = alert.claim;
  const mine = claim && claim.keyId === me.keyId;
  return html`
    <section class="panel" aria-labelledby="h-revision">
      <h2 id="h-revision">Revisión</h2>
      <${ClaimState} alert=${alert} me=${me} />
      ${!investigator && html`<p class="muted">Solo el personal de investigación reclama y decide alertas; su cuenta puede leerlas y escribir notas.</p>`}
      ${investigator && !open && html`<p class="muted">La alerta está ${STATUS[alert.status].toLowerCase()}: ya no se puede reclamar ni decidir.</p>`}
      ${investigator && open && !claim && html`<button type="button" class="btn btn-primary" disabled=${busy} onClick=${() => act('claim')}>Reclamar para revisar</button>`}
      ${investigator && open && claim && !mine && html`<${TakeoverForm} busy=${busy} onTakeover=${(reason) => act('takeover', { reason })} />`}
      ${investigator && open && mine && html`
        <${DecisionForm} alert=${alert} busy=${busy} onDecide=${(body) => act('decide', body)} />
        <div class="row-actions">
          <button type="button" class="btn btn-ghost" disabled=${busy} onClick=${() => act('release')}>Liberar el reclamo</button>
        </div>`}
      ${admin && alert.status === 'confirmed' && html`<${ReversalForm} busy=${busy} onReverse=${(reason) => act('reverse', { reason })} />`}
      ${investigator && html`<${ForensicRequest} alert=${alert} busy=${busy} requests=${requests} onRequest=${(reason) => act('forensic', { reason })} />`}
    </section>
  `;
}

function History({ alert, me }) {
  const decisionEvents = new Set(['decided', 'reversed']);
  const items = [
    ...alert.history.filter((e) => !decisionEvents.has(e.event)).map((e) => ({ at: e.at, kind: 'event', e })),
    ...alert.decisions.map((d) => ({ at: d.decidedAt, kind: 'decision', d })),
  ].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
  return html`
    <section class="panel" aria-labelledby="h-historial">
      <h2 id="h-historial">Historial</h2>
      <ol class="timeline" data-testid="history">
        ${items.map((item) =>
          item.kind === 'decision'
            ? html`<li class=${`tl-decision tl-${item.d.decision}`}>
                <div class="tl-head"><strong>${DECISION[item.d.decision] || item.d.decision}</strong> · ${item.d.source === 'forensic' ? 'sistema de identificación' : actorName(item.d.decidedByName, item.d.decidedByKeyId, me)}</div>
                <div class="tl-body">Motivo: ${item.d.reason}${item.d.note ? html`<br />Nota: ${item.d.note}` : ''}</div>
                <div class="tl-meta">${when(item.at)} · evidencia v${item.d.evidenceVersion}</div>
              </li>`
            : html`<li>
                <div class="tl-head"><strong>${EVENT[item.e.event] || item.e.event}</strong>${item.e.actorKeyId || item.e.actorName ? html` · ${actorName(item.e.actorName, item.e.actorKeyId, me)}` : ''}</div>
                ${item.e.fromStatus && item.e.toStatus && item.e.fromStatus !== item.e.toStatus && html`<div class="tl-body">${STATUS[item.e.fromStatus] || item.e.fromStatus} → ${STATUS[item.e.toStatus] || item.e.toStatus}</div>`}
                ${item.e.reason && html`<div class="tl-body">Motivo: ${item.e.reason}</div>`}
                <div class="tl-meta">${when(item.at)}${item.e.matchWeight != null ? ` · peso ${number(item.e.matchWeight, 1)}` : ''}</div>
              </li>`,
        )}
      </ol>
    </section>
  `;
}

function Notes({ alertId, me }) {
  const [notes, setNotes] = useState(null);
  const [body, setBody] = useState('');
  const [error, setError] = useState(null);
  const [busy, setBusy] = useState(false);
  const load = () => get(`/alerts/${alertId}/notes`).then((d) => setNotes(d.items), setError);
  useEffect(() => {
    load();
  }, [alertId]);
  const add = async (event) => {
    event.preventDefault();
    if (!body.trim()) return;
    setBusy(true);
    setError(null);
    try {
      await post(`/alerts/${alertId}/notes`, { body: body.trim() });
      setBody('');
      await load();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return html`
    <section class="panel" aria-labelledby="h-notas">
      <h2 id="h-notas">Notas</h2>
      <${ErrorBox} error=${error} />
      ${notes === null && !error && html`<${Loading} label="Cargando notas…" />`}
      ${notes && notes.length === 0 && html`<p class="muted">Sin notas todavía.</p>`}
      ${notes && notes.length > 0 &&
      html`<ol class="notes" data-testid="notes">
        ${notes.map((n) => html`<li><div class="tl-head"><strong>${actorName(n.authorName, n.authorKeyId, me)}</strong> · ${when(n.createdAt)}</div><p>${n.body}</p></li>`)}
      </ol>`}
      <form onSubmit=${add}>
        <div class="field">
          <label for="n-texto">Nueva nota</label>
          <textarea id="n-texto" rows="3" maxlength="5000" value=${body} onInput=${(e) => setBody(e.currentTarget.value)}></textarea>
        </div>
        <button type="submit" class="btn" disabled=${busy || !body.trim()}>Agregar nota</button>
      </form>
    </section>
  `;
}

export function AlertPage({ id, session }) {
  const me = session.account;
  const [alert, setAlert] = useState(null);
  const [error, setError] = useState(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState(null); // { kind: 'ok' | 'error', text }
  const [requests, setRequests] = useState(null);
  const messageRef = useRef(null);
  const investigator = (me.roles || []).includes('investigator');

  const load = () =>
    get(`/alerts/${id}`).then(
      (data) => {
        setAlert(data);
        return data;
      },
      (e) => {
        setError(e);
        return null;
      },
    );
  const loadRequests = () => (investigator || (me.roles || []).includes('admin') ? get(`/alerts/${id}/forensic-requests`).then((d) => setRequests(d.items), () => setRequests(null)) : null);

  useEffect(() => {
    load();
    loadRequests();
  }, [id]);
  useEffect(() => {
    if (message) messageRef.current?.focus();
  }, [message]);

  const act = async (action, body) => {
    setBusy(true);
    setMessage(null);
    const verbs = { claim: 'reclamar la alerta', takeover: 'tomar la revisión', release: 'liberar el reclamo', decide: 'registrar la decisión', forensic: 'solicitar la comparación forense', reverse: 'revertir la confirmación' };
    try {
      if (action === 'claim') await post(`/alerts/${id}/claim`, {});
      if (action === 'takeover') await post(`/alerts/${id}/claim`, { takeover: true, reason: body.reason });
      if (action === 'release') await post(`/alerts/${id}/release`, {});
      if (action === 'reverse') {
        const result = await post(`/alerts/${id}/reversal`, { reason: body.reason });
        const n = result.restored?.length ?? 0;
        const extra = n === 1 ? ' Se restableció 1 alerta sustituida.' : n > 1 ? ` Se restablecieron ${n} alertas sustituidas.` : '';
        setMessage({ kind: 'ok', text: `Confirmación revertida: la alerta vuelve a pendiente.${extra}` });
      }
      if (action === 'decide') {
        const result = await post(`/alerts/${id}/decision`, body);
        const n = result.superseded?.length ?? 0;
        const extra = n === 1 ? ' Se cerró 1 alerta relacionada como sustituida.' : n > 1 ? ` Se cerraron ${n} alertas relacionadas como sustituidas.` : '';
        setMessage({ kind: 'ok', text: `Decisión registrada: ${DECISION[body.decision]}.${extra}` });
      }
      if (action === 'forensic') {
        await post(`/alerts/${id}/forensic-request`, { reason: body.reason });
        setMessage({ kind: 'ok', text: 'Solicitud de comparación forense registrada; se enviará al sistema de identificación.' });
        await loadRequests();
      }
      if (action === 'claim') setMessage({ kind: 'ok', text: 'Alerta reclamada: puede revisarla y decidir.' });
      if (action === 'takeover') setMessage({ kind: 'ok', text: 'Tomó la revisión de la alerta (queda en el historial, con su motivo): puede revisarla y decidir.' });
      if (action === 'release') setMessage({ kind: 'ok', text: 'Reclamo liberado.' });
      await load();
      return true;
    } catch (e) {
      const fresh = e.status === 409 || e.status === 404 ? await load() : alert;
      setMessage({ kind: 'error', text: e.status === 409 ? conflictText(e, fresh || alert, me, verbs[action]) : errorText(e, 'la alerta') });
      return false;
    } finally {
      setBusy(false);
    }
  };

  if (error) return html`<div class="page"><a class="back" href="#/cola">← Volver a la cola</a><${ErrorBox} error=${error} context="esta alerta" /></div>`;
  if (!alert) return html`<div class="page"><${Loading} label="Cargando la alerta…" /></div>`;
  return html`
    <div class="page alert-page">
      <${Header} alert=${alert} />
      ${message &&
      html`<div class=${`notice ${message.kind === 'ok' ? 'notice-ok' : 'notice-error'}`} role=${message.kind === 'ok' ? 'status' : 'alert'} tabindex="-1" ref=${messageRef} data-testid="action-message">${message.text}</div>`}
      <div class="alert-grid">
        <div class="alert-main">
          <section class="panel" aria-labelledby="h-registros">
            <h2 id="h-registros">Los dos registros</h2>
            <${SideBySide} report=${alert.missingReport} victim=${alert.suspectedVictim} />
            <${Distance} report=${alert.missingReport} victim=${alert.suspectedVictim} />
          </section>
          <section class="panel" aria-labelledby="h-evidencia">
            <h2 id="h-evidencia">Evidencia <span class="h-note">pesos en bits; a la derecha a favor, a la izquierda en contra</span></h2>
            <${Waterfall} evidence=${alert.evidence} />
          </section>
        </div>
        <aside class="alert-side" aria-label="Revisión, historial y notas">
          <${Actions} alert=${alert} me=${me} busy=${busy} act=${act} requests=${requests} />
          <${History} alert=${alert} me=${me} />
          <${Notes} alertId=${alert.id} me=${me} />
        </aside>
      </div>
    </div>
  `;
}
