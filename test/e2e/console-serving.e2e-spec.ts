import { createHash } from 'node:crypto';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * How the review console is served (no browser needed): the page at /console and at client routes, its modules,
 * the Preact and htm builds, the Spanish labels, and the page's Content-Security-Policy, which adds to helmet's
 * only the hash of the page's import map.
 */
describe('the review console is served by the service', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it.each(['/console', '/console/', '/console/alertas/5f0c6c9e-7d38-4b8e-9d55-1c1a0e0b1f00'])(
    'serves the page at %s without a session',
    async (path) => {
      const res = await t.http.get(path);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(res.text).toContain('<script type="module" src="/console/app.js"></script>');
    },
  );

  it('allows exactly the import map among inline scripts, and keeps the rest of the policy', async () => {
    const res = await t.http.get('/console');
    const importMap = /<script type="importmap">([\s\S]*?)<\/script>/.exec(res.text)![1];
    const hash = createHash('sha256').update(importMap, 'utf8').digest('base64');
    const csp = res.headers['content-security-policy'] as string;
    expect(csp).toContain(`script-src 'self' 'sha256-${hash}';`);
    expect(csp).toContain("script-src-attr 'none'");
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toContain("unsafe-inline';script"); // style-src alone keeps helmet's 'unsafe-inline'
    expect(JSON.parse(importMap).imports).toEqual({
      preact: '/console/vendor/preact.js',
      'preact/hooks': '/console/vendor/preact-hooks.js',
      htm: '/console/vendor/htm.js',
    });
    // Any other response keeps helmet's strict policy.
    const script = await t.http.get('/console/app.js');
    expect(script.headers['content-security-policy']).toContain("script-src 'self';");
  });

  it.each([
    ['/console/app.js', 'text/javascript; charset=utf-8'],
    ['/console/pages/alert.js', 'text/javascript; charset=utf-8'],
    ['/console/console.css', 'text/css; charset=utf-8'],
    ['/console/vendor/preact.js', 'text/javascript; charset=utf-8'],
    ['/console/vendor/preact-hooks.js', 'text/javascript; charset=utf-8'],
    ['/console/vendor/htm.js', 'text/javascript; charset=utf-8'],
    ['/console/labels.json', 'application/json; charset=utf-8'],
  ])('serves %s as %s', async (path, type) => {
    const res = await t.http.get(path);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe(type);
    expect(res.headers['cache-control']).toBe('no-cache');
  });

  it('serves the Spanish labels of the record vocabularies', async () => {
    const res = await t.http.get('/console/labels.json');
    expect(res.body.SEX).toEqual({ female: 'Mujer', male: 'Hombre', unknown: 'Se desconoce' });
    expect(res.body.BODY_REGION.forearm).toBe('Antebrazo');
  });

  it.each([
    '/console/missing.js',
    '/console/../package.json',
    '/console/%2e%2e/package.json',
    '/console/vendor/../../package.json',
  ])('serves nothing else: %s', async (path) => {
    const res = await t.http.get(path);
    expect(res.status).toBe(404);
    expect(res.text).not.toContain('"dependencies"');
  });
});
