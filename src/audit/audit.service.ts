import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '../auth/actor.js';
import { bulkInsert } from '../database/bulk-insert.js';
import { AuditEntry } from './audit-entry.entity.js';

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

  async record(event: AuditEvent, actor: Actor | null, manager?: EntityManager): Promise<void> {
    await this.recordMany([event], actor, manager);
  }

  async recordMany(events: AuditEvent[], actor: Actor | null, manager?: EntityManager): Promise<void> {
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
