import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { bulkInsert } from '../database/bulk-insert.js';
import type { Actor } from '../auth/actor.js';
import { type FieldError, NotFoundError, ValidationFailedError } from '../common/errors.js';
import type { RecordInputDto } from './dto/record-input.dto.js';
import { PersonRecord } from './person-record.entity.js';
import { contentHash, locatedView, type RecordFields, type RecordView, toRecordFields, toView } from './record-mapper.js';
import { RecordVersion } from './record-version.entity.js';
import type { ValidatedInput } from './record-validation.js';
import type { RecordKind } from './record.types.js';
import { inRecordScope, recordScope, type RecordScope } from './record-scope.js';

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

interface PendingItem {
  index: number;
  fields: RecordFields;
  hash: string;
}

/** Splits items into consecutive groups in which no sourceRecordId repeats, so each group is stored in one go, in order. */
function groupsWithoutRepeats(items: PendingItem[]): PendingItem[][] {
  const groups: PendingItem[][] = [];
  let current: PendingItem[] = [];
  let seen = new Set<string>();
  for (const item of items) {
    if (seen.has(item.fields.sourceRecordId)) {
      groups.push(current);
      current = [];
      seen = new Set();
    }
    current.push(item);
    seen.add(item.fields.sourceRecordId);
  }
  if (current.length > 0) groups.push(current);
  return groups;
}

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
    const pending: PendingItem[] = [];
    for (const [offset, item] of chunk.entries()) {
      const index = firstIndex + offset;
      if (!item.ok) {
        results.push({ index, result: 'failed', errors: item.errors });
        continue;
      }
      const fields = toRecordFields(kind, item.input as RecordInputDto, actor.country);
      pending.push({ index, fields, hash: contentHash(fields) });
    }
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction();
      for (const group of groupsWithoutRepeats(pending)) results.push(...(await this.storeGroup(runner.manager, group, actor, withRecord)));
      await runner.commitTransaction();
    } catch (err) {
      if (runner.isTransactionActive) await runner.rollbackTransaction();
      throw err;
    } finally {
      await runner.release();
    }
    return results.sort((a, b) => a.index - b.index);
  }

  /**
   * Stores a group in a few statements. Should that fail (another request created one of its records at the
   * same moment), the group is rolled back to its savepoint and its items are stored one by one, each retried
   * once and each failing alone.
   */
  private async storeGroup(manager: EntityManager, group: PendingItem[], actor: Actor, withRecord: boolean): Promise<ItemResult[]> {
    if (group.length > 1) {
      const stored = await this.inSavepoint(manager, () => this.upsertMany(manager, group, actor, withRecord));
      if (stored.ok) return stored.value;
    }
    const results: ItemResult[] = [];
    for (const item of group) {
      let stored = await this.inSavepoint(manager, () => this.upsertMany(manager, [item], actor, withRecord));
      // Another request created the same sourceRecordId first: once it committed, this becomes an update.
      if (!stored.ok && isUniqueViolation(stored.error)) stored = await this.inSavepoint(manager, () => this.upsertMany(manager, [item], actor, withRecord));
      if (stored.ok) results.push(...stored.value);
      else {
        const err = stored.error as { name?: string; code?: string };
        this.logger.error({ err: { type: err?.name, code: err?.code }, index: item.index }, 'record item not stored');
        results.push({ index: item.index, result: 'failed', errors: [{ field: 'body', reason: 'could not be stored because of an internal error; nothing of it was written, send it again' }] });
      }
    }
    return results;
  }

  private async inSavepoint<T>(manager: EntityManager, work: () => Promise<T>): Promise<{ ok: true; value: T } | { ok: false; error: unknown }> {
    await manager.query('SAVEPOINT record_items');
    try {
      const value = await work();
      await manager.query('RELEASE SAVEPOINT record_items');
      return { ok: true, value };
    } catch (error) {
      await manager.query('ROLLBACK TO SAVEPOINT record_items');
      return { ok: false, error };
    }
  }

  /** Creates, updates or leaves unchanged each item (distinct sourceRecordIds), with history and audit. */
  private async upsertMany(manager: EntityManager, items: PendingItem[], actor: Actor, withRecord: boolean): Promise<ItemResult[]> {
    const repo = manager.getRepository(PersonRecord);
    const existing = await repo
      .createQueryBuilder('r')
      .setLock('pessimistic_write')
      .where('r.organizationId = :org AND r.kind = :kind AND r.sourceRecordId IN (:...sources)', {
        org: actor.organizationId,
        kind: items[0].fields.kind,
        sources: items.map((i) => i.fields.sourceRecordId),
      })
      .getMany();
    const bySource = new Map(existing.map((r) => [r.sourceRecordId, r]));
    const outcomes: { index: number; record: PersonRecord; result: SubmitResult }[] = [];
    const fresh: { index: number; record: PersonRecord }[] = [];
    for (const { index, fields, hash } of items) {
      const found = bySource.get(fields.sourceRecordId);
      if (!found) {
        fresh.push({ index, record: repo.create({ ...fields, id: randomUUID(), organizationId: actor.organizationId, version: 1, contentHash: hash, createdByKeyId: actor.keyId, updatedByKeyId: actor.keyId }) });
      } else if (found.contentHash === hash) {
        outcomes.push({ index, record: found, result: 'unchanged' });
      } else {
        Object.assign(found, fields, { version: found.version + 1, contentHash: hash, updatedByKeyId: actor.keyId });
        outcomes.push({ index, record: await repo.save(found), result: 'updated' });
      }
    }
    if (fresh.length > 0) {
      await bulkInsert(manager, PersonRecord, fresh.map((f) => f.record));
      outcomes.push(...fresh.map((f) => ({ ...f, result: 'created' as const })));
    }
    const changed = outcomes.filter((o) => o.result !== 'unchanged');
    if (changed.length > 0) {
      const versions = manager.getRepository(RecordVersion);
      await bulkInsert(
        manager,
        RecordVersion,
        changed.map((o) => versions.create({ recordId: o.record.id, version: o.record.version, changeType: o.result as 'created' | 'updated', snapshot: toView(o.record), changedByKeyId: actor.keyId })),
      );
    }
    await this.audit.recordMany(
      outcomes.map((o) => ({
        action: o.result === 'unchanged' ? 'record.resubmitted_unchanged' : `record.${o.result}`,
        entityType: o.record.kind,
        entityId: o.record.id,
        details: { version: o.record.version },
      })),
      actor,
      manager,
    );
    return outcomes.map((o) => ({ index: o.index, result: o.result, id: o.record.id, ...(withRecord ? { record: toView(o.record) } : {}) }));
  }

  async get(kind: RecordKind, id: string, actor: Actor): Promise<RecordView> {
    const record = await this.findOrFail(kind, id, actor);
    await this.audit.record({ action: 'record.read', entityType: kind, entityId: id, details: { version: record.version } }, actor);
    return kind === 'missing_report' ? { ...toView(record), located: locatedView(record) } : toView(record);
  }

  /**
   * Name search for people (the console): the folded query against every name field and alias, by trigram word
   * similarity (so "Ernandes" finds Hernández and "pena" finds Peña), best first; only records the caller may read.
   * The reading is audited with the ids shown, never the query text (it is a name).
   */
  async search(query: { q: string; kind?: RecordKind; country?: 'MX' | 'GT'; limit?: number }, actor: Actor) {
    const rows: SearchRow[] = await this.dataSource.transaction(async (manager) => {
      // Looser than the default 0.6, so that one or two wrong letters in a short name still match.
      await manager.query(`SET LOCAL pg_trgm.word_similarity_threshold = ${SEARCH_THRESHOLD}`);
      const qb = manager
        .getRepository(PersonRecord)
        .createQueryBuilder('r')
        .select(['r.id AS id', 'r.kind AS kind', 'r.country AS country', 'r.aliases AS aliases', 'r.sex AS sex', 'r.located AS located'])
        .addSelect('r.sourceRecordId', 'sourceRecordId')
        .addSelect('r.givenNames', 'givenNames')
        .addSelect('r.firstSurname', 'firstSurname')
        .addSelect('r.secondSurname', 'secondSurname')
        .addSelect('r.fullName', 'fullName')
        .addSelect('word_similarity(cbmp_fold(:q), r.search_name)', 'similarity')
        .where('cbmp_fold(:q) <% r.search_name', { q: query.q })
        .orderBy('similarity', 'DESC')
        .addOrderBy('r.id', 'ASC')
        .limit(query.limit ?? 20);
      whereInScope(qb, recordScope(actor));
      if (query.kind) qb.andWhere('r.kind = :kind', { kind: query.kind });
      if (query.country) qb.andWhere('r.country = :country', { country: query.country });
      return qb.getRawMany();
    });
    await this.audit.record({ action: 'record.search', entityType: 'person_record', details: { ids: rows.map((r) => r.id), kind: query.kind ?? null, country: query.country ?? null } }, actor);
    return { items: rows.map((r) => ({ ...r, similarity: Math.round(Number(r.similarity) * 1000) / 1000 })) };
  }

  async list(kind: RecordKind, query: ListQuery, actor: Actor): Promise<{ items: RecordView[]; nextCursor: string | null }> {
    const qb = this.dataSource
      .getRepository(PersonRecord)
      .createQueryBuilder('r')
      .where('r.kind = :kind', { kind })
      .orderBy('r.updatedAt', 'ASC')
      .addOrderBy('r.id', 'ASC')
      .take(query.limit + 1);
    whereInScope(qb, recordScope(actor));
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
      items: page.map((r) => (kind === 'missing_report' ? { ...toView(r), located: locatedView(r) } : toView(r))),
      nextCursor: rows.length > query.limit ? encodeCursor(page[page.length - 1]) : null,
    };
  }

  async versions(kind: RecordKind, id: string, actor: Actor): Promise<{ version: number; changeType: string; changedAt: string; changedByKeyId: string | null }[]> {
    await this.findOrFail(kind, id, actor);
    const versions = await this.dataSource.getRepository(RecordVersion).find({ where: { recordId: id }, order: { version: 'ASC' } });
    await this.audit.record({ action: 'record.versions_listed', entityType: kind, entityId: id }, actor);
    return versions.map((v) => ({ version: v.version, changeType: v.changeType, changedAt: v.changedAt.toISOString(), changedByKeyId: v.changedByKeyId }));
  }

  async version(kind: RecordKind, id: string, version: number, actor: Actor): Promise<Record<string, unknown>> {
    await this.findOrFail(kind, id, actor);
    const found = await this.dataSource.getRepository(RecordVersion).findOne({ where: { recordId: id, version } });
    if (!found) throw new NotFoundError(`Record ${id} has no version ${version}`);
    await this.audit.record({ action: 'record.version_read', entityType: kind, entityId: id, details: { version } }, actor);
    return found.snapshot;
  }

  /** The record, or 404 when it does not exist or is outside the caller's scope (which is audited, never revealed). */
  private async findOrFail(kind: RecordKind, id: string, actor: Actor): Promise<PersonRecord> {
    const record = await this.dataSource.getRepository(PersonRecord).findOne({ where: { id, kind } });
    const notFound = new NotFoundError(`No ${kind === 'missing_report' ? 'missing-person report' : 'suspected-victim record'} with id ${id}`);
    if (!record) throw notFound;
    if (!inRecordScope(recordScope(actor), record)) {
      await this.audit.record({ action: 'access.out_of_scope', entityType: kind, entityId: id }, actor);
      throw notFound;
    }
    return record;
  }
}

/** Only what the caller may read directly: their country (investigators, partners) or organization (submitters). */
function whereInScope(qb: SelectQueryBuilder<PersonRecord>, scope: RecordScope): void {
  if (scope.all) return;
  const visible = [scope.country && 'r.country = :scopeCountry', scope.organizationId && 'r.organizationId = :scopeOrganization'].filter(Boolean);
  qb.andWhere(visible.length > 0 ? `(${visible.join(' OR ')})` : 'FALSE', { scopeCountry: scope.country, scopeOrganization: scope.organizationId });
}

/** Word similarity (0–1) a record's names need to be found by the name search. */
export const SEARCH_THRESHOLD = 0.45;

interface SearchRow {
  id: string;
  kind: RecordKind;
  sourceRecordId: string;
  country: string;
  givenNames: string | null;
  firstSurname: string | null;
  secondSurname: string | null;
  fullName: string | null;
  aliases: string[];
  sex: string;
  located: string | null;
  similarity: number;
}
