// The queue: counts per status, filters and sort (kept in the address, so a filtered queue can be bookmarked),
// and cursor pagination (the cursors of earlier pages are kept for "Anterior").
import { html, useEffect, useState } from '../lib.js';
import { get, query } from '../api.js';
import { actorName, country, formatDate, number, percent, STATUS, STATUS_ORDER } from '../format.js';
import { ErrorBox, Loading, StatusBadge, Tag } from '../components/ui.js';

const FILTER_KEYS = ['status', 'country', 'crossBorder', 'minor', 'assignedTo', 'minProbability', 'sort', 'limit'];
const ORDER_LEAD = { '-priority': 'de mayor a menor prioridad', '-weight': 'de mayor a menor peso de la evidencia', createdAt: 'de la más antigua a la más reciente' };
const SORTS = { '-priority': 'Prioridad', '-weight': 'Peso de la evidencia', createdAt: 'Más antiguas primero' };

function filtersFrom(params) {
  const out = {};
  for (const key of FILTER_KEYS) out[key] = params.get(key) || '';
  return out;
}

/** The API's query from the page's filters (the minimum probability is shown in percent). */
function apiQuery(filters, cursor) {
  const p = filters.minProbability === '' ? '' : Math.min(100, Math.max(0, Number(filters.minProbability))) / 100;
  return query({ ...filters, minProbability: Number.isNaN(p) ? '' : p, limit: filters.limit || 25, cursor });
}

function Summary({ summary, active }) {
  if (!summary) return null;
  const go = (status) => {
    location.hash = `#/cola${query({ status })}`;
  };
  return html`
    <section class="summary" aria-label="Alertas por estado">
      <ul class="summary-list">
        ${STATUS_ORDER.map(
          (status) => html`
            <li>
              <button type="button" class=${`summary-item summary-${status}${active === status ? ' is-active' : ''}`} aria-pressed=${active === status ? 'true' : 'false'} onClick=${() => go(status)} data-testid=${`count-${status}`}>
                <span class="summary-count">${summary.byStatus[status] ?? 0}</span>
                <span class="summary-label">${STATUS[status]}</span>
              </button>
            </li>
          `,
        )}
      </ul>
      <p class="summary-extra">
        <span><strong>${summary.crossBorderOpen}</strong> abiertas transfronterizas</span>
        <span><strong>${summary.minorOpen}</strong> abiertas con posible menor de edad</span>
        <span><strong>${summary.assignedToMe}</strong> reclamadas por usted</span>
        <span><strong>${summary.total}</strong> en total</span>
      </p>
    </section>
  `;
}

function Filters({ initial }) {
  const [f, setF] = useState(initial);
  const set = (key) => (event) => {
    const target = event.currentTarget;
    setF({ ...f, [key]: target.type === 'checkbox' ? (target.checked ? 'me' : '') : target.value });
  };
  const apply = (event) => {
    event.preventDefault();
    location.hash = `#/cola${query(f)}`;
  };
  const clear = () => {
    location.hash = '#/cola';
  };
  return html`
    <form class="filters" onSubmit=${apply} aria-label="Filtros de la cola">
      <div class="field field-status">
        <label for="f-estado">Estado</label>
        <select id="f-estado" value=${f.status} onChange=${set('status')}>
          <option value="">Todos</option>
          ${STATUS_ORDER.map((s) => html`<option value=${s}>${STATUS[s]}</option>`)}
        </select>
      </div>
      <div class="field">
        <label for="f-pais">País</label>
        <select id="f-pais" value=${f.country} onChange=${set('country')}>
          <option value="">Ambos</option>
          <option value="MX">México</option>
          <option value="GT">Guatemala</option>
        </select>
      </div>
      <div class="field">
        <label for="f-frontera">Transfronteriza</label>
        <select id="f-frontera" value=${f.crossBorder} onChange=${set('crossBorder')}>
          <option value="">Todas</option>
          <option value="true">Sí</option>
          <option value="false">No</option>
        </select>
      </div>
      <div class="field">
        <label for="f-menor">Posible menor</label>
        <select id="f-menor" value=${f.minor} onChange=${set('minor')}>
          <option value="">Todas</option>
          <option value="true">Sí</option>
          <option value="false">No</option>
        </select>
      </div>
      <div class="field field-narrow">
        <label for="f-prob">Prob. mínima (%)</label>
        <input id="f-prob" type="number" min="0" max="100" step="1" inputmode="numeric" value=${f.minProbability} onInput=${set('minProbability')} />
      </div>
      <div class="field field-sort">
        <label for="f-orden">Ordenar por</label>
        <select id="f-orden" value=${f.sort} onChange=${set('sort')}>
          <option value="">${SORTS['-priority']}</option>
          <option value="-weight">${SORTS['-weight']}</option>
          <option value="createdAt">${SORTS.createdAt}</option>
        </select>
      </div>
      <div class="field field-check">
        <input id="f-mias" type="checkbox" checked=${f.assignedTo === 'me'} onChange=${set('assignedTo')} />
        <label for="f-mias">Solo las mías</label>
      </div>
      <div class="filters-actions">
        <button type="submit" class="btn btn-primary">Aplicar filtros</button>
        <button type="button" class="btn btn-ghost" onClick=${clear}>Quitar</button>
      </div>
    </form>
  `;
}

function ProbabilityBar({ p }) {
  const level = p >= 0.9 ? 'high' : p >= 0.6 ? 'mid' : 'low';
  return html`
    <span class="prob">
      <span class="prob-track" aria-hidden="true"><span class=${`prob-fill prob-${level}`} style=${{ width: `${Math.round(p * 100)}%` }}></span></span>
      <span class="prob-value">${percent(p)}</span>
    </span>
  `;
}

function Row({ alert, me }) {
  const r = alert.missingReport;
  const v = alert.suspectedVictim;
  const label = `Abrir la alerta ${r.sourceRecordId} con ${v.sourceRecordId}`;
  return html`
    <tr data-testid="queue-row" data-alert-id=${alert.id}>
      <td class="num">${number(alert.priority, 1)}</td>
      <td><${ProbabilityBar} p=${alert.probability} /></td>
      <td>
        <a class="pair-link" href=${`#/alertas/${alert.id}`} aria-label=${label}>
          <span class="pair-id">${r.sourceRecordId}</span><span class="pair-country">${country(r.country)}</span>
        </a>
      </td>
      <td>
        <span class="pair-id">${v.sourceRecordId}</span><span class="pair-country">${country(v.country)}</span>
      </td>
      <td><${StatusBadge} status=${alert.status} /></td>
      <td class="tags">
        ${alert.crossBorder && html`<${Tag} kind="border">Transfronteriza<//>`}
        ${alert.minor && html`<${Tag} kind="minor">Posible menor<//>`}
      </td>
      <td>${alert.claim ? html`<span class="claim-holder">${actorName(alert.claim.name, alert.claim.keyId, me)}</span>` : html`<span class="muted">—</span>`}</td>
      <td class="nowrap">${formatDate(alert.createdAt)}</td>
    </tr>
  `;
}

export function QueuePage({ params, session }) {
  const filters = filtersFrom(params);
  const [cursors, setCursors] = useState([null]); // cursors[i] opens page i
  const [page, setPage] = useState(null);
  const [summary, setSummary] = useState(null);
  const [error, setError] = useState(null);
  const [loading, setLoading] = useState(true);
  const cursor = cursors[cursors.length - 1];

  useEffect(() => {
    get('/alerts/summary').then(setSummary, () => setSummary(null));
  }, []);

  useEffect(() => {
    let live = true;
    setLoading(true);
    setError(null);
    get(`/alerts${apiQuery(filters, cursor)}`)
      .then((data) => live && setPage(data))
      .catch((e) => live && setError(e))
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [cursor]);

  const next = () => page?.nextCursor && setCursors([...cursors, page.nextCursor]);
  const previous = () => cursors.length > 1 && setCursors(cursors.slice(0, -1));
  const items = page?.items ?? [];
  const filtered = FILTER_KEYS.some((k) => filters[k] && k !== 'limit' && k !== 'sort');

  return html`
    <div class="page">
      <div class="page-head">
        <h1>Cola de alertas</h1>
        <p class="page-lead">Posibles coincidencias entre reportes de desaparición y registros de posibles víctimas, ${ORDER_LEAD[filters.sort] || ORDER_LEAD['-priority']}.</p>
      </div>
      <${Summary} summary=${summary} active=${filters.status} />
      <${Filters} initial=${filters} />
      <${ErrorBox} error=${error} />
      <div class="table-wrap" aria-busy=${loading ? 'true' : 'false'}>
        <table class="queue">
          <caption class="visually-hidden">Alertas${filtered ? ' filtradas' : ''}, página ${cursors.length}</caption>
          <thead>
            <tr>
              <th scope="col" class="num">Prioridad</th>
              <th scope="col">Probabilidad</th>
              <th scope="col">Reporte de desaparición</th>
              <th scope="col">Posible víctima</th>
              <th scope="col">Estado</th>
              <th scope="col">Señales</th>
              <th scope="col">Reclamada por</th>
              <th scope="col">Creada</th>
            </tr>
          </thead>
          <tbody>
            ${items.map((a) => html`<${Row} key=${a.id} alert=${a} me=${session.account} />`)}
          </tbody>
        </table>
        ${loading && !page && html`<${Loading} label="Cargando alertas…" />`}
        ${!loading && items.length === 0 && !error && html`<p class="empty" role="status">No hay alertas con estos filtros.</p>`}
      </div>
      <nav class="pager" aria-label="Páginas">
        <button type="button" class="btn" onClick=${previous} disabled=${cursors.length <= 1 || loading}>← Anterior</button>
        <span class="pager-info" role="status">Página ${cursors.length}${items.length ? ` · ${items.length} alertas` : ''}</span>
        <button type="button" class="btn" onClick=${next} disabled=${!page?.nextCursor || loading}>Siguiente →</button>
      </nav>
    </div>
  `;
}
