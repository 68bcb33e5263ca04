import { existsSync, mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page, type Request } from 'playwright-core';
import { MatchingRunsService } from '../../src/matching/runs/matching-runs.service.js';
import { consoleRecords } from '../factories/console-records.js';
import { startTestApp, type TestAccount, type TestApp } from '../support/test-app.js';

/**
 * The review console in a real browser (Debian's Chromium driven by playwright-core), against the real application
 * listening on 127.0.0.1 with a real PostgreSQL: accounts created through the API, alerts raised by a real matching
 * run. Without /usr/bin/chromium the suite is skipped with a warning, except in CI (CI set), where it fails.
 */
// The callbacks given to page.evaluate and page.waitForFunction run in the page; the project compiles without DOM types.
declare const document: {
  querySelectorAll(selector: string): { length: number };
  querySelector(selector: string): { getAttribute(name: string): string | null } | null;
};
declare const location: { hash: string };
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON answers of the API, read as the tests need
type Json = any;

const CHROMIUM = '/usr/bin/chromium';
const haveChromium = existsSync(CHROMIUM);
if (!haveChromium && !process.env.CI) {
  console.warn(
    `console browser tests SKIPPED: ${CHROMIUM} is missing (apt-get install chromium); CI installs it and fails without it`,
  );
}
const suite = haveChromium || process.env.CI ? describe : describe.skip;
// Screenshots are test artifacts (test-artifacts/, not committed). UPDATE_DOCS_SCREENSHOTS=1 writes them to
// docs/images instead, for docs/console.md, after someone has looked at them.
const IMAGES = process.env.UPDATE_DOCS_SCREENSHOTS === '1' ? join(process.cwd(), 'docs', 'images') : join(process.cwd(), 'test-artifacts', 'console');
const VIEWPORT = { width: 1366, height: 768 };

suite('review console in a browser', () => {
  let t: TestApp;
  let base: string;
  let browser: Browser;
  let lucia: TestAccount;
  let ernesto: TestAccount;
  let carmen: TestAccount;
  const contexts: BrowserContext[] = [];
  /** Script errors and CSP violations on any page: there must be none. */
  const problems: string[] = [];
  /** Every unsafe API request the pages sent, to check the CSRF header. */
  const unsafe: Request[] = [];

  async function openPage(): Promise<Page> {
    const context = await browser.newContext({
      viewport: VIEWPORT,
      locale: 'es-MX',
      timezoneId: 'America/Mexico_City',
    });
    contexts.push(context);
    const page = await context.newPage();
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (
        message.type() === 'error' &&
        !/Failed to load resource: the server responded with a status of (401|409|423)/.test(message.text())
      ) {
        problems.push(`console: ${message.text()}`);
      }
    });
    page.on('request', (request) => {
      if (request.url().includes('/api/v1/') && !['GET', 'HEAD'].includes(request.method())) unsafe.push(request);
    });
    return page;
  }

  async function signIn(page: Page, account: TestAccount): Promise<void> {
    await page.goto(`${base}/console`);
    await page.waitForSelector('#correo');
    await page.fill('#correo', account.email);
    await page.fill('#contrasena', account.password);
    await page.press('#contrasena', 'Enter');
    await page.waitForSelector('[data-testid=who-name]');
  }

  /** The API as the signed-in page sees it (same cookie; reads only). */
  const apiGet = (page: Page, path: string): Promise<{ status: number; body: Json }> =>
    page.evaluate(async (p) => {
      const res = await fetch(`/api/v1${p}`);
      return { status: res.status, body: (await res.json().catch(() => null)) as Json };
    }, path);

  const text = async (page: Page, selector: string) =>
    ((await page.textContent(selector)) ?? '').replace(/\s+/g, ' ').trim();

  const queueRows = (page: Page) => page.locator('[data-testid=queue-row]');

  /**
   * The pending alert the docs' screenshot shows: one whose evidence has weights against as well as for, and
   * coordinates on both places (so the distance shows); the highest priority among them.
   */
  async function illustrativeAlert(page: Page): Promise<string> {
    const items = (await apiGet(page, '/alerts?status=pending&limit=50')).body.items as { id: string }[];
    let best = { id: items[0].id, score: -1 };
    for (const { id } of items) {
      const detail = (await apiGet(page, `/alerts/${id}`)).body;
      const against = (detail.evidence.comparisons as { weight: number; level: string }[]).some(
        (c) => c.level !== 'null' && c.weight < 0,
      );
      const located = [detail.missingReport.lastSeenPlace, detail.suspectedVictim.foundPlace].every(
        (p) => typeof p?.lat === 'number',
      );
      const score = (against ? 2 : 0) + (located ? 1 : 0);
      if (score > best.score) best = { id, score };
    }
    return best.id;
  }

  beforeAll(async () => {
    if (!haveChromium)
      throw new Error(`CI is set and ${CHROMIUM} is missing: .ci/run installs it (apt-get install chromium)`);
    t = await startTestApp({ env: { SESSION_COOKIE_SECURE: 'false' } });
    await t.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;

    lucia = await t.account(['investigator'], {
      displayName: 'Lucía Hernández Ortiz',
      organization: 'Fiscalía Especializada en Trata de Personas (Chiapas)',
      country: 'MX',
    });
    ernesto = await t.account(['investigator'], {
      displayName: 'Ernesto Ramírez Cruz',
      organization: 'Comisión Nacional de Búsqueda',
      country: 'MX',
    });
    carmen = await t.account(['investigator'], {
      displayName: 'Carmen Ajú Pérez',
      organization: 'Fiscalía contra la Trata (GT)',
      country: 'GT',
    });

    const { reports, forensic, shelter, mexicanReports } = consoleRecords();
    const submit = async (key: string, path: string, records: object[]) => {
      const res = await t.http.post(`/api/v1/${path}/batch`).set('Authorization', `Bearer ${key}`).send({ records });
      expect(res.body.summary).toMatchObject({ failed: 0 });
    };
    await submit(await t.key(['submitter'], 'Procuraduría General de la Nación', 'GT'), 'missing-reports', reports);
    await submit(
      await t.key(['submitter'], 'Comisión de Búsqueda de Personas del Estado de Chiapas', 'MX'),
      'missing-reports',
      mexicanReports,
    );
    await submit(await t.key(['submitter'], 'Servicio Médico Forense de Chiapas', 'MX'), 'suspected-victims', forensic);
    await submit(await t.key(['submitter'], 'Albergue Belén, Tapachula', 'MX'), 'suspected-victims', shelter);
    const run = await t.http
      .post('/api/v1/matching/runs')
      .set('Authorization', `Bearer ${t.adminKey}`)
      .send({ mode: 'full' });
    expect(run.status).toBe(202);
    await t.app.get(MatchingRunsService).idle();

    browser = await chromium.launch({ executablePath: CHROMIUM });
    mkdirSync(IMAGES, { recursive: true });
  }, 180_000);

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await t?.close();
  });

  let page: Page; // Lucía's

  it('signs in and shows the queue: who is signed in, counts per status, one row per alert', async () => {
    page = await openPage();
    await page.goto(`${base}/console`);
    await page.waitForSelector('#correo');
    expect(page.url()).toContain('#/entrar');
    await signIn(page, lucia);
    expect(await text(page, '[data-testid=who-name]')).toBe('Lucía Hernández Ortiz');
    expect(await text(page, '.who-org')).toContain('Fiscalía Especializada en Trata de Personas (Chiapas)');
    await page.waitForSelector('[data-testid=queue-row]');
    const summary = (await apiGet(page, '/alerts/summary')).body;
    expect(summary.byStatus.pending).toBeGreaterThan(5);
    expect(await text(page, '[data-testid=count-pending] .summary-count')).toBe(String(summary.byStatus.pending));
    const first = (await apiGet(page, '/alerts?limit=25')).body.items;
    expect(await queueRows(page).count()).toBe(first.length);
    const row = await text(page, '[data-testid=queue-row]:first-child');
    expect(row).toContain(first[0].missingReport.sourceRecordId);
    expect(row).toContain(first[0].suspectedVictim.sourceRecordId);
  });

  it('filters the queue (minors, country, cross-border, minimum probability) and pages with a cursor', async () => {
    await page.selectOption('#f-menor', 'true');
    await page.fill('#f-prob', '50');
    await page.click('text=Aplicar filtros');
    await page.waitForFunction(() => location.hash.includes('minor=true'));
    const expected = (await apiGet(page, '/alerts?minor=true&minProbability=0.5&limit=25')).body.items as {
      id: string;
      minor: boolean;
    }[];
    expect(expected.length).toBeGreaterThan(0);
    await page.waitForFunction(
      (n) => document.querySelectorAll('[data-testid=queue-row]').length === n,
      expected.length,
    );
    const ids = await queueRows(page).evaluateAll((rows) => rows.map((r) => r.getAttribute('data-alert-id')));
    expect(ids).toEqual(expected.map((a) => a.id));
    for (const label of await queueRows(page).allTextContents()) expect(label).toContain('Posible menor');

    // Same-country alerts only: those of the two Mexican reports.
    await page.goto(`${base}/console#/cola?crossBorder=false`);
    const sameCountry = (await apiGet(page, '/alerts?crossBorder=false&limit=25')).body.items as unknown[];
    expect(sameCountry.length).toBeGreaterThan(0);
    await page.waitForFunction(
      (n) => document.querySelectorAll('[data-testid=queue-row]').length === n,
      sameCountry.length,
    );
    for (const label of await queueRows(page).allTextContents()) expect(label).toMatch(/CBP-CHIS-2026-00(42|57)/);

    // Pages of 5: next, then back to the first page with the kept cursor.
    await page.goto(`${base}/console#/cola?limit=5`);
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=queue-row]').length === 5);
    const firstPage = await queueRows(page).evaluateAll((rows) => rows.map((r) => r.getAttribute('data-alert-id')));
    await page.click('text=Siguiente →');
    await page.waitForFunction(
      (ids) => !ids.includes(document.querySelector('[data-testid=queue-row]')?.getAttribute('data-alert-id') ?? ''),
      firstPage,
    );
    expect(await text(page, '.pager-info')).toMatch(/^Página 2/);
    await page.click('text=← Anterior');
    await page.waitForFunction(
      (id) => document.querySelector('[data-testid=queue-row]')?.getAttribute('data-alert-id') === id,
      firstPage[0],
    );
    expect(await text(page, '.pager-info')).toMatch(/^Página 1/);
  });

  let rejectedId: string;

  it('opens an alert: both records side by side, the distance, the evidence waterfall sorted by weight', async () => {
    await page.goto(`${base}/console#/cola?minor=true`);
    await page.waitForSelector('[data-testid=queue-row]');
    rejectedId = (await queueRows(page).first().getAttribute('data-alert-id'))!;
    await page.click('[data-testid=queue-row] a.pair-link');
    await page.waitForSelector('[data-testid=waterfall]');
    expect(page.url()).toContain(`#/alertas/${rejectedId}`);
    const detail = (await apiGet(page, `/alerts/${rejectedId}`)).body;
    const compare = await text(page, 'table.compare');
    expect(compare).toContain(detail.missingReport.sourceRecordId);
    expect(compare).toContain(detail.suspectedVictim.sourceRecordId);
    expect(compare).toContain(detail.missingReport.givenNames);
    expect(await text(page, '[data-testid=distance]')).toMatch(/km en línea recta|hacen falta las coordenadas/);

    const scored = (detail.evidence.comparisons as { level: string }[]).filter((c) => c.level !== 'null');
    expect(await page.locator('[data-testid=wf-row]').count()).toBe(scored.length);
    const weights = (await page.locator('[data-testid=wf-row] .wf-weight').allTextContents()).map((w) =>
      Number(w.replace('−', '-').replace(/[^\d.+-]/g, '')),
    );
    expect(weights).toEqual([...weights].sort((a, b) => b - a));
    // Agreement to the right in green, disagreement to the left in red.
    const bars = await page
      .locator('[data-testid=wf-row]')
      .evaluateAll((rows) =>
        rows.map((r) => [
          r.querySelector('.wf-weight')!.textContent!.startsWith('−'),
          r.querySelector('.wf-bar')!.classList.contains('wf-neg'),
          (r.querySelector('.wf-bar') as unknown as { style: { right: string } }).style.right !== '',
        ]),
      );
    for (const [negative, red, leftOfAxis] of bars) expect([red, leftOfAxis]).toEqual([negative, negative]);
    expect(await text(page, '[data-testid=wf-total]')).toContain('Total');
  });

  it('claims the alert and rejects it with a reason; the queue shows the change', async () => {
    await page.click('button:has-text("Reclamar para revisar")');
    await page.waitForSelector('[data-testid=claim-state].is-mine');
    expect(await text(page, '[data-testid=claim-state]')).toMatch(/^Usted la tiene reclamada hasta las \d\d:\d\d\.$/);
    await page.click('label[for=d-rejected]');
    await page.fill('#d-motivo', 'Edades incompatibles: la persona localizada aparenta más de 30 años');
    await page.click('form.decision button[type=submit]');
    await page.waitForSelector('[data-testid=action-message]:has-text("Decisión")');
    expect(await text(page, '[data-testid=action-message]')).toBe('Decisión registrada: Rechazada.');
    expect(await text(page, '.alert-tags .badge')).toBe('Rechazada');
    const history = await page.locator('[data-testid=history] li').first().innerText();
    expect(history).toContain('Rechazada · Lucía Hernández Ortiz (usted)');
    expect(history).toContain('Motivo: Edades incompatibles');

    await page.click('text=← Volver a la cola');
    await page.waitForSelector(`[data-testid=queue-row][data-alert-id="${rejectedId}"]`);
    expect(await text(page, `[data-testid=queue-row][data-alert-id="${rejectedId}"] .badge`)).toBe('Rechazada');
    expect(await text(page, '[data-testid=count-rejected] .summary-count')).toBe('1');
    await page.click('[data-testid=count-pending]');
    await page.waitForFunction(() => location.hash.includes('status=pending'));
    await page.waitForSelector('[data-testid=queue-row]');
    expect(await queueRows(page).evaluateAll((rows) => rows.map((r) => r.getAttribute('data-alert-id')))).not.toContain(
      rejectedId,
    );
  });

  it('a second person cannot claim or decide an alert the first holds: the conflict names the holder', async () => {
    const other = await openPage();
    await signIn(other, ernesto);
    const pending = await illustrativeAlert(page);
    await page.goto(`${base}/console#/alertas/${pending}`);
    await other.goto(`${base}/console#/alertas/${pending}`);
    await page.waitForSelector('button:has-text("Reclamar para revisar")');
    await other.waitForSelector('button:has-text("Reclamar para revisar")');

    await page.click('button:has-text("Reclamar para revisar")');
    await page.waitForSelector('[data-testid=claim-state].is-mine');
    // Ernesto's page still offers the claim: the service answers 409 and the page says who holds it.
    await other.click('button:has-text("Reclamar para revisar")');
    await other.waitForSelector('[data-testid=action-message]');
    expect(await text(other, '[data-testid=action-message]')).toMatch(
      /^No se pudo reclamar la alerta: la alerta está reclamada por Lucía Hernández Ortiz hasta las \d\d:\d\d\.$/,
    );
    expect(await text(other, '[data-testid=claim-state]')).toContain('Reclamada por Lucía Hernández Ortiz');
    expect(await other.locator('form.decision').count()).toBe(0); // no decision without the claim
    expect(await other.locator('#t-motivo').count()).toBe(1); // only an explicit takeover, with a reason

    // Lucía writes a note; Ernesto reads it with her name.
    await page.fill('#n-texto', 'Pedir al SEMEFO la ficha odontológica y fotografías del tatuaje.');
    await page.click('button:has-text("Agregar nota")');
    await page.waitForSelector('[data-testid=notes]');
    await other.reload();
    await other.waitForSelector('[data-testid=notes]');
    expect(await text(other, '[data-testid=notes]')).toContain('Lucía Hernández Ortiz');
    expect(await text(other, '[data-testid=notes]')).toContain('ficha odontológica');

    await page.reload();
    await page.waitForSelector('[data-testid=waterfall]');
    await page.screenshot({ path: join(IMAGES, 'console-alert.png'), fullPage: true });
  });

  it('searches names with misspellings and opens a record page', async () => {
    await page.fill('#busqueda-rapida', 'maria penia'); // misspelled, no accents
    await page.press('#busqueda-rapida', 'Enter');
    await page.waitForSelector('[data-testid=search-results]');
    expect(await text(page, '[data-testid=search-results]')).toContain('María Peña');
    await page.click('[data-testid=search-results] a:has-text("María Peña")');
    await page.waitForSelector('.record-page h1');
    expect(await text(page, '.record-page h1')).toBe('María Peña');
    expect(await text(page, '.sheet')).toContain('SEMEFO-CHIS-2026-');
  });

  it('keeps the queue screenshot for the docs', async () => {
    await page.goto(`${base}/console#/cola`);
    await page.waitForSelector(`[data-testid=queue-row][data-alert-id="${rejectedId}"]`);
    await page.mouse.move(0, 0);
    await page.screenshot({ path: join(IMAGES, 'console-queue.png') });
  });

  it('on 401 shows the sign-in page and returns to the page after signing in again', async () => {
    await page.goto(`${base}/console#/buscar`);
    await page.waitForSelector('#s-texto');
    await page.context().clearCookies();
    await page.click('nav a:has-text("Cola de alertas")');
    await page.waitForSelector('#correo');
    expect(decodeURIComponent(page.url())).toContain('#/entrar?volver=#/cola');
    await page.fill('#correo', lucia.email);
    await page.fill('#contrasena', lucia.password);
    await page.press('#contrasena', 'Enter');
    await page.waitForSelector('[data-testid=queue-row]');
    expect(page.url()).toMatch(/#\/cola$/);
  });

  it('signs out: the session ends on the service', async () => {
    await page.click('button:has-text("Cerrar sesión")');
    await page.waitForSelector('#correo');
    expect((await apiGet(page, '/session')).status).toBe(401);
  });

  it('five wrong passwords lock the account, and the page says until when', async () => {
    const locked = await openPage();
    await locked.goto(`${base}/console`);
    await locked.waitForSelector('#correo');
    const attempt = async (password: string) => {
      await locked.fill('#correo', carmen.email);
      await locked.fill('#contrasena', password);
      await Promise.all([
        locked.waitForResponse((r) => r.url().endsWith('/api/v1/session') && r.request().method() === 'POST'),
        locked.click('button[type=submit]'),
      ]);
      await locked.waitForSelector('[data-testid=signin-error]');
      return text(locked, '[data-testid=signin-error]');
    };
    for (let i = 1; i <= 4; i++)
      expect(await attempt(`equivocada-${i}-xxxxxxxx`)).toBe('Correo o contraseña incorrectos.');
    expect(await attempt('equivocada-5-xxxxxxxx')).toMatch(
      /^Cuenta bloqueada hasta las \d\d:\d\d por demasiados intentos fallidos/,
    );
    // Locked: even the right password is refused until then.
    expect(await attempt(carmen.password)).toMatch(/^Cuenta bloqueada hasta las \d\d:\d\d/);
    expect(locked.url()).toContain('#/entrar');
  });

  it('sent X-CSRF-Token on every unsafe request, and ran with no script error or CSP violation', async () => {
    const writes = unsafe.filter((r) => !(r.method() === 'POST' && new URL(r.url()).pathname === '/api/v1/session'));
    expect(writes.map((r) => `${r.method()} ${new URL(r.url()).pathname.replace(/[0-9a-f-]{36}/, ':id')}`)).toEqual(
      expect.arrayContaining([
        'POST /api/v1/alerts/:id/claim',
        'POST /api/v1/alerts/:id/decision',
        'POST /api/v1/alerts/:id/notes',
        'DELETE /api/v1/session',
      ]),
    );
    for (const request of writes) expect((await request.allHeaders())['x-csrf-token']).toMatch(/^[\w-]{20,}$/);
    expect(problems).toEqual([]);
  });
});
