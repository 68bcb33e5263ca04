import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import type { Writable } from 'node:stream';
import { createApp } from '../../src/app.factory.js';
import { ApiKeysService } from '../../src/auth/api-keys.service.js';
import type { Role, Scope } from '../../src/auth/api-key.entity.js';
import { loadConfig } from '../../src/config/app-config.js';
import { createTestDatabase, type TestDatabase } from './database.js';

export interface TestApp {
  app: INestApplication;
  db: TestDatabase;
  adminKey: string;
  http: ReturnType<typeof request>;
  /** Creates an organization key through the API, as an admin would. Partner keys get records:write unless scopes are given. */
  key(roles: Role[], organization?: string, country?: 'MX' | 'GT', scopes?: Scope[]): Promise<string>;
  /** The same, answering the key's id too. */
  keyWithId(roles: Role[], organization?: string, country?: 'MX' | 'GT', scopes?: Scope[]): Promise<{ key: string; id: string }>;
  close(): Promise<void>;
}

let organizations = 0;

/** The real application over HTTP, on its own fresh database. */
export async function startTestApp(options: { env?: Record<string, string>; logStream?: Writable; db?: TestDatabase } = {}): Promise<TestApp> {
  const db = options.db ?? (await createTestDatabase());
  // A high rate limit unless a test sets one: the suites send many requests with one key. No background delivery:
  // tests deliver the outbox deterministically (OutboxService.deliverDue).
  const config = loadConfig({ LOG_LEVEL: options.logStream ? 'info' : 'silent', MATCHING_CRON: 'off', DELIVERY_INTERVAL_MS: '0', RATE_LIMIT_PER_MINUTE: '1000000', ...options.env });
  const app = await createApp(config, db.url, { logs: options.logStream !== undefined, logStream: options.logStream });
  await app.init();
  const adminKey = (await app.get(ApiKeysService).bootstrap(undefined, 'MX')) ?? '';
  const http = request(app.getHttpServer());
  const keyWithId: TestApp['keyWithId'] = async (roles, organization = `Organización de prueba ${++organizations}`, country = 'MX', scopes) => {
    const body = { organization, country, roles, ...(roles.includes('partner') ? { scopes: scopes ?? ['records:write'] } : {}) };
    const res = await request(app.getHttpServer()).post('/api/v1/api-keys').set('Authorization', `Bearer ${adminKey}`).send(body);
    if (res.status !== 201) throw new Error(`key creation failed: ${res.status} ${JSON.stringify(res.body)}`);
    return { key: res.body.key as string, id: res.body.id as string };
  };
  return {
    app,
    db,
    adminKey,
    http,
    async key(roles, organization, country, scopes) {
      return (await keyWithId(roles, organization, country, scopes)).key;
    },
    keyWithId,
    async close() {
      await app.close();
      if (!options.db) await db.drop();
    },
  };
}
