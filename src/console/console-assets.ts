import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { contentSecurityPolicy } from 'helmet';
import { VOCABULARY_LABELS_ES } from '../reference/vocabularies.js';

/**
 * The review console's files: the page, its scripts and stylesheet (src/console/public, not compiled by tsc) and
 * the ES module builds of Preact and htm from node_modules. Everything is read once, at start-up, into memory;
 * only these files can ever be served (no path from a request reaches the file system).
 */
export interface ConsoleFile {
  body: Buffer;
  contentType: string;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json; charset=utf-8',
};

/**
 * The folder of the console's files. The compiled controller runs from dist/src/console (npm start) and the
 * TypeScript source from src/console (Jest); the files stay in src/console/public in both cases.
 */
export function publicDir(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = [
    join(here, 'public'),
    resolve(here, '../../../src/console/public'),
    join(process.cwd(), 'src', 'console', 'public'),
  ];
  const found = candidates.find((dir) => existsSync(join(dir, 'index.html')));
  if (!found) throw new Error(`The console's files were not found (looked in ${candidates.join(', ')})`);
  return found;
}

/** The ES module builds served under /console/vendor/, by package and the files tried in order (versions differ). */
const VENDOR: Record<string, { pkg: string; files: string[] }> = {
  'preact.js': { pkg: 'preact', files: ['dist/preact.mjs', 'dist/preact.module.js'] },
  'preact-hooks.js': { pkg: 'preact', files: ['hooks/dist/hooks.mjs', 'hooks/dist/hooks.module.js'] },
  'htm.js': { pkg: 'htm', files: ['dist/htm.module.js', 'dist/htm.mjs'] },
};

function packageRoot(pkg: string): string {
  try {
    return dirname(createRequire(import.meta.url).resolve(`${pkg}/package.json`));
  } catch {
    return join(process.cwd(), 'node_modules', pkg);
  }
}

function vendorFile(name: string): Buffer {
  const { pkg, files } = VENDOR[name];
  const root = packageRoot(pkg);
  const file = files.map((f) => join(root, f)).find((f) => existsSync(f));
  if (!file) throw new Error(`The console needs ${pkg} (npm install): none of ${files.join(', ')} in ${root}`);
  // Source maps are not shipped with every build: the comment would only make browsers ask for a missing file.
  return Buffer.from(readFileSync(file, 'utf8').replace(/\n\/\/# sourceMappingURL=\S+\s*$/, '\n'), 'utf8');
}

/** Every inline <script> of the page (only its import map): their hashes are what the page's CSP allows. */
export function inlineScriptHashes(html: string): string[] {
  return [...html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)]
    .filter(([tag, body]) => !/\bsrc=/.test(tag.slice(0, tag.indexOf('>'))) && body.length > 0)
    .map(([, body]) => `'sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}'`);
}

/**
 * The page's Content-Security-Policy: helmet's defaults (as on every other response), except that script-src also
 * allows the page's import map by its hash. Import maps are inline scripts for CSP, and an import map cannot be
 * loaded from a file; no other inline script exists and none is allowed.
 */
export function consolePageCsp(html: string): string {
  const directives: Record<string, Iterable<string>> = {
    ...(contentSecurityPolicy.getDefaultDirectives() as Record<string, Iterable<string>>),
  };
  directives['script-src'] = ["'self'", ...inlineScriptHashes(html)];
  return Object.entries(directives)
    .map(([name, values]) => [name, ...values].join(' '))
    .join(';');
}

export interface ConsoleAssets {
  index: ConsoleFile;
  indexCsp: string;
  /** By path below /console/ ('app.js', 'pages/queue.js', 'vendor/preact.js', 'labels.json', …). */
  files: Map<string, ConsoleFile>;
}

function walk(dir: string, prefix = ''): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? walk(full, `${prefix}${name}/`) : [`${prefix}${name}`];
  });
}

export function loadConsoleAssets(): ConsoleAssets {
  const dir = publicDir();
  const files = new Map<string, ConsoleFile>();
  for (const path of walk(dir)) {
    const type = TYPES[extname(path)];
    if (type && path !== 'index.html') files.set(path, { body: readFileSync(join(dir, path)), contentType: type });
  }
  for (const name of Object.keys(VENDOR))
    files.set(`vendor/${name}`, { body: vendorFile(name), contentType: TYPES['.js'] });
  // The Spanish labels of the record's vocabularies, from the one place they are defined.
  files.set('labels.json', {
    body: Buffer.from(JSON.stringify(VOCABULARY_LABELS_ES), 'utf8'),
    contentType: TYPES['.json'],
  });
  const html = readFileSync(join(dir, 'index.html'), 'utf8');
  return {
    index: { body: Buffer.from(html, 'utf8'), contentType: TYPES['.html'] },
    indexCsp: consolePageCsp(html),
    files,
  };
}
