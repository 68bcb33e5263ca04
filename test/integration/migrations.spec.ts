import pg from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../src/database/data-source-options.js';
import { runMigrations } from '../../src/database/migrate.js';
import { MIGRATIONS } from '../../migrations/index.js';
import { createEmptyDatabase, type TestDatabase } from '../support/database.js';

describe('migrations from an empty database', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createEmptyDatabase();
  });
  afterAll(async () => db.drop());

  const tables = async () => {
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    try {
      const res = await client.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1`);
      return res.rows.map((r) => r.table_name as string);
    } finally {
      await client.end();
    }
  };

  it('applies every migration once, concurrently started or not', async () => {
    const [a, b] = await Promise.all([runMigrations(db.url), runMigrations(db.url)]);
    expect([...a, ...b]).toEqual(MIGRATIONS.map((m) => new m().name));
    expect(await tables()).toEqual([
      'accounts', 'alert_decisions', 'alert_events', 'alert_notes', 'alerts', 'api_keys', 'audit_log', 'identification_results', 'inbound_signatures',
      'matching_runs', 'organizations', 'outbox_messages', 'person_records', 'record_versions', 'schema_migrations', 'sessions', 'statistics_snapshots',
      'webhook_subscriptions',
    ]);
    expect(await runMigrations(db.url)).toEqual([]);
  });

  it('has a column of the right nullability for every entity column', async () => {
    const ds = new DataSource(dataSourceOptions(db.url));
    await ds.initialize();
    try {
      const rows: { table_name: string; column_name: string; is_nullable: 'YES' | 'NO' }[] = await ds.query(
        `SELECT table_name, column_name, is_nullable FROM information_schema.columns WHERE table_schema = 'public'`,
      );
      const actual = new Map(rows.map((r) => [`${r.table_name}.${r.column_name}`, r.is_nullable === 'YES']));
      const expected = ds.entityMetadatas.flatMap((entity) =>
        entity.columns.map((column) => [`${entity.tableName}.${column.databaseName}`, column.isNullable] as const),
      );
      expect(expected.length).toBeGreaterThan(50);
      for (const [name, nullable] of expected) expect([name, actual.get(name)]).toEqual([name, nullable]);
    } finally {
      await ds.destroy();
    }
  });

  it('keeps the audit log and version history append-only', async () => {
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    try {
      await client.query(`INSERT INTO audit_log (action, entity_type) VALUES ('test', 'test')`);
      await expect(client.query(`UPDATE audit_log SET action = 'changed'`)).rejects.toThrow(/append-only/);
      await expect(client.query(`DELETE FROM audit_log`)).rejects.toThrow(/append-only/);
    } finally {
      await client.end();
    }
  });

  it('keeps decisions and notes append-only, and refuses a status the schema does not know', async () => {
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    try {
      const triggers = await client.query(`SELECT event_object_table AS t FROM information_schema.triggers WHERE trigger_name LIKE '%append_only' GROUP BY 1 ORDER BY 1`);
      expect(triggers.rows.map((r) => r.t)).toEqual(['alert_decisions', 'alert_events', 'alert_notes', 'audit_log', 'identification_results', 'record_versions']);
      const check = await client.query(`SELECT pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE conname = 'alerts_status_check'`);
      expect(check.rows[0].def).toMatch(/superseded/);
    } finally {
      await client.end();
    }
  });

  it('can be undone down to an empty schema', async () => {
    const ds = new DataSource(dataSourceOptions(db.url));
    await ds.initialize();
    try {
      for (let i = 0; i < MIGRATIONS.length; i++) await ds.undoLastMigration();
    } finally {
      await ds.destroy();
    }
    expect(await tables()).toEqual(['schema_migrations']);
  });
});
