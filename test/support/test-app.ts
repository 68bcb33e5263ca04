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
  /** Creates a personal account through the API, as an admin would; answers its id, principal key id and password. */
  account(roles: Role[], options?: { organization?: string; country?: 'MX' | 'GT'; displayName?: string; email?: string }): Promise<TestAccount>;
  /** Signs in through POST /api/v1/session; answers a client that sends the cookie (and the CSRF token on writes). */
  signIn(email: string, password: string): Promise<SessionClient>;
  close(): Promise<void>;
}

export interface TestAccount {
  id: string;
  keyId: string;
  email: string;
  password: string;
  displayName: string;
}

export interface SessionClient {
  cookie: string;
  csrfToken: string;
  get(path: string): request.Test;
  post(path: string, body?: object): request.Test;
  put(path: string, body?: object): request.Test;
  delete(path: string): request.Test;
}

/** The `name=value` part of the session cookie a response set. */
export function sessionCookieOf(res: { headers: Record<string, unknown> }): string {
  const cookies = ([] as string[]).concat((res.headers['set-cookie'] as string[] | string | undefined) ?? []);
  const found = cookies.find((c) => c.startsWith('cbmp_session='));
  if (!found) throw new Error('no session cookie was set');
  return found.split(';')[0];
}

let organizations = 0;
let accounts = 0;

/** The real application over HTTP, on its own fresh database. */
export async function startTestApp(options: { env?: Record<string, string>; logStream?: Writable; db?: TestDatabase } = {}): Promise<TestApp> {
  const db = options.db ?? (await createTestDatabase());
  // A high rate limit unless a test sets one: the suites send many requests with one key. No background delivery:
  // tests deliver the outbox deterministically (OutboxService.deliverDue).
  // The lowest bcrypt cost the config accepts keeps sign-ins quick.
  const config = loadConfig({ LOG_LEVEL: options.logStream ? 'info' : 'silent', MATCHING_CRON: 'off', DELIVERY_INTERVAL_MS: '0', RATE_LIMIT_PER_MINUTE: '1000000', PASSWORD_HASH_ROUNDS: '10', ...options.env });
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
  const server = app.getHttpServer();
  const signIn: TestApp['signIn'] = async (email, password) => {
    const res = await request(server).post('/api/v1/session').send({ email, password });
    if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${JSON.stringify(res.body)}`);
    const cookie = sessionCookieOf(res);
    const csrfToken = res.body.csrfToken as string;
    return {
      cookie,
      csrfToken,
      get: (path) => request(server).get(path).set('Cookie', cookie),
      post: (path, body = {}) => request(server).post(path).set('Cookie', cookie).set('X-CSRF-Token', csrfToken).send(body),
      put: (path, body = {}) => request(server).put(path).set('Cookie', cookie).set('X-CSRF-Token', csrfToken).send(body),
      delete: (path) => request(server).delete(path).set('Cookie', cookie).set('X-CSRF-Token', csrfToken),
    };
  };
  return {
    app,
    db,
    adminKey,
    http,
    async account(roles, o = {}) {
      const n = ++accounts;
      const body = {
        email: o.email ?? `persona${n}@prueba.example`,
        password: `contraseña-de-prueba-${n}`,
        displayName: o.displayName ?? `Persona de prueba ${n}`,
        organization: o.organization ?? `Organización de prueba ${++organizations}`,
        country: o.country ?? 'MX',
        roles,
      };
      const res = await request(server).post('/api/v1/accounts').set('Authorization', `Bearer ${adminKey}`).send(body);
      if (res.status !== 201) throw new Error(`account creation failed: ${res.status} ${JSON.stringify(res.body)}`);
      return { id: res.body.id, keyId: res.body.keyId, email: body.email, password: body.password, displayName: body.displayName };
    },
    signIn,
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
