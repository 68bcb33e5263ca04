import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { createApp } from '../../src/app.factory.js';
import { ApiKeysService } from '../../src/auth/api-keys.service.js';
import { loadConfig } from '../../src/config/app-config.js';
import { startEmbeddedPostgres } from '../../src/database/embedded-postgres.js';
import { runMigrations } from '../../src/database/migrate.js';
import { missingReport } from '../factories/records.js';

/** The start-up path of `npm start` on the embedded database, twice over the same DATA_DIR. */
async function boot(dataDir: string, port: number) {
  const config = loadConfig({ DATA_DIR: dataDir, EMBEDDED_PG_PORT: String(port), LOG_LEVEL: 'silent', BOOTSTRAP_ADMIN_KEY: ADMIN_KEY });
  const db = await startEmbeddedPostgres(config.DATA_DIR, config.EMBEDDED_PG_PORT);
  await runMigrations(db.url);
  const app = await createApp(config, db.url, { logs: false });
  await app.init();
  const created = await app.get(ApiKeysService).bootstrap(config.BOOTSTRAP_ADMIN_KEY, config.BOOTSTRAP_ADMIN_COUNTRY);
  return {
    created,
    http: request(app.getHttpServer()),
    async stop() {
      await app.close();
      await db.stop();
    },
  };
}

const ADMIN_KEY = 'cbmp_00000000000000aa_restart-test-admin-key-000000';

describe('data survives a restart of the service and its embedded database', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'cbmp-restart-'));
  chmodSync(dataDir, 0o755);
  const port = 50000 + Math.floor(Math.random() * 4000);
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('reads back after a restart what it stored before', async () => {
    const first = await boot(dataDir, port);
    expect(first.created).toBe(ADMIN_KEY);
    const body = missingReport({ givenNames: 'Begoña', firstSurname: "B'alam" });
    const created = await first.http.post('/api/v1/missing-reports').set('Authorization', `Bearer ${ADMIN_KEY}`).send(body);
    expect(created.status).toBe(201);
    await first.stop();

    const second = await boot(dataDir, port);
    try {
      expect(second.created).toBeNull(); // the bootstrap key is created once, on the first start only
      const read = await second.http.get(`/api/v1/missing-reports/${created.body.id}`).set('Authorization', `Bearer ${ADMIN_KEY}`);
      expect(read.status).toBe(200);
      expect(read.body).toMatchObject({ givenNames: 'Begoña', firstSurname: "B'alam", version: 1 });
    } finally {
      await second.stop();
    }
  });
});
