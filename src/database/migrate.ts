import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source-options.js';

/**
 * Applies pending migrations. A PostgreSQL advisory lock makes concurrent starts of several instances
 * apply them once; the others wait and then find nothing to do.
 */
export async function runMigrations(url: string): Promise<string[]> {
  const dataSource = new DataSource({ ...dataSourceOptions(url), extra: { max: 1 } });
  await dataSource.initialize();
  try {
    await dataSource.query('SELECT pg_advisory_lock(hashtext($1))', ['cbmp:migrations']);
    try {
      const applied = await dataSource.runMigrations({ transaction: 'each' });
      return applied.map((m) => m.name);
    } finally {
      await dataSource.query('SELECT pg_advisory_unlock(hashtext($1))', ['cbmp:migrations']);
    }
  } finally {
    await dataSource.destroy();
  }
}
