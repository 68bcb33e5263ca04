import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { Actor } from '../auth/actor.js';
import { ApiKeysService } from '../auth/api-keys.service.js';
import { NotFoundError, ValidationFailedError } from '../common/errors.js';
import { PersonRecord } from '../records/person-record.entity.js';
import { locatedView, toView } from '../records/record-mapper.js';
import { AlertDecision } from './alert-decision.entity.js';
import { AlertEvent } from './alert-event.entity.js';
import { alertScope, inAlertScope } from './alert-scope.js';
import { Alert, ALERT_STATUSES, type AlertStatus } from './alert.entity.js';
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
  evidenceVersion: number;
  lastDecision: string | null;
  claim: ClaimView | null;
  createdAt: string;
  updatedAt: string;
}

export interface ClaimView {
  keyId: string;
  /** The holder's name: the person's account, or the key's label (null for a key without one). */
  name: string | null;
  claimedAt: string;
  expiresAt: string;
}

/** Display names of principals by key id (ApiKeysService.principalNames). */
export type PrincipalNames = ReadonlyMap<string, string | null>;
const NO_NAMES: PrincipalNames = new Map();

/** The claim in force, or null when there is none or it has lapsed. */
export function liveClaim(alert: Alert, names: PrincipalNames = NO_NAMES, now = new Date()): ClaimView | null {
  if (!alert.claimedByKeyId || !alert.claimExpiresAt || alert.claimExpiresAt.getTime() <= now.getTime()) return null;
  return { keyId: alert.claimedByKeyId, name: names.get(alert.claimedByKeyId) ?? null, claimedAt: (alert.claimedAt ?? alert.claimExpiresAt).toISOString(), expiresAt: alert.claimExpiresAt.toISOString() };
}

/** The state a reviewer needs to retry: sent with every 409 of the review workflow. */
export function currentState(alert: Alert, names: PrincipalNames = NO_NAMES) {
  return {
    id: alert.id,
    status: alert.status,
    statusReason: alert.statusReason,
    evidenceVersion: alert.evidenceVersion,
    reviewRound: alert.reviewRound,
    lastDecision: alert.lastDecision,
    claim: liveClaim(alert, names),
    updatedAt: alert.updatedAt.toISOString(),
  };
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

export function decisionView(d: AlertDecision, names: PrincipalNames = NO_NAMES) {
  return {
    id: d.id,
    decision: d.decision,
    reason: d.reason,
    note: d.note,
    reviewRound: d.reviewRound,
    evidenceVersion: d.evidenceVersion,
    decidedByKeyId: d.decidedByKeyId,
    decidedByName: d.decidedByKeyId ? (names.get(d.decidedByKeyId) ?? null) : null,
    organizationId: d.organizationId,
    decidedAt: d.decidedAt.toISOString(),
    reversesDecisionId: d.reversesDecisionId,
    source: d.source,
    identificationResultId: d.identificationResultId,
  };
}

/** Reads alerts. Reading an alert's detail reads both person records: all of it is audited. */
@Injectable()
export class AlertsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly keys: ApiKeysService,
  ) {}

  /** Names of the people (accounts) or systems (key labels) behind key ids, for claims, decisions, notes and history. */
  names(keyIds: Iterable<string | null | undefined>, manager?: EntityManager): Promise<PrincipalNames> {
    return this.keys.principalNames(keyIds, manager);
  }

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
    const scope = alertScope(actor);
    if (!scope.all) {
      qb.andWhere(scope.country ? '(a.report_country = :scopeCountry OR a.victim_country = :scopeCountry)' : 'FALSE', { scopeCountry: scope.country });
    }
    if (query.status) qb.andWhere('a.status = :status', { status: query.status });
    if (query.assignedTo === 'me') qb.andWhere('a.claimed_by_key_id = :me AND a.claim_expires_at > now()', { me: actor.keyId });
    if (query.crossBorder !== undefined) qb.andWhere('a.cross_border = :crossBorder', { crossBorder: query.crossBorder });
    if (query.minor !== undefined) qb.andWhere('a.minor = :minor', { minor: query.minor });
    if (query.decision) qb.andWhere('a.last_decision = :decision', { decision: query.decision });
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
    const names = await this.names(page.map((a) => (liveClaim(a) ? a.claimedByKeyId : null)));
    const filters = { status: query.status ?? null, country: query.country ?? null, assignedTo: query.assignedTo ?? null, crossBorder: query.crossBorder ?? null, minor: query.minor ?? null, decision: query.decision ?? null };
    await this.audit.record({ action: 'alert.list', entityType: 'alert', details: { ids: page.map((a) => a.id), sort, filters } }, actor);
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
          evidenceVersion: a.evidenceVersion,
          lastDecision: a.lastDecision,
          claim: liveClaim(a, names),
          createdAt: a.createdAt.toISOString(),
          updatedAt: a.updatedAt.toISOString(),
        };
      }),
      nextCursor: entities.length > limit && last && lastValue !== null ? encodeCursor(sort, lastValue, last.id) : null,
    };
  }

  /** The alert with both records side by side, the evidence and the alert's history. */
  /** Counts per status of the alerts the caller may see, plus their own live claims: for a dashboard. */
  async summary(actor: Actor): Promise<{ total: number; byStatus: Record<AlertStatus, number>; crossBorderOpen: number; minorOpen: number; assignedToMe: number }> {
    const scope = alertScope(actor);
    const where = scope.all ? 'TRUE' : scope.country ? '(report_country = $2 OR victim_country = $2)' : 'FALSE';
    const rows: { status: AlertStatus; n: string; cross: string; minor: string; mine: string }[] = await this.dataSource.query(
      `SELECT status, count(*) AS n, count(*) FILTER (WHERE cross_border) AS cross, count(*) FILTER (WHERE minor) AS minor,
              count(*) FILTER (WHERE claimed_by_key_id = $1 AND claim_expires_at > now()) AS mine
       FROM alerts WHERE ${where} GROUP BY status`,
      scope.all || !scope.country ? [actor.keyId] : [actor.keyId, scope.country],
    );
    const byStatus = Object.fromEntries(ALERT_STATUSES.map((st) => [st, 0])) as Record<AlertStatus, number>;
    let crossBorderOpen = 0;
    let minorOpen = 0;
    let assignedToMe = 0;
    for (const row of rows) {
      byStatus[row.status] = Number(row.n);
      if (row.status === 'pending' || row.status === 'in_review' || row.status === 'needs_info') {
        crossBorderOpen += Number(row.cross);
        minorOpen += Number(row.minor);
      }
      assignedToMe += Number(row.mine);
    }
    await this.audit.record({ action: 'alert.summary', entityType: 'alert' }, actor);
    return { total: Object.values(byStatus).reduce((a, b) => a + b, 0), byStatus, crossBorderOpen, minorOpen, assignedToMe };
  }

  /**
   * The alert if the caller may see it; otherwise 404, as for an alert that does not exist, and the attempt is
   * audited. With a manager, the row is locked for the rest of the transaction.
   */
  async findVisible(id: string, actor: Actor, manager?: EntityManager): Promise<Alert> {
    const repo = (manager ?? this.dataSource.manager).getRepository(Alert);
    const alert = manager
      ? await repo.createQueryBuilder('a').setLock('pessimistic_write').where('a.id = :id', { id }).getOne()
      : await repo.findOneBy({ id });
    if (!alert) throw new NotFoundError(`No alert with id ${id}`);
    if (!inAlertScope(alertScope(actor), alert)) {
      // Outside a transaction: the attempt is kept even though the request fails.
      await this.audit.record({ action: 'access.out_of_scope', entityType: 'alert', entityId: id }, actor);
      throw new NotFoundError(`No alert with id ${id}`);
    }
    return alert;
  }

  async get(id: string, actor: Actor) {
    const alert = await this.findVisible(id, actor);
    const records = await this.dataSource.getRepository(PersonRecord).findBy([{ id: alert.missingReportId }, { id: alert.suspectedVictimId }]);
    const report = records.find((r) => r.id === alert.missingReportId)!;
    const victim = records.find((r) => r.id === alert.suspectedVictimId)!;
    const history = await this.dataSource.getRepository(AlertEvent).find({ where: { alertId: id }, order: { id: 'ASC' } });
    const decisions = await this.dataSource.getRepository(AlertDecision).find({ where: { alertId: id }, order: { id: 'ASC' } });
    const names = await this.names([alert.claimedByKeyId, ...history.map((e) => e.actorKeyId), ...decisions.map((d) => d.decidedByKeyId)]);
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
      lastDecision: alert.lastDecision,
      supersededByAlertId: alert.supersededByAlertId,
      forensicResult: alert.forensicResult,
      claim: liveClaim(alert, names),
      evidence: alert.evidence,
      missingReport: { ...toView(report), located: locatedView(report) },
      suspectedVictim: toView(victim),
      decisions: decisions.map((d) => decisionView(d, names)),
      history: history.map((e) => ({
        at: e.at.toISOString(),
        event: e.event,
        fromStatus: e.fromStatus,
        toStatus: e.toStatus,
        matchWeight: e.matchWeight,
        evidenceVersion: e.evidenceVersion,
        reason: e.reason,
        runId: e.runId,
        actorKeyId: e.actorKeyId,
        actorName: e.actorKeyId ? (names.get(e.actorKeyId) ?? null) : null,
      })),
      createdAt: alert.createdAt.toISOString(),
      updatedAt: alert.updatedAt.toISOString(),
    };
  }
}
