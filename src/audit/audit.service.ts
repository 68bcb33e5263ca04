import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '../auth/actor.js';
import { bulkInsert } from '../database/bulk-insert.js';
import { AuditEntry } from './audit-entry.entity.js';
import type { ListAuditQueryDto } from './dto/list-audit-query.dto.js';

/** Who acted: an API key's actor, or (for signed messages of the identification system) only the address and request. */
export type AuditActor = Pick<Actor, 'ip' | 'requestId'> & { keyId: string | null; organizationId: string | null };

export interface AuditEvent {
  action: string;
  entityType: string;
  entityId?: string | null;
  details?: Record<string, unknown>;
}

/** Appends to the audit log. Pass the transaction's manager so the entry commits (or not) with the change. */
@Injectable()
export class AuditService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async record(event: AuditEvent, actor: AuditActor | null, manager?: EntityManager): Promise<void> {
    await this.recordMany([event], actor, manager);
  }

  /** Entries newest first, filtered; the cursor is the last id seen. The reading itself is audited. */
  async list(query: ListAuditQueryDto, actor: Actor) {
    const limit = query.limit ?? 100;
    const qb = this.dataSource.getRepository(AuditEntry).createQueryBuilder('e').orderBy('e.id', 'DESC').limit(limit + 1);
    if (query.actorKeyId) qb.andWhere('e.actorKeyId = :actorKeyId', { actorKeyId: query.actorKeyId });
    if (query.organizationId) qb.andWhere('e.organizationId = :organizationId', { organizationId: query.organizationId });
    if (query.action?.endsWith('.')) qb.andWhere('starts_with(e.action, :prefix)', { prefix: query.action });
    else if (query.action) qb.andWhere('e.action = :action', { action: query.action });
    if (query.entityType) qb.andWhere('e.entityType = :entityType', { entityType: query.entityType });
    if (query.entityId) qb.andWhere('e.entityId = :entityId', { entityId: query.entityId });
    if (query.since) qb.andWhere('e.at >= :since', { since: query.since });
    if (query.until) qb.andWhere('e.at < :until', { until: query.until });
    if (query.cursor) qb.andWhere('e.id < :cursor', { cursor: query.cursor });
    const rows = await qb.getMany();
    const page = rows.slice(0, limit);
    await this.record({ action: 'audit.read', entityType: 'audit_log', details: { count: page.length, filters: { ...query, cursor: undefined, limit } } }, actor);
    return {
      items: page.map((e) => ({
        id: e.id,
        at: e.at.toISOString(),
        actorKeyId: e.actorKeyId,
        organizationId: e.organizationId,
        action: e.action,
        entityType: e.entityType,
        entityId: e.entityId,
        ip: e.ip,
        requestId: e.requestId,
        details: e.details,
      })),
      nextCursor: rows.length > limit ? page[page.length - 1].id : null,
    };
  }

  async recordMany(events: AuditEvent[], actor: AuditActor | null, manager?: EntityManager): Promise<void> {
    if (events.length === 0) return;
    const target = manager ?? this.dataSource.manager;
    const repo = target.getRepository(AuditEntry);
    await bulkInsert(
      target,
      AuditEntry,
      events.map((event) => repo.create({
        actorKeyId: actor?.keyId ?? null,
        organizationId: actor?.organizationId ?? null,
        action: event.action,
        entityType: event.entityType,
        entityId: event.entityId ?? null,
        ip: actor?.ip ?? null,
        requestId: actor?.requestId ?? null,
        details: event.details ?? null,
      })),
    );
  }
}
