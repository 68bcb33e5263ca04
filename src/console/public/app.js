// The console's shell: hash routes, the session gate, the header (who is signed in, search, sign-out).
import { html, render, useEffect, useRef, useState } from './lib.js';
import { currentSession, onSessionChange, restoreSession, signInHash, signOut } from './api.js';
import { country, loadLabels, ROLE } from './format.js';
import { SignInPage } from './pages/sign-in.js';
import { QueuePage } from './pages/queue.js';
import { AlertPage } from './pages/alert.js';
import { RecordPage } from './pages/record.js';
import { SearchPage } from './pages/search.js';

/** '#/alertas/ID?x=1' → { path: ['alertas', 'ID'], params: URLSearchParams }. */
function parseHash() {
  const raw = location.hash.replace(/^#\/?/, '');
  const [path, search = ''] = raw.split('?');
  return { path: path.split('/').filter(Boolean).map(decodeURIComponent), params: new URLSearchParams(search), raw };
}

function useRoute() {
  const [route, setRoute] = useState(parseHash);
  useEffect(() => {
    const onChange = () => setRoute(parseHash());
    addEventListener('hashchange', onChange);
    return () => removeEventListener('hashchange', onChange);
  }, []);
  return route;
}

function useSession() {
  const [session, setSession] = useState(currentSession);
  useEffect(() => onSessionChange(setSession), []);
  return session;
}

function Header({ session, route }) {
  const searched = route.path[0] === 'buscar' ? route.params.get('q') || '' : '';
  const [q, setQ] = useState(searched);
  useEffect(() => setQ(searched), [searched]);
  const account = session.account;
  const org = account.organization || {};
  const onSearch = (event) => {
    event.preventDefault();
    if (q.trim()) location.hash = `#/buscar?q=${encodeURIComponent(q.trim())}`;
  };
  const section = route.path[0] || 'cola';
  return html`
    <header class="topbar">
      <a class="skip" href="#contenido" onClick=${(e) => { e.preventDefault(); document.getElementById('contenido')?.focus(); }}>Saltar al contenido</a>
      <div class="brand">
        <span class="brand-mark" aria-hidden="true"></span>
        <span><strong>Consola de revisión</strong><span class="brand-sub">Personas desaparecidas México–Guatemala</span></span>
      </div>
      <nav aria-label="Secciones">
        <a href="#/cola" aria-current=${section === 'cola' || section === 'alertas' ? 'page' : undefined}>Cola de alertas</a>
        <a href="#/buscar" aria-current=${section === 'buscar' || section === 'registros' ? 'page' : undefined}>Buscar registros</a>
      </nav>
      <form class="header-search" role="search" onSubmit=${onSearch}>
        <label for="busqueda-rapida" class="visually-hidden">Buscar por nombre</label>
        <input id="busqueda-rapida" type="search" placeholder="Buscar por nombre o alias…" value=${q} onInput=${(e) => setQ(e.currentTarget.value)} />
        <button type="submit" class="btn btn-small">Buscar</button>
      </form>
      <div class="who" aria-label="Sesión">
        <span class="who-name" data-testid="who-name">${account.displayName}</span>
        <span class="who-org" title=${`Funciones: ${(account.roles || []).map((r) => ROLE[r] || r).join(', ')}`}>${org.name}${org.country ? ` · ${country(org.country)}` : ''}</span>
      </div>
      <button type="button" class="btn btn-ghost" onClick=${() => signOut().finally(() => (location.hash = '#/entrar'))}>Cerrar sesión</button>
    </header>
  `;
}

function Page({ route, session }) {
  const [section, a, b] = route.path;
  if (section === 'alertas' && a) return html`<${AlertPage} key=${a} id=${a} session=${session} />`;
  if (section === 'registros' && a && b) return html`<${RecordPage} key=${`${a}/${b}`} kind=${a} id=${b} session=${session} />`;
  if (section === 'buscar') return html`<${SearchPage} key=${route.raw} params=${route.params} session=${session} />`;
  return html`<${QueuePage} key=${route.raw} params=${route.params} session=${session} />`;
}

function App() {
  const route = useRoute();
  const session = useSession();
  const [ready, setReady] = useState(false);
  const [bootError, setBootError] = useState(null);
  const main = useRef(null);

  useEffect(() => {
    Promise.all([loadLabels(), restoreSession()])
      .then(() => setReady(true))
      .catch((error) => setBootError(error.message));
  }, []);

  // Without a session every route shows the sign-in page; with one, the sign-in route goes back where it came from.
  useEffect(() => {
    if (!ready) return;
    const onSignIn = route.path[0] === 'entrar';
    if (!session && !onSignIn) location.hash = signInHash();
    if (session && onSignIn) location.hash = route.params.get('volver') || '#/cola';
  }, [ready, session, route.raw]);

  // A new page moves the focus to its content (keyboard and screen-reader users start at the top of it, not in the
  // header link they followed); changing the queue's filters stays on the same page and keeps the focus.
  const pagePath = route.path.join('/');
  const lastPath = useRef(pagePath);
  useEffect(() => {
    if (lastPath.current === pagePath) return;
    lastPath.current = pagePath;
    if (ready && session && main.current) {
      main.current.focus({ preventScroll: true });
      scrollTo(0, 0);
    }
  }, [pagePath]);

  if (bootError) return html`<main class="boot"><p role="alert">No se pudo abrir la consola: ${bootError}</p></main>`;
  if (!ready) return html`<p class="boot">Cargando la consola…</p>`;
  if (!session) return html`<${SignInPage} params=${route.params} />`;
  if (route.path[0] === 'entrar') return html`<p class="boot">Entrando…</p>`;
  return html`
    <${Header} session=${session} route=${route} />
    <main id="contenido" tabindex="-1" ref=${main}>
      <${Page} route=${route} session=${session} />
    </main>
  `;
}

render(html`<${App} />`, document.getElementById('app'));
