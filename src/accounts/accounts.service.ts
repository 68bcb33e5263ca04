import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import bcrypt from 'bcryptjs';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService, type AuditActor } from '../audit/audit.service.js';
import type { Actor } from '../auth/actor.js';
import type { Role, Scope } from '../auth/api-key.entity.js';
import { actorOf, ApiKeysService } from '../auth/api-keys.service.js';
import { ConflictError, LockedError, NotFoundError, UnauthenticatedError, ValidationFailedError } from '../common/errors.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { Account } from './account.entity.js';
import { Session } from './session.entity.js';

/** Failed sign-ins within LOCKOUT_WINDOW_MINUTES that lock the account, and for how long. */
export const LOCKOUT_FAILURES = 5;
export const LOCKOUT_WINDOW_MINUTES = 15;
export const LOCKOUT_MINUTES = 15;
/** Touching last_seen_at at most this often keeps sessions from writing on every request. */
const TOUCH_EVERY_MS = 60_000;

export interface AccountView {
  id: string;
  keyId: string;
  email: string;
  displayName: string;
  organization: { id: string; name: string; country: 'MX' | 'GT' };
  roles: Role[];
  scopes: Scope[];
  createdAt: string;
  lastSignInAt: string | null;
  lockedUntil: string | null;
  disabledAt: string | null;
}

export interface SignedIn {
  /** The cookie's value (never stored: only its hash is). */
  token: string;
  csrfToken: string;
  expiresAt: Date;
  account: AccountView;
}

/** A session resolved from its cookie: the actor for the guard, and what GET /session shows. */
export interface ResolvedSession {
  sessionId: string;
  csrfToken: string;
  expiresAt: Date;
  actor: Omit<Actor, 'ip' | 'requestId'>;
  account: AccountView;
}

export function normalizeEmail(email: string): string {
  return email.normalize('NFC').trim().toLowerCase();
}

function sha256(value: string): string {
  return createHash('sha256').update(value, 'utf8').digest('hex');
}

/** The CSRF token belongs to the session: derived from its secret token, so it needs no storage and dies with it. */
export function csrfTokenFor(sessionToken: string): string {
  return createHash('sha256').update(`csrf:${sessionToken}`, 'utf8').digest('base64url');
}

function view(account: Account): AccountView {
  const key = account.key;
  return {
    id: account.id,
    keyId: account.keyId,
    email: account.email,
    displayName: account.displayName,
    organization: { id: key.organization.id, name: key.organization.name, country: key.organization.country },
    roles: key.roles,
    scopes: key.scopes ?? [],
    createdAt: account.createdAt.toISOString(),
    lastSignInAt: account.lastSignInAt?.toISOString() ?? null,
    lockedUntil: account.lockedUntil && account.lockedUntil.getTime() > Date.now() ? account.lockedUntil.toISOString() : null,
    disabledAt: account.disabledAt?.toISOString() ?? null,
  };
}

/** Accounts with their password hash (not selected by default), principal and organization. */
function withPasswordHash(manager: EntityManager) {
  return manager
    .getRepository(Account)
    .createQueryBuilder('a')
    .addSelect('a.passwordHash')
    .innerJoinAndSelect('a.key', 'k')
    .innerJoinAndSelect('k.organization', 'o');
}

/** Ends live sessions: one session, or all of an account's (but one); answers how many ended. */
async function endSessions(
  manager: EntityManager,
  which: { sessionId: string } | { accountId: string; exceptSessionId?: string },
  reason: 'idle' | 'signed_out' | 'password_changed' | 'account_disabled',
): Promise<number> {
  const [rows] = (await ('sessionId' in which
    ? manager.query(`UPDATE sessions SET ended_at = now(), end_reason = $2 WHERE id = $1 AND ended_at IS NULL RETURNING id`, [which.sessionId, reason])
    : manager.query(
        `UPDATE sessions SET ended_at = now(), end_reason = $2 WHERE account_id = $1 AND ended_at IS NULL AND id IS DISTINCT FROM $3::uuid RETURNING id`,
        [which.accountId, reason, which.exceptSessionId ?? null],
      ))) as [{ id: string }[], number];
  return rows.length;
}

const BAD_CREDENTIALS = 'The email or the password is wrong, or the account is disabled';

/** Personal accounts of the console: creation and disabling by admins, sign-in with lockout, server-side sessions. */
@Injectable()
export class AccountsService {
  /** Compared against when the email is unknown, so that a wrong email costs as much time as a wrong password. */
  private dummyHash: string | undefined;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly keys: ApiKeysService,
    private readonly audit: AuditService,
  ) {}

  async create(
    input: { email: string; password: string; displayName: string; organization: string; country: 'MX' | 'GT'; roles: Role[]; scopes?: Scope[] },
    actor: Actor,
  ): Promise<AccountView> {
    const passwordHash = await bcrypt.hash(input.password, this.config.PASSWORD_HASH_ROUNDS);
    return this.dataSource.transaction(async (manager) => {
      const emailNormalized = normalizeEmail(input.email);
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`account:${emailNormalized}`]);
      if (await manager.getRepository(Account).exists({ where: { emailNormalized } })) {
        throw new ConflictError('An account with this email already exists', [{ field: 'email', reason: 'is already used by another account' }]);
      }
      const principal = await this.keys.createPrincipal(manager, input);
      const repo = manager.getRepository(Account);
      const saved = await repo.save(
        repo.create({
          keyId: principal.id,
          email: input.email.trim(),
          emailNormalized,
          displayName: input.displayName.trim(),
          passwordHash,
          failedAttempts: 0,
          firstFailedAt: null,
          lockedUntil: null,
          lastSignInAt: null,
          createdByKeyId: actor.keyId,
          disabledAt: null,
          disabledByKeyId: null,
        }),
      );
      await this.audit.record(
        { action: 'account.created', entityType: 'account', entityId: saved.id, details: { keyId: principal.id, roles: principal.roles, organizationId: principal.organizationId } },
        actor,
        manager,
      );
      return view((await repo.findOne({ where: { id: saved.id } }))!);
    });
  }

  async list(filter: { organizationId?: string }): Promise<AccountView[]> {
    const qb = this.dataSource
      .getRepository(Account)
      .createQueryBuilder('a')
      .innerJoinAndSelect('a.key', 'k')
      .innerJoinAndSelect('k.organization', 'o')
      .orderBy('a.createdAt', 'DESC')
      .addOrderBy('a.id', 'DESC');
    if (filter.organizationId) qb.where('k.organizationId = :organizationId', { organizationId: filter.organizationId });
    return (await qb.getMany()).map(view);
  }

  /** Disables an account and ends its sessions at once. Disabling a disabled account changes nothing. */
  async disable(id: string, actor: Actor): Promise<AccountView> {
    return this.dataSource.transaction(async (manager) => {
      const account = await this.lockAccount(manager, id);
      if (account.keyId === actor.keyId) throw new ConflictError('An administrator cannot disable their own account');
      if (!account.disabledAt) {
        await manager.update(Account, { id }, { disabledAt: () => 'now()', disabledByKeyId: actor.keyId } as never);
        const ended = await endSessions(manager, { accountId: id }, 'account_disabled');
        await this.audit.record({ action: 'account.disabled', entityType: 'account', entityId: id, details: { sessionsEnded: ended } }, actor, manager);
      }
      return view((await manager.getRepository(Account).findOne({ where: { id } }))!);
    });
  }

  /** Enables a disabled account and lifts a lockout. */
  async enable(id: string, actor: Actor): Promise<AccountView> {
    return this.dataSource.transaction(async (manager) => {
      const account = await this.lockAccount(manager, id);
      if (account.disabledAt || (account.lockedUntil && account.lockedUntil.getTime() > Date.now()) || account.failedAttempts > 0) {
        await manager.update(Account, { id }, { disabledAt: null, disabledByKeyId: null, lockedUntil: null, failedAttempts: 0, firstFailedAt: null });
        await this.audit.record({ action: 'account.enabled', entityType: 'account', entityId: id, details: { wasDisabled: account.disabledAt !== null } }, actor, manager);
      }
      return view((await manager.getRepository(Account).findOne({ where: { id } }))!);
    });
  }

  /**
   * Checks the password and opens a session. Failures count on the account: the LOCKOUT_FAILURES-th within
   * LOCKOUT_WINDOW_MINUTES locks it for LOCKOUT_MINUTES (423, also for the right password until then). The answer
   * for an unknown email, a wrong password and a disabled account is the same 401.
   */
  async signIn(email: string, password: string, origin: Pick<AuditActor, 'ip' | 'requestId'>): Promise<SignedIn> {
    const emailNormalized = normalizeEmail(email);
    const outcome = await this.dataSource.transaction(async (manager) => {
      const account = await withPasswordHash(manager)
        .setLock('pessimistic_write', undefined, ['a'])
        .where('a.emailNormalized = :emailNormalized', { emailNormalized })
        .getOne();
      const anonymous: AuditActor = { ...origin, keyId: null, organizationId: null };
      if (!account) {
        await bcrypt.compare(password, await this.dummy());
        await this.audit.record({ action: 'session.sign_in_failed', entityType: 'account', entityId: null, details: { reason: 'unknown_email' } }, anonymous, manager);
        return { kind: 'unauthenticated' as const };
      }
      const who: AuditActor = { ...origin, keyId: account.keyId, organizationId: account.key.organizationId };
      const now = Date.now();
      if (account.lockedUntil && account.lockedUntil.getTime() > now) {
        await this.audit.record({ action: 'session.sign_in_refused', entityType: 'account', entityId: account.id, details: { reason: 'locked' } }, who, manager);
        return { kind: 'locked' as const, lockedUntil: account.lockedUntil };
      }
      const correct = await bcrypt.compare(password, account.passwordHash);
      if (!correct) {
        const windowOpen = account.firstFailedAt !== null && now - account.firstFailedAt.getTime() < LOCKOUT_WINDOW_MINUTES * 60_000;
        const failures = windowOpen ? account.failedAttempts + 1 : 1;
        const locks = failures >= LOCKOUT_FAILURES;
        const lockedUntil = locks ? new Date(now + LOCKOUT_MINUTES * 60_000) : null;
        await manager.update(
          Account,
          { id: account.id },
          locks
            ? { failedAttempts: 0, firstFailedAt: null, lockedUntil }
            : { failedAttempts: failures, firstFailedAt: windowOpen ? account.firstFailedAt : new Date(now) },
        );
        await this.audit.record(
          { action: locks ? 'account.locked' : 'session.sign_in_failed', entityType: 'account', entityId: account.id, details: { reason: 'wrong_password', failures } },
          who,
          manager,
        );
        return locks ? { kind: 'locked' as const, lockedUntil: lockedUntil! } : { kind: 'unauthenticated' as const };
      }
      if (account.disabledAt || account.key.revokedAt) {
        await this.audit.record({ action: 'session.sign_in_refused', entityType: 'account', entityId: account.id, details: { reason: 'disabled' } }, who, manager);
        return { kind: 'unauthenticated' as const };
      }
      await manager.update(Account, { id: account.id }, { failedAttempts: 0, firstFailedAt: null, lockedUntil: null, lastSignInAt: () => 'now()' } as never);
      const token = randomBytes(32).toString('base64url');
      const expiresAt = new Date(now + this.config.SESSION_MAX_HOURS * 3_600_000);
      const session = await manager.getRepository(Session).save(
        manager.getRepository(Session).create({ accountId: account.id, tokenHash: sha256(token), expiresAt, endedAt: null, endReason: null }),
      );
      await this.audit.record({ action: 'session.signed_in', entityType: 'session', entityId: session.id, details: { accountId: account.id } }, who, manager);
      const fresh = (await manager.getRepository(Account).findOne({ where: { id: account.id } }))!;
      return { kind: 'signed_in' as const, signedIn: { token, csrfToken: csrfTokenFor(token), expiresAt, account: view(fresh) } };
    });
    if (outcome.kind === 'signed_in') return outcome.signedIn;
    if (outcome.kind === 'locked') {
      throw new LockedError(
        `The account is locked after ${LOCKOUT_FAILURES} failed sign-ins; try again after ${outcome.lockedUntil.toISOString()} or ask an administrator`,
        undefined,
        { lockedUntil: outcome.lockedUntil.toISOString() },
      );
    }
    throw new UnauthenticatedError(BAD_CREDENTIALS, [{ field: 'password', reason: 'does not match the email, or the account is disabled' }]);
  }

  /** The live session of a cookie token, or null when it is unknown, ended, idle too long, expired or its account disabled. */
  async resolve(token: string): Promise<ResolvedSession | null> {
    if (token.length < 20 || token.length > 100) return null;
    const session = await this.dataSource.getRepository(Session).findOne({ where: { tokenHash: sha256(token) } });
    if (!session || session.endedAt) return null;
    const now = Date.now();
    if (session.expiresAt.getTime() <= now) return null;
    if (now - session.lastSeenAt.getTime() > this.config.SESSION_IDLE_MINUTES * 60_000) {
      await endSessions(this.dataSource.manager, { sessionId: session.id }, 'idle');
      return null;
    }
    const account = await this.dataSource.getRepository(Account).findOne({ where: { id: session.accountId } });
    if (!account || account.disabledAt || account.key.revokedAt) return null;
    if (now - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
      await this.dataSource.getRepository(Session).update({ id: session.id }, { lastSeenAt: () => 'now()' } as never);
    }
    return {
      sessionId: session.id,
      csrfToken: csrfTokenFor(token),
      expiresAt: session.expiresAt,
      account: view(account),
      actor: { ...actorOf(account.key), accountId: account.id, sessionId: session.id },
    };
  }

  /** Ends the caller's session (sign-out). */
  async signOut(actor: Actor): Promise<void> {
    if (!actor.sessionId) return;
    await this.dataSource.transaction(async (manager) => {
      await endSessions(manager, { sessionId: actor.sessionId! }, 'signed_out');
      await this.audit.record({ action: 'session.signed_out', entityType: 'session', entityId: actor.sessionId! }, actor, manager);
    });
  }

  /** Changes the signed-in person's password after checking the current one; their other sessions end. */
  async changePassword(actor: Actor, currentPassword: string, newPassword: string): Promise<void> {
    if (!actor.accountId) throw new ConflictError('Only a signed-in account has a password; API keys do not');
    const account = await withPasswordHash(this.dataSource.manager).where('a.id = :id', { id: actor.accountId }).getOne();
    if (!account || !(await bcrypt.compare(currentPassword, account.passwordHash))) {
      throw new ValidationFailedError([{ field: 'currentPassword', reason: 'is not the current password' }]);
    }
    const passwordHash = await bcrypt.hash(newPassword, this.config.PASSWORD_HASH_ROUNDS);
    await this.dataSource.transaction(async (manager) => {
      await manager.update(Account, { id: account.id }, { passwordHash });
      const ended = await endSessions(manager, { accountId: account.id, exceptSessionId: actor.sessionId }, 'password_changed');
      await this.audit.record({ action: 'account.password_changed', entityType: 'account', entityId: account.id, details: { otherSessionsEnded: ended } }, actor, manager);
    });
  }

  private async lockAccount(manager: EntityManager, id: string): Promise<Account> {
    const account = await manager.getRepository(Account).createQueryBuilder('a').setLock('pessimistic_write').where('a.id = :id', { id }).getOne();
    if (!account) throw new NotFoundError(`No account with id ${id}`);
    return account;
  }

  private async dummy(): Promise<string> {
    this.dummyHash ??= await bcrypt.hash(randomBytes(16).toString('hex'), this.config.PASSWORD_HASH_ROUNDS);
    return this.dummyHash;
  }
}
