import 'reflect-metadata';
import { createApp } from './app.factory.js';
import { ApiKeysService } from './auth/api-keys.service.js';
import { ConfigError, loadConfig } from './config/app-config.js';
import { type EmbeddedDatabase, startEmbeddedPostgres } from './database/embedded-postgres.js';
import { runMigrations } from './database/migrate.js';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(1);
    }
    throw err;
  }
  let embedded: EmbeddedDatabase | null = null;
  let databaseUrl = config.DATABASE_URL;
  if (!databaseUrl) {
    embedded = await startEmbeddedPostgres(config.DATA_DIR, config.EMBEDDED_PG_PORT);
    databaseUrl = embedded.url;
  }
  try {
    await runMigrations(databaseUrl);
    const app = await createApp(config, databaseUrl);
    const bootstrapKey = await app.get(ApiKeysService).bootstrap(config.BOOTSTRAP_ADMIN_KEY, config.BOOTSTRAP_ADMIN_COUNTRY);
    if (bootstrapKey && !config.BOOTSTRAP_ADMIN_KEY) {
      // Printed once, on the first start with an empty database; it is not stored anywhere in clear.
      process.stdout.write(`\nFirst start: an admin API key was created. Keep it now, it is not shown again:\n\n  ${bootstrapKey}\n\n`);
    }
    let closing = false;
    const shutdown = async () => {
      if (closing) return;
      closing = true;
      await app.close();
      if (embedded) await embedded.stop();
      process.exit(0);
    };
    process.once('SIGINT', () => void shutdown());
    process.once('SIGTERM', () => void shutdown());
    await app.listen(config.PORT);
    // Longer than the usual 60 s of proxies and clients' pools, so idle keep-alive connections are closed by them.
    const server = app.getHttpServer() as import('node:http').Server;
    server.keepAliveTimeout = 65_000;
    server.headersTimeout = 66_000;
    process.stdout.write(`Listening on http://localhost:${config.PORT} (API docs at /api/docs)\n`);
  } catch (err) {
    if (embedded) await embedded.stop();
    throw err;
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`Start failed: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
