// Name search (trigram similarity on the service: tolerant of misspellings and missing accents).
import { html, useEffect, useRef, useState } from '../lib.js';
import { get, query } from '../api.js';
import { country, KIND, percent, term } from '../format.js';
import { ErrorBox, Loading } from '../components/ui.js';

/** A missing report is located (alive or dead) by a confirmed match, or not yet; a victim record has no such state. */
function recordState(r) {
  if (r.kind !== 'missing_report') return '';
  if (r.located === 'alive') return 'Localizada con vida';
  if (r.located === 'deceased') return 'Localizada sin vida';
  return 'Sin localizar';
}

export function SearchPage({ params }) {
  const initialQ = params.get('q') || '';
  const initialKind = params.get('kind') || '';
  const [q, setQ] = useState(initialQ);
  const [kind, setKind] = useState(initialKind);
  const [results, setResults] = useState(null);
  const [error, setError] = useState(null);
  const [loading, setLoading] = useState(false);
  const input = useRef(null);

  useEffect(() => {
    if (!initialQ) {
      input.current?.focus();
      return;
    }
    setLoading(true);
    get(`/records/search${query({ q: initialQ, kind: initialKind, limit: 20 })}`)
      .then((d) => setResults(d.items), setError)
      .finally(() => setLoading(false));
  }, []);

  const submit = (event) => {
    event.preventDefault();
    if (q.trim()) location.hash = `#/buscar${query({ q: q.trim(), kind })}`;
  };

  return html`
    <div class="page">
      <div class="page-head">
        <h1>Buscar registros por nombre</h1>
        <p class="page-lead">Busca en nombres, apellidos y alias aunque estén mal escritos o sin acentos (p. ej. <q>Maria Jose Pena</q> encuentra <q>María José Peña</q>).</p>
      </div>
      <form class="filters search-form" role="search" onSubmit=${submit}>
        <div class="field field-grow">
          <label for="s-texto">Nombre, apellidos o alias</label>
          <input id="s-texto" type="search" ref=${input} required minlength="2" value=${q} onInput=${(e) => setQ(e.currentTarget.value)} />
        </div>
        <div class="field">
          <label for="s-tipo">Tipo de registro</label>
          <select id="s-tipo" value=${kind} onChange=${(e) => setKind(e.currentTarget.value)}>
            <option value="">Ambos</option>
            <option value="missing_report">${KIND.missing_report}</option>
            <option value="suspected_victim">${KIND.suspected_victim}</option>
          </select>
        </div>
        <div class="filters-actions"><button type="submit" class="btn btn-primary">Buscar</button></div>
      </form>
      <${ErrorBox} error=${error} />
      ${loading && html`<${Loading} label="Buscando…" />`}
      ${results && results.length === 0 && html`<p class="empty" role="status">Sin resultados para <q>${initialQ}</q>.</p>`}
      ${results && results.length > 0 && html`
        <div class="table-wrap">
          <table class="queue" data-testid="search-results">
            <caption class="visually-hidden">Registros que se parecen a ${initialQ}, del más parecido al menos</caption>
            <thead><tr><th scope="col">Nombre</th><th scope="col">Alias</th><th scope="col">Tipo</th><th scope="col">País</th><th scope="col">Sexo</th><th scope="col">Folio</th><th scope="col">Estado</th><th scope="col" class="num">Parecido</th></tr></thead>
            <tbody>
              ${results.map((r) => html`<tr>
                <td><a href=${`#/registros/${r.kind}/${r.id}`}>${[r.givenNames, r.firstSurname, r.secondSurname].filter(Boolean).join(' ') || r.fullName || 'Sin nombre'}</a></td>
                <td>${(r.aliases || []).join(', ')}</td>
                <td>${KIND[r.kind] || r.kind}</td>
                <td>${country(r.country)}</td>
                <td>${term('SEX', r.sex)}</td>
                <td class="pair-id">${r.sourceRecordId}</td>
                <td>${recordState(r)}</td>
                <td class="num">${typeof r.similarity === 'number' ? percent(r.similarity) : ''}</td>
              </tr>`)}
            </tbody>
          </table>
        </div>`}
    </div>
  `;
}
