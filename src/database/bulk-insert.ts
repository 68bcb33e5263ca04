import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';

/**
 * Inserts many entities in one statement with a single parameter: the rows travel as one JSON array and
 * PostgreSQL unpacks them with jsonb_to_recordset. Much cheaper than TypeORM's multi-row INSERT, whose query
 * building grows with the number of parameters. Columns the entities leave undefined take their database default;
 * defaults that are the same for the whole statement (now()) are written back into the entities. Per-row defaults
 * (serial ids) are not, since RETURNING promises no order: give rows their uuid before inserting when you need it.
 */
export async function bulkInsert<T extends ObjectLiteral>(manager: EntityManager, target: EntityTarget<T>, entities: T[]): Promise<void> {
  if (entities.length === 0) return;
  const metadata = manager.connection.getMetadata(target);
  const given = metadata.columns.filter((c) => entities.some((e) => e[c.propertyName] !== undefined));
  const generated = metadata.columns.filter((c) => !given.includes(c));
  const sqlType = (c: (typeof given)[number]) => {
    const base = c.type === 'char' ? `char(${c.length || 1})` : String(c.type);
    return c.isArray ? `${base}[]` : base;
  };
  const names = given.map((c) => `"${c.databaseName}"`).join(', ');
  const definitions = given.map((c) => `"${c.databaseName}" ${sqlType(c)}`).join(', ');
  const rows = entities.map((e) => Object.fromEntries(given.map((c) => [c.databaseName, serialize(e[c.propertyName])])));
  const returning = generated.length > 0 ? ` RETURNING ${generated.map((c) => `"${c.databaseName}"`).join(', ')}` : '';
  const result: Record<string, unknown>[] = await manager.query(
    `INSERT INTO "${metadata.tableName}" (${names}) SELECT ${names} FROM jsonb_to_recordset($1::jsonb) AS x(${definitions})${returning}`,
    [JSON.stringify(rows)],
  );
  for (const c of generated) {
    const first = result[0]?.[c.databaseName];
    const same = result.every((row) => String(row[c.databaseName]) === String(first));
    if (same) for (const e of entities) (e as ObjectLiteral)[c.propertyName] = first;
  }
}

function serialize(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'number' && !Number.isFinite(value)) return Number.isNaN(value) ? null : String(value); // '-Infinity' is a valid float8
  return value;
}
