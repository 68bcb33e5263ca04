import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '../auth/actor.js';
import { AuditService } from '../audit/audit.service.js';
import { ValidationFailedError } from '../common/errors.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { type Dimension, isMedian, MAX_CELLS, type Measure } from './definitions.js';
import { aggregateSql } from './statistics.sql.js';
import { parseTableRequest, protectTable, type RawRow, type StatisticsTable } from './statistics-table.js';

/** Aggregates in PostgreSQL (count people once, see statistics.sql.ts), protects small cells, audits the reading. */
@Injectable()
export class StatisticsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  get minCellSize(): number {
    return this.config.STATISTICS_MIN_CELL;
  }

  async raw(
    measure: Measure,
    groupBy: (Dimension | 'routeFrom' | 'routeTo')[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<RawRow[]> {
    const rows: Record<string, unknown>[] = await manager.query(aggregateSql(measure, groupBy));
    return rows
      .map((row) => ({
        key: groupBy.map((_, i) => String(row[`d${i}`])),
        n: Number(row.n),
        median: row.median === null || row.median === undefined ? null : Number(row.median),
      }))
      .filter((r) => isMedian(measure) || r.n > 0 || groupBy.length === 0);
  }

  async table(
    measureInput: string | undefined,
    groupByInput: string | undefined,
    actor: Actor,
    format: string,
  ): Promise<StatisticsTable> {
    const { measure, groupBy } = parseTableRequest(measureInput, groupByInput);
    const rows = await this.raw(measure, groupBy);
    if (rows.length > MAX_CELLS) {
      throw new ValidationFailedError([
        {
          field: 'groupBy',
          reason: `gives ${rows.length} cells, more than ${MAX_CELLS}: group by fewer or coarser dimensions`,
        },
      ]);
    }
    const table = protectTable(measure, groupBy, rows, this.minCellSize);
    await this.audit.record(
      { action: 'statistics.read', entityType: 'statistics', details: { view: 'table', measure, groupBy, format } },
      actor,
    );
    return table;
  }

  /** Confirmed matches by (region last seen → region found): where people end up. */
  async routes(actor: Actor, format: string): Promise<StatisticsTable> {
    const rows = await this.raw('confirmed_matches', ['routeFrom', 'routeTo']);
    const table = protectTable('confirmed_matches', ['from', 'to'], rows, this.minCellSize);
    await this.audit.record(
      { action: 'statistics.read', entityType: 'statistics', details: { view: 'routes', format } },
      actor,
    );
    return table;
  }
}
