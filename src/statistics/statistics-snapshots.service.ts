import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Actor } from '../auth/actor.js';
import { AuditService } from '../audit/audit.service.js';
import { type FieldError, ValidationFailedError } from '../common/errors.js';
import { MONTH, previousMonth } from './months.js';
import { applicableDimensions, type Dimension, type Measure, MEASURES } from './definitions.js';
import { StatisticsService } from './statistics.service.js';
import { parseTableRequest, protectTable, type RawRow, type StatisticsTable } from './statistics-table.js';

/** What a snapshot keeps: per measure, the raw aggregates overall ('none') and by each applicable dimension. */
export interface SnapshotData {
  version: 1;
  measures: Record<string, Record<string, RawRow[]>>;
}

export interface SeriesPoint extends Omit<StatisticsTable, 'measure' | 'groupBy' | 'minCellSize'> {
  month: string;
  takenAt: string;
}

const LOCK = 'cbmp-statistics-snapshot';

/**
 * Monthly snapshots kept for series. Raw aggregates are stored (inside the database, like the records they come
 * from); suppression is applied whenever a series is read, with the threshold in force.
 */
@Injectable()
export class StatisticsSnapshotsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly statistics: StatisticsService,
    private readonly audit: AuditService,
  ) {}

  /**
   * Takes the snapshot of `month` (default: the month before now) once: under a PostgreSQL advisory lock (another
   * instance holding it → 'busy', nothing done) and idempotent per month (unique month; an existing one →
   * 'exists'). All aggregates come from one REPEATABLE READ transaction, so they are consistent with each other.
   */
  async takeSnapshot(
    month = previousMonth(new Date()),
  ): Promise<{ month: string; result: 'created' | 'exists' | 'busy' }> {
    if (!MONTH.test(month)) throw new ValidationFailedError([{ field: 'month', reason: 'must be a month as YYYY-MM' }]);
    // A session-level lock taken before the transaction starts, so the transaction's snapshot (taken at its first
    // statement) sees a snapshot another instance committed before releasing the lock.
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    let result: 'created' | 'exists' | 'busy' = 'busy';
    try {
      const [{ locked }] = await runner.query(`SELECT pg_try_advisory_lock(hashtext($1)) AS locked`, [LOCK]);
      if (!locked) return { month, result: 'busy' };
      try {
        await runner.startTransaction('REPEATABLE READ');
        const manager = runner.manager;
        const existing = await manager.query(`SELECT 1 FROM statistics_snapshots WHERE month = $1::date`, [
          `${month}-01`,
        ]);
        if (existing.length > 0) result = 'exists';
        else {
          const data: SnapshotData = { version: 1, measures: {} };
          for (const measure of MEASURES) {
            const byGrouping: Record<string, RawRow[]> = { none: await this.statistics.raw(measure, [], manager) };
            for (const dimension of applicableDimensions(measure))
              byGrouping[dimension] = await this.statistics.raw(measure, [dimension], manager);
            data.measures[measure] = byGrouping;
          }
          const inserted = await manager.query(
            `INSERT INTO statistics_snapshots (month, data) VALUES ($1::date, $2::jsonb) ON CONFLICT (month) DO NOTHING RETURNING id`,
            [`${month}-01`, JSON.stringify(data)],
          );
          result = inserted.length > 0 ? 'created' : 'exists';
        }
        await runner.commitTransaction();
      } catch (err) {
        if (runner.isTransactionActive) await runner.rollbackTransaction();
        throw err;
      } finally {
        await runner.query(`SELECT pg_advisory_unlock(hashtext($1))`, [LOCK]);
      }
    } finally {
      await runner.release();
    }
    if (result === 'created')
      await this.audit.record(
        { action: 'statistics.snapshot', entityType: 'statistics_snapshot', details: { month } },
        null,
      );
    return { month, result };
  }

  /** The series of a measure over the snapshots from `from` to `to` (YYYY-MM, inclusive), by at most one dimension. */
  async series(
    input: { measure?: string; groupBy?: string; from?: string; to?: string },
    actor: Actor,
    format: string,
  ): Promise<{ measure: Measure; groupBy: Dimension[]; minCellSize: number; points: SeriesPoint[] }> {
    const errors: FieldError[] = [];
    for (const field of ['from', 'to'] as const) {
      const value = input[field];
      if (value !== undefined && !MONTH.test(value)) errors.push({ field, reason: 'must be a month as YYYY-MM' });
    }
    if (errors.length === 0 && input.from && input.to && input.from > input.to)
      errors.push({ field: 'to', reason: 'must not be before from' });
    let parsed: { measure: Measure; groupBy: Dimension[] } | undefined;
    try {
      parsed = parseTableRequest(input.measure, input.groupBy, 1);
    } catch (err) {
      if (!(err instanceof ValidationFailedError)) throw err;
      errors.push(...(err.errors ?? []));
    }
    if (errors.length > 0 || !parsed) throw new ValidationFailedError(errors);
    const { measure, groupBy } = parsed;
    const rows: { month: string; taken_at: Date; data: SnapshotData }[] = await this.dataSource.query(
      `SELECT to_char(month, 'YYYY-MM') AS month, taken_at, data FROM statistics_snapshots
       WHERE ($1::date IS NULL OR month >= $1::date) AND ($2::date IS NULL OR month <= $2::date) ORDER BY month`,
      [input.from ? `${input.from}-01` : null, input.to ? `${input.to}-01` : null],
    );
    const minCellSize = this.statistics.minCellSize;
    const points = rows.map((row) => {
      const raw = row.data.measures[measure]?.[groupBy[0] ?? 'none'] ?? [];
      const { cells, totals, total } = protectTable(measure, groupBy, raw, minCellSize);
      return { month: row.month, takenAt: new Date(row.taken_at).toISOString(), cells, totals, total };
    });
    await this.audit.record(
      {
        action: 'statistics.read',
        entityType: 'statistics',
        details: { view: 'series', measure, groupBy, from: input.from ?? null, to: input.to ?? null, format },
      },
      actor,
    );
    return { measure, groupBy, minCellSize, points };
  }
}
