import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { Actor } from '../auth/actor.js';
import { type FieldError, NotFoundError, ValidationFailedError } from '../common/errors.js';
import type { RecordInputDto } from './dto/record-input.dto.js';
import { PersonRecord } from './person-record.entity.js';
import { contentHash, type RecordFields, type RecordView, toRecordFields, toView } from './record-mapper.js';
import { RecordVersion } from './record-version.entity.js';
import type { ValidatedInput } from './record-validation.js';
import type { RecordKind } from './record.types.js';

export type SubmitResult = 'created' | 'updated' | 'unchanged';

export interface ItemResult {
  index: number;
  result: SubmitResult | 'failed';
  id?: string;
  errors?: FieldError[];
  record?: RecordView;
}

export interface ListQuery {
  country?: 'MX' | 'GT';
  updatedSince?: string;
  limit: number;
  cursor?: string;
}

const UNIQUE_VIOLATION = '23505';
/** Items stored per transaction in batches and imports; each item has its own savepoint, so it is atomic alone. */
const CHUNK = 200;

function isUniqueViolation(err: unknown): boolean {
  return (err as { code?: string; driverError?: { code?: string } })?.code === UNIQUE_VIOLATION ||
    (err as { driverError?: { code?: string } })?.driverError?.code === UNIQUE_VIOLATION;
}

function encodeCursor(record: PersonRecord): string {
  return Buffer.from(JSON.stringify([record.updatedAt.toISOString(), record.id])).toString('base64url');
}

function decodeCursor(cursor: string): [string, string] {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(value) && value.length === 2 && typeof value[0] === 'string' && !Number.isNaN(Date.parse(value[0])) &&
      typeof value[1] === 'string' && /^[0-9a-f-]{36}$/.test(value[1])) {
      return [value[0], value[1]];
    }
  } catch {
    // fall through
  }
  throw new ValidationFailedError([{ field: 'cursor', reason: 'is not a cursor this API returned' }]);
}

/** Owns person records: intake (create / update / unchanged), history, reads. Every read and change is audited. */
@Injectable()
export class RecordsService {
  private readonly logger = new Logger(RecordsService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** Stores one validated record; throws ValidationFailedError for invalid input. */
  async submit(kind: RecordKind, item: ValidatedInput, actor: Actor): Promise<{ id: string; result: SubmitResult; record: RecordView }> {
    if (!item.ok) throw new ValidationFailedError(item.errors);
    const [outcome] = await this.submitMany(kind, [item], actor, { withRecord: true });
    if (outcome.result === 'failed') throw new ValidationFailedError(outcome.errors ?? []);
    return { id: outcome.id!, result: outcome.result, record: outcome.record! };
  }

  /**
   * Stores many records in order. Invalid items are reported and skipped; valid ones are stored even when
   * others fail. Items are grouped into transactions of up to CHUNK, each item inside its own savepoint.
   */
  async submitMany(kind: RecordKind, items: ValidatedInput[], actor: Actor, options: { withRecord?: boolean; indexOffset?: number } = {}): Promise<ItemResult[]> {
    const results: ItemResult[] = [];
    const offset = options.indexOffset ?? 0;
    for (let start = 0; start < items.length; start += CHUNK) {
      const chunk = items.slice(start, start + CHUNK);
      results.push(...(await this.storeChunk(kind, chunk, start + offset, actor, options.withRecord ?? false)));
    }
    return results;
  }

  private async storeChunk(kind: RecordKind, chunk: ValidatedInput[], firstIndex: number, actor: Actor, withRecord: boolean): Promise<ItemResult[]> {
    const results: ItemResult[] = [];
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction();
      for (const [offset, item] of chunk.entries()) {
        const index = firstIndex + offset;
        if (!item.ok) {
          results.push({ index, result: 'failed', errors: item.errors });
          continue;
        }
        const fields = toRecordFields(kind, item.input as RecordInputDto, actor.country);
        results.push(await this.storeItem(runner.manager, index, fields, actor, withRecord));
      }
      await runner.commitTransaction();
    } catch (err) {
      if (runner.isTransactionActive) await runner.rollbackTransaction();
      throw err;
    } finally {
      await runner.release();
    }
    return results;
  }

  private async storeItem(manager: EntityManager, index: number, fields: RecordFields, actor: Actor, withRecord: boolean): Promise<ItemResult> {
    for (let attempt = 0; ; attempt++) {
      await manager.query('SAVEPOINT record_item');
      try {
        const { record, result } = await this.upsert(manager, fields, actor);
        await manager.query('RELEASE SAVEPOINT record_item');
        return { index, result, id: record.id, ...(withRecord ? { record: toView(record) } : {}) };
      } catch (err) {
        await manager.query('ROLLBACK TO SAVEPOINT record_item');
        // Another request created the same sourceRecordId first: once it committed, this becomes an update.
        if (isUniqueViolation(err) && attempt === 0) continue;
        this.logger.error({ err: { type: (err as Error)?.name, code: (err as { code?: string })?.code }, index }, 'record item not stored');
        return { index, result: 'failed', errors: [{ field: 'body', reason: 'could not be stored because of an internal error; nothing of it was written, send it again' }] };
      }
    }
  }

  private async upsert(manager: EntityManager, fields: RecordFields, actor: Actor): Promise<{ record: PersonRecord; result: SubmitResult }> {
    const repo = manager.getRepository(PersonRecord);
    const hash = contentHash(fields);
    const existing = await repo
      .createQueryBuilder('r')
      .setLock('pessimistic_write')
      .where('r.organizationId = :org AND r.kind = :kind AND r.sourceRecordId = :source', {
        org: actor.organizationId,
        kind: fields.kind,
        source: fields.sourceRecordId,
      })
      .getOne();
    if (existing && existing.contentHash === hash) {
      await this.audit.record({ action: 'record.resubmitted_unchanged', entityType: fields.kind, entityId: existing.id, details: { version: existing.version } }, actor, manager);
      return { record: existing, result: 'unchanged' };
    }
    const record = existing
      ? Object.assign(existing, fields, { version: existing.version + 1, contentHash: hash, updatedByKeyId: actor.keyId })
      : repo.create({ ...fields, organizationId: actor.organizationId, version: 1, contentHash: hash, createdByKeyId: actor.keyId, updatedByKeyId: actor.keyId });
    const saved = await repo.save(record);
    const changeType = existing ? 'updated' : 'created';
    const versions = manager.getRepository(RecordVersion);
    await versions.insert(
      versions.create({ recordId: saved.id, version: saved.version, changeType, snapshot: toView(saved), changedByKeyId: actor.keyId }),
    );
    await this.audit.record({ action: `record.${changeType}`, entityType: fields.kind, entityId: saved.id, details: { version: saved.version } }, actor, manager);
    return { record: saved, result: changeType };
  }

  async get(kind: RecordKind, id: string, actor: Actor): Promise<RecordView> {
    const record = await this.findOrFail(kind, id);
    await this.audit.record({ action: 'record.read', entityType: kind, entityId: id, details: { version: record.version } }, actor);
    return toView(record);
  }

  async list(kind: RecordKind, query: ListQuery, actor: Actor): Promise<{ items: RecordView[]; nextCursor: string | null }> {
    const qb = this.dataSource
      .getRepository(PersonRecord)
      .createQueryBuilder('r')
      .where('r.kind = :kind', { kind })
      .orderBy('r.updatedAt', 'ASC')
      .addOrderBy('r.id', 'ASC')
      .take(query.limit + 1);
    if (query.country) qb.andWhere('r.country = :country', { country: query.country });
    if (query.updatedSince) qb.andWhere('r.updatedAt >= :since', { since: query.updatedSince });
    if (query.cursor) {
      const [updatedAt, id] = decodeCursor(query.cursor);
      qb.andWhere('(r.updatedAt, r.id) > (:cursorAt, :cursorId)', { cursorAt: updatedAt, cursorId: id });
    }
    const rows = await qb.getMany();
    const page = rows.slice(0, query.limit);
    await this.audit.record(
      { action: 'record.list', entityType: kind, details: { ids: page.map((r) => r.id), filters: { country: query.country ?? null, updatedSince: query.updatedSince ?? null } } },
      actor,
    );
    return {
      items: page.map(toView),
      nextCursor: rows.length > query.limit ? encodeCursor(page[page.length - 1]) : null,
    };
  }

  async versions(kind: RecordKind, id: string, actor: Actor): Promise<{ version: number; changeType: string; changedAt: string; changedByKeyId: string | null }[]> {
    await this.findOrFail(kind, id);
    const versions = await this.dataSource.getRepository(RecordVersion).find({ where: { recordId: id }, order: { version: 'ASC' } });
    await this.audit.record({ action: 'record.versions_listed', entityType: kind, entityId: id }, actor);
    return versions.map((v) => ({ version: v.version, changeType: v.changeType, changedAt: v.changedAt.toISOString(), changedByKeyId: v.changedByKeyId }));
  }

  async version(kind: RecordKind, id: string, version: number, actor: Actor): Promise<Record<string, unknown>> {
    await this.findOrFail(kind, id);
    const found = await this.dataSource.getRepository(RecordVersion).findOne({ where: { recordId: id, version } });
    if (!found) throw new NotFoundError(`Record ${id} has no version ${version}`);
    await this.audit.record({ action: 'record.version_read', entityType: kind, entityId: id, details: { version } }, actor);
    return found.snapshot;
  }

  private async findOrFail(kind: RecordKind, id: string): Promise<PersonRecord> {
    const record = await this.dataSource.getRepository(PersonRecord).findOne({ where: { id, kind } });
    if (!record) throw new NotFoundError(`No ${kind === 'missing_report' ? 'missing-person report' : 'suspected-victim record'} with id ${id}`);
    return record;
  }
}
