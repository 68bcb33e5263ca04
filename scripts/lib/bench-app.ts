import type { INestApplication } from '@nestjs/common';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../../src/app.factory.js';
import { ApiKeysService } from '../../src/auth/api-keys.service.js';
import { loadConfig } from '../../src/config/app-config.js';
import { startEmbeddedPostgres } from '../../src/database/embedded-postgres.js';
import { runMigrations } from '../../src/database/migrate.js';

export interface BenchApp {
  /** The database's connection URL. */
  url: string;
  /** http://127.0.0.1:<port> of the app. */
  base: string;
  adminKey: string;
  app: INestApplication;
}

/**
 * Runs `work` against the app listening on 127.0.0.1, in this process, on a freshly migrated database: DATABASE_URL
 * when set (it must name an empty database), else an embedded PostgreSQL in a temporary folder, removed afterwards.
 * No schedules, no background deliveries, no rate limit; `env` adds or overrides settings. `afterMigrations` may
 * change the schema before the app starts.
 */
export async function withBenchApp<T>(
  options: { embeddedPort: number; env?: Record<string, string>; afterMigrations?: (url: string) => Promise<void> },
  work: (bench: BenchApp) => Promise<T>,
): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'cbmp-bench-'));
  chmodSync(dir, 0o755);
  const embedded = process.env.DATABASE_URL ? null : await startEmbeddedPostgres(dir, options.embeddedPort, { persistent: false });
  const url = process.env.DATABASE_URL ?? embedded!.url;
  try {
    await runMigrations(url);
    await options.afterMigrations?.(url);
    const config = loadConfig({ LOG_LEVEL: 'silent', MATCHING_CRON: 'off', DELIVERY_INTERVAL_MS: '0', RATE_LIMIT_PER_MINUTE: '1000000', ...options.env });
    const app = await createApp(config, url, { logs: false });
    await app.listen(0, '127.0.0.1');
    try {
      const base = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`;
      const adminKey = (await app.get(ApiKeysService).bootstrap(undefined, 'MX'))!;
      return await work({ url, base, adminKey, app });
    } finally {
      await app.close();
    }
  } finally {
    if (embedded) await embedded.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `--name N` from the command line, or the fallback. */
export function numberOption(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}

/** The script's entry point: errors are printed and end the process with status 1. */
export function runBench(main: () => Promise<void>): void {
  main().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
