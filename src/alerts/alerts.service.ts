import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { Actor } from '../auth/actor.js';
import { NotFoundError, ValidationFailedError } from '../common/errors.js';
import { PersonRecord } from '../records/person-record.entity.js';
import { toView } from '../records/record-mapper.js';
import { AlertEvent } from './alert-event.entity.js';
import { Alert } from './alert.entity.js';
import type { AlertSort, ListAlertsQueryDto } from './dto/list-alerts-query.dto.js';

/** Sort key column and direction per sort; ties are broken by id in the same direction. */
const SORTS: Record<AlertSort, { column: string; property: keyof Alert; desc: boolean }> = {
  '-priority': { column: 'a.priority', property: 'priority', desc: true },
  '-weight': { column: 'a.match_weight', property: 'matchWeight', desc: true },
  createdAt: { column: 'a.created_at', property: 'createdAt', desc: false },
};

export interface AlertListItem {
  id: string;
  missingReport: { id: string; sourceRecordId: string; country: string };
  suspectedVictim: { id: string; sourceRecordId: string; country: string };
  matchWeight: number;
  probability: number;
  priority: number;
  status: string;
  crossBorder: boolean;
  minor: boolean;
  reviewRound: number;
  createdAt: string;
  updatedAt: string;
}

function encodeCursor(sort: AlertSort, value: number | string, id: string): string {
  return Buffer.from(JSON.stringify([sort, value, id])).toString('base64url');
}

function decodeCursor(sort: AlertSort, cursor: string): [number | string, string] {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(parsed) && parsed.length === 3 && parsed[0] === sort && /^[0-9a-f-]{36}$/.test(String(parsed[2]))) {
      const value = parsed[1];
      if ((sort === 'createdAt' && typeof value === 'string' && !Number.isNaN(Date.parse(value))) || (sort !== 'createdAt' && typeof value === 'number')) {
        return [value, parsed[2] as string];
      }
    }
  } catch {
    // fall through
  }
  throw new ValidationFailedError([{ field: 'cursor', reason: 'is not a cursor this API returned for this sort' }]);
}

/** Reads alerts. Reading an alert's detail reads both person records: all of it is audited. */
@Injectable()
export class AlertsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(query: ListAlertsQueryDto, actor: Actor): Promise<{ items: AlertListItem[]; nextCursor: string | null }> {
    const sort = query.sort ?? '-priority';
    const limit = query.limit ?? 50;
    const { column, property, desc } = SORTS[sort];
    const qb = this.dataSource
      .getRepository(Alert)
      .createQueryBuilder('a')
      .innerJoin(PersonRecord, 'r', 'r.id = a.missing_report_id')
      .innerJoin(PersonRecord, 'v', 'v.id = a.suspected_victim_id')
      .select('a')
      .addSelect(['r.sourceRecordId', 'v.sourceRecordId'])
      .orderBy(column, desc ? 'DESC' : 'ASC')
      .addOrderBy('a.id', desc ? 'DESC' : 'ASC')
      .limit(limit + 1);
    if (query.status) qb.andWhere('a.status = :status', { status: query.status });
    if (query.country) qb.andWhere('(a.report_country = :country OR a.victim_country = :country)', { country: query.country });
    if (query.minProbability !== undefined) qb.andWhere('a.probability >= :minProbability', { minProbability: query.minProbability });
    if (query.createdSince) qb.andWhere('a.created_at >= :createdSince', { createdSince: query.createdSince });
    if (query.cursor) {
      const [value, id] = decodeCursor(sort, query.cursor);
      qb.andWhere(`(${column}, a.id) ${desc ? '<' : '>'} (:cursorValue, :cursorId)`, { cursorValue: value, cursorId: id });
    }
    const { entities, raw } = await qb.getRawAndEntities();
    const sources = new Map<string, [string, string]>(
      raw.map((row: Record<string, string>) => [row.a_id, [row.r_source_record_id, row.v_source_record_id]]),
    );
    const page = entities.slice(0, limit);
    await this.audit.record({ action: 'alert.list', entityType: 'alert', details: { ids: page.map((a) => a.id), sort } }, actor);
    const last = page[page.length - 1];
    const lastValue = last ? (property === 'createdAt' ? last.createdAt.toISOString() : (last[property] as number)) : null;
    return {
      items: page.map((a) => {
        const [reportSource, victimSource] = sources.get(a.id) ?? ['', ''];
        return {
          id: a.id,
          missingReport: { id: a.missingReportId, sourceRecordId: reportSource, country: a.reportCountry },
          suspectedVictim: { id: a.suspectedVictimId, sourceRecordId: victimSource, country: a.victimCountry },
          matchWeight: a.matchWeight,
          probability: a.probability,
          priority: a.priority,
          status: a.status,
          crossBorder: a.crossBorder,
          minor: a.minor,
          reviewRound: a.reviewRound,
          createdAt: a.createdAt.toISOString(),
          updatedAt: a.updatedAt.toISOString(),
        };
      }),
      nextCursor: entities.length > limit && last && lastValue !== null ? encodeCursor(sort, lastValue, last.id) : null,
    };
  }

  /** The alert with both records side by side, the evidence and the alert's history. */
  async get(id: string, actor: Actor) {
    const alert = await this.dataSource.getRepository(Alert).findOneBy({ id });
    if (!alert) throw new NotFoundError(`No alert with id ${id}`);
    const records = await this.dataSource.getRepository(PersonRecord).findBy([{ id: alert.missingReportId }, { id: alert.suspectedVictimId }]);
    const report = records.find((r) => r.id === alert.missingReportId)!;
    const victim = records.find((r) => r.id === alert.suspectedVictimId)!;
    const history = await this.dataSource.getRepository(AlertEvent).find({ where: { alertId: id }, order: { id: 'ASC' } });
    await this.audit.recordMany(
      [
        { action: 'alert.read', entityType: 'alert', entityId: id, details: { evidenceVersion: alert.evidenceVersion } },
        { action: 'record.read', entityType: report.kind, entityId: report.id, details: { version: report.version, via: 'alert' } },
        { action: 'record.read', entityType: victim.kind, entityId: victim.id, details: { version: victim.version, via: 'alert' } },
      ],
      actor,
    );
    return {
      id: alert.id,
      status: alert.status,
      statusReason: alert.statusReason,
      reviewRound: alert.reviewRound,
      matchWeight: alert.matchWeight,
      probability: alert.probability,
      priority: alert.priority,
      crossBorder: alert.crossBorder,
      minor: alert.minor,
      modelVersion: alert.modelVersion,
      evidenceVersion: alert.evidenceVersion,
      evidence: alert.evidence,
      missingReport: toView(report),
      suspectedVictim: toView(victim),
      history: history.map((e) => ({
        at: e.at.toISOString(),
        event: e.event,
        fromStatus: e.fromStatus,
        toStatus: e.toStatus,
        matchWeight: e.matchWeight,
        evidenceVersion: e.evidenceVersion,
        reason: e.reason,
        runId: e.runId,
      })),
      createdAt: alert.createdAt.toISOString(),
      updatedAt: alert.updatedAt.toISOString(),
    };
  }
}
