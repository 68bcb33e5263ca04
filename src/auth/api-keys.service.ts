import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { ConflictError, NotFoundError } from '../common/errors.js';
import { Organization } from '../organizations/organization.entity.js';
import type { Actor } from './actor.js';
import { ApiKey, type Role, type Scope } from './api-key.entity.js';

const KEY_PATTERN = /^cbmp_([0-9a-f]{16})_[A-Za-z0-9_-]{20,}$/;

function hashKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

export interface CreatedKey {
  id: string;
  key: string;
  organization: { id: string; name: string; country: 'MX' | 'GT' };
  roles: Role[];
  scopes: Scope[];
  expiresAt: string | null;
}

/** A key as administrators see it: never the secret nor its hash. */
export interface KeyView {
  id: string;
  keyPrefix: string;
  organization: { id: string; name: string; country: 'MX' | 'GT' };
  roles: Role[];
  scopes: Scope[];
  label: string | null;
  createdAt: string;
  expiresAt: string | null;
  revokedAt: string | null;
}

function keyView(key: ApiKey): KeyView {
  return {
    id: key.id,
    keyPrefix: key.keyPrefix,
    organization: { id: key.organization.id, name: key.organization.name, country: key.organization.country },
    roles: key.roles,
    scopes: key.scopes,
    label: key.label,
    createdAt: key.createdAt.toISOString(),
    expiresAt: key.expiresAt ? key.expiresAt.toISOString() : null,
    revokedAt: key.revokedAt ? key.revokedAt.toISOString() : null,
  };
}

/** The caller a key (or an account's principal) stands for, before the request's address and id are added. */
export function actorOf(key: ApiKey): Omit<Actor, 'ip' | 'requestId'> {
  return {
    keyId: key.id,
    organizationId: key.organizationId,
    organizationName: key.organization.name,
    country: key.organization.country,
    roles: key.roles,
    scopes: key.scopes ?? [],
  };
}

@Injectable()
export class ApiKeysService {
  private readonly logger = new Logger(ApiKeysService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** Resolves a presented key to its actor, or null when unknown, revoked or expired. */
  async verify(presented: string): Promise<Omit<Actor, 'ip' | 'requestId'> | null> {
    const match = KEY_PATTERN.exec(presented);
    if (!match) return null;
    const key = await this.dataSource.getRepository(ApiKey).findOne({ where: { keyPrefix: match[1] } });
    if (!key) return null;
    const expected = Buffer.from(key.keyHash, 'hex');
    const actual = Buffer.from(hashKey(presented), 'hex');
    if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) return null;
    if (key.revokedAt) return null;
    if (key.expiresAt && key.expiresAt.getTime() <= Date.now()) return null;
    return actorOf(key);
  }

  /** Every key of a system, newest first (secrets are never stored, hashes never shown); accounts' principals are not keys. */
  async list(filter: { organizationId?: string }): Promise<KeyView[]> {
    const qb = this.dataSource
      .getRepository(ApiKey)
      .createQueryBuilder('k')
      .innerJoinAndSelect('k.organization', 'o')
      .where('NOT EXISTS (SELECT 1 FROM accounts a WHERE a.key_id = k.id)')
      .orderBy('k.createdAt', 'DESC')
      .addOrderBy('k.id', 'DESC');
    if (filter.organizationId) qb.andWhere('k.organizationId = :organizationId', { organizationId: filter.organizationId });
    return (await qb.getMany()).map(keyView);
  }

  /**
   * Creates the principal of a personal account: an api_keys row with the account's organization, roles and
   * scopes, and no secret. Its prefix (`account-…`) cannot match the key format, so no Bearer key resolves to it.
   */
  async createPrincipal(
    manager: EntityManager,
    input: { organization: string; country: 'MX' | 'GT'; roles: Role[]; scopes?: Scope[] },
  ): Promise<ApiKey> {
    const organization = await this.findOrCreateOrganization(manager, input.organization, input.country);
    const repo = manager.getRepository(ApiKey);
    const saved = await repo.save(
      repo.create({
        organizationId: organization.id,
        keyPrefix: `account-${randomBytes(12).toString('hex')}`,
        keyHash: '',
        roles: [...new Set(input.roles)],
        scopes: [...new Set(input.scopes ?? [])],
        label: 'account',
        revokedByKeyId: null,
        revokedAt: null,
        expiresAt: null,
      }),
    );
    saved.organization = organization;
    return saved;
  }

  /** Display names of principals: the account's name, or the key's label for a system key (null when it has none). */
  async principalNames(keyIds: Iterable<string | null | undefined>, manager: EntityManager = this.dataSource.manager): Promise<Map<string, string | null>> {
    const ids = [...new Set([...keyIds].filter((id): id is string => typeof id === 'string'))];
    if (ids.length === 0) return new Map();
    const rows: { id: string; name: string | null }[] = await manager.query(
      `SELECT k.id, coalesce(a.display_name, k.label) AS name FROM api_keys k LEFT JOIN accounts a ON a.key_id = k.id WHERE k.id = ANY($1::uuid[])`,
      [ids],
    );
    return new Map(rows.map((r) => [r.id, r.name]));
  }

  /** Revokes a key at once (its next request gets 401). Revoking a revoked key changes nothing. */
  async revoke(id: string, actor: Actor): Promise<KeyView> {
    return this.dataSource.transaction(async (manager) => {
      const repo = manager.getRepository(ApiKey);
      const key = await repo.createQueryBuilder('k').setLock('pessimistic_write').where('k.id = :id', { id }).getOne();
      if (!key) throw new NotFoundError(`No API key with id ${id}`);
      const [account] = await manager.query(`SELECT id FROM accounts WHERE key_id = $1`, [id]);
      if (account) throw new ConflictError('This is a personal account, not a key: disable the account instead', undefined, { accountId: account.id });
      if (!key.revokedAt) {
        await repo.update({ id }, { revokedAt: () => 'now()', revokedByKeyId: actor.keyId } as never);
        await this.audit.record({ action: 'api_key.revoked', entityType: 'api_key', entityId: id, details: { organizationId: key.organizationId } }, actor, manager);
      }
      return keyView((await repo.findOne({ where: { id } }))!);
    });
  }

  /** Creates a key for an organization (created on first use of its name). The secret is returned once. */
  async create(
    input: { organization: string; country: 'MX' | 'GT'; roles: Role[]; scopes?: Scope[]; label?: string; expiresAt?: string },
    actor: Actor | null,
  ): Promise<CreatedKey> {
    return this.dataSource.transaction(async (manager) => {
      const organization = await this.findOrCreateOrganization(manager, input.organization, input.country);
      const created = await this.insertKey(manager, organization, input.roles, input.label ?? null, input.expiresAt ?? null, undefined, input.scopes ?? []);
      await this.audit.record(
        { action: 'api_key.created', entityType: 'api_key', entityId: created.id, details: { roles: created.roles, scopes: created.scopes, organizationId: organization.id } },
        actor,
        manager,
      );
      return created;
    });
  }

  /**
   * On first start with no key at all, creates an admin key: BOOTSTRAP_ADMIN_KEY when set, else a random one
   * that is printed once. Returns the key when one was created.
   */
  async bootstrap(presetKey: string | undefined, country: 'MX' | 'GT'): Promise<string | null> {
    if (presetKey && !KEY_PATTERN.test(presetKey)) {
      throw new Error('BOOTSTRAP_ADMIN_KEY must look like cbmp_<16 hex digits>_<at least 20 of A-Z a-z 0-9 _ ->');
    }
    return this.dataSource.transaction(async (manager) => {
      // Several instances may start at once: only one creates the first key.
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', ['bootstrap-admin-key']);
      if ((await manager.getRepository(ApiKey).count()) > 0) return null;
      const organization = await this.findOrCreateOrganization(manager, 'Administración del servicio', country);
      const created = await this.insertKey(manager, organization, ['admin'], 'bootstrap', null, presetKey);
      await this.audit.record({ action: 'api_key.bootstrapped', entityType: 'api_key', entityId: created.id }, null, manager);
      this.logger.log({ keyId: created.id }, 'bootstrap admin key created');
      return created.key;
    });
  }

  private async insertKey(
    manager: EntityManager,
    organization: Organization,
    roles: Role[],
    label: string | null,
    expiresAt: string | null,
    presetKey?: string,
    scopes: Scope[] = [],
  ): Promise<CreatedKey> {
    const prefix = presetKey ? KEY_PATTERN.exec(presetKey)![1] : randomBytes(8).toString('hex');
    const key = presetKey ?? `cbmp_${prefix}_${randomBytes(24).toString('base64url')}`;
    const repo = manager.getRepository(ApiKey);
    const saved = await repo.save(
      repo.create({
        organizationId: organization.id,
        keyPrefix: prefix,
        keyHash: hashKey(key),
        roles: [...new Set(roles)],
        scopes: [...new Set(scopes)],
        label,
        revokedByKeyId: null,
        revokedAt: null,
        expiresAt: expiresAt ? new Date(expiresAt) : null,
      }),
    );
    return {
      id: saved.id,
      key,
      organization: { id: organization.id, name: organization.name, country: organization.country },
      roles: saved.roles,
      scopes: saved.scopes,
      expiresAt: saved.expiresAt ? saved.expiresAt.toISOString() : null,
    };
  }

  private async findOrCreateOrganization(manager: EntityManager, name: string, country: 'MX' | 'GT'): Promise<Organization> {
    const repo = manager.getRepository(Organization);
    await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`organization:${name}`]);
    const existing = await repo.findOne({ where: { name } });
    if (existing) {
      if (existing.country !== country) {
        throw new ConflictError(`Organization already exists with country ${existing.country}`, [
          { field: 'country', reason: `does not match the existing organization's country (${existing.country})` },
        ]);
      }
      return existing;
    }
    return repo.save(repo.create({ name, country }));
  }
}
