import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Statistics for prevention (issue 7): the monthly snapshots kept for series, and the partner `statistics` scope.
 * The scope check constraint is extended from its current definition (rather than rewritten from a list), so
 * scopes added by other migrations are kept.
 */
export class Statistics1764420000000 implements MigrationInterface {
  name = 'Statistics1764420000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE statistics_snapshots (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        month date NOT NULL CONSTRAINT statistics_snapshots_month_unique UNIQUE
          CONSTRAINT statistics_snapshots_first_day CHECK (extract(day FROM month) = 1),
        taken_at timestamptz(3) NOT NULL DEFAULT now(),
        data jsonb NOT NULL
      )`);
    await this.rewriteScopeCheck(q, (def) => def.replace(/ARRAY\[/, `ARRAY['statistics'::text, `));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`UPDATE api_keys SET scopes = array_remove(scopes, 'statistics') WHERE 'statistics' = ANY (scopes)`);
    await this.rewriteScopeCheck(q, (def) => def.replace(`'statistics'::text, `, ''));
    await q.query(`DROP TABLE statistics_snapshots`);
  }

  private async rewriteScopeCheck(q: QueryRunner, change: (definition: string) => string): Promise<void> {
    const [row] = await q.query(
      `SELECT pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE conname = 'api_keys_scopes_check' AND conrelid = 'api_keys'::regclass`,
    );
    if (!row) throw new Error('api_keys_scopes_check not found');
    const definition = change(row.def as string);
    if (definition === row.def) throw new Error(`api_keys_scopes_check could not be changed: ${row.def}`);
    await q.query(`ALTER TABLE api_keys DROP CONSTRAINT api_keys_scopes_check`);
    await q.query(`ALTER TABLE api_keys ADD CONSTRAINT api_keys_scopes_check ${definition}`);
  }
}
