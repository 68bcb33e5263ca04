import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { Actor } from '../auth/actor.js';
import { ConflictError, NotFoundError, ValidationFailedError } from '../common/errors.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { deliveryView, OUTBOX_KINDS, OUTBOX_STATUSES, OutboxMessage } from './outbox-message.entity.js';
import { backoffSeconds, signatureHeaders } from './signing.js';

/** How long a claimed message stays reserved for the instance delivering it (longer than any attempt). */
const LEASE_SECONDS = 120;

export interface DeliveryCounts {
  delivered: number;
  retrying: number;
  failed: number;
}

interface Claimed {
  id: string;
  kind: OutboxMessage['kind'];
  event: string;
  target: string;
  payload: Record<string, unknown>;
  attempts: number;
  url: string | null;
  secret: string | null;
}

/**
 * Delivers the transactional outbox. Due messages are claimed with `FOR UPDATE SKIP LOCKED` and leased to the
 * claiming instance, so several instances never send the same message at once; each is POSTed, signed, with its
 * id as the Idempotency-Key (the same at every attempt), and retried with exponential backoff until
 * DELIVERY_MAX_ATTEMPTS, then marked failed. A crash after sending but before recording the answer means one more
 * attempt after the lease: receivers deduplicate by the Idempotency-Key.
 */
@Injectable()
export class OutboxService {
  private readonly logger = new Logger(OutboxService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Delivers the messages due at `now` (tests pass a later time instead of waiting for the backoff), in batches,
   * until none is left. Answers the counts.
   */
  async deliverDue(options: { now?: Date; batch?: number } = {}): Promise<DeliveryCounts> {
    const counts: DeliveryCounts = { delivered: 0, retrying: 0, failed: 0 };
    const now = options.now ?? new Date();
    const batch = options.batch ?? 20;
    // Each message is attempted at most once per call, even when `now` lies beyond its next retry.
    const attempted: string[] = [];
    for (;;) {
      const claimed = await this.claim(now, batch, attempted);
      if (claimed.length === 0) return counts;
      attempted.push(...claimed.map((m) => m.id));
      const results = await Promise.all(claimed.map((m) => this.attempt(m)));
      for (const r of results) counts[r]++;
      if (claimed.length < batch) return counts;
    }
  }

  private async claim(now: Date, batch: number, exclude: string[]): Promise<Claimed[]> {
    return this.dataSource.query(
      `WITH due AS (
         SELECT id FROM outbox_messages
         WHERE status = 'pending' AND next_attempt_at <= $1 AND (locked_until IS NULL OR locked_until <= now()) AND NOT (id = ANY($4::uuid[]))
         ORDER BY next_attempt_at, created_at
         LIMIT $2
         FOR UPDATE SKIP LOCKED
       )
       UPDATE outbox_messages o SET locked_until = now() + make_interval(secs => $3), attempts = o.attempts + 1,
              last_attempt_at = now(), updated_at = now()
       FROM due
       WHERE o.id = due.id
       RETURNING o.id, o.kind, o.event, o.target, o.payload, o.attempts,
         (SELECT w.url FROM webhook_subscriptions w WHERE w.id = o.subscription_id AND w.active) AS url,
         (SELECT w.secret FROM webhook_subscriptions w WHERE w.id = o.subscription_id AND w.active) AS secret`,
      [now, batch, LEASE_SECONDS, exclude],
    ).then((rows: [Claimed[], number] | Claimed[]) => (Array.isArray(rows[0]) ? (rows[0] as Claimed[]) : (rows as Claimed[])));
  }

  private async attempt(message: Claimed): Promise<keyof DeliveryCounts> {
    let url = message.url;
    let secret = message.secret;
    if (message.kind === 'forensic_request') {
      const system = this.config.IDENTIFICATION_SYSTEMS.find((s) => s.id === message.target);
      url = system?.url ?? null;
      secret = system?.secret ?? null;
    }
    if (!url || !secret) {
      return this.record(message, false, null, message.kind === 'webhook' ? 'the subscription was deactivated' : `no identification system "${message.target}" is configured`, true);
    }
    const body = JSON.stringify(message.payload);
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          'Idempotency-Key': message.id,
          'X-CBMP-Event': message.event,
          'User-Agent': 'cbmp-outbox/1',
          ...signatureHeaders(secret, body),
        },
        body,
        redirect: 'manual',
        signal: AbortSignal.timeout(this.config.DELIVERY_TIMEOUT_MS),
      });
      await response.arrayBuffer().catch(() => undefined);
      if (response.status >= 200 && response.status < 300) return this.record(message, true, response.status, null, false);
      return this.record(message, false, response.status, `HTTP ${response.status}`, false);
    } catch (err) {
      const cause = (err as { cause?: { code?: string } }).cause;
      const name = (err as Error).name === 'TimeoutError' ? 'timeout' : (cause?.code ?? (err as Error).name ?? 'error');
      return this.record(message, false, null, `network: ${name}`, false);
    }
  }

  private async record(message: Claimed, ok: boolean, statusCode: number | null, error: string | null, final: boolean): Promise<keyof DeliveryCounts> {
    if (ok) {
      await this.dataSource.query(
        `UPDATE outbox_messages SET status = 'delivered', delivered_at = now(), locked_until = NULL, last_status_code = $2, last_error = NULL, updated_at = now() WHERE id = $1`,
        [message.id, statusCode],
      );
      this.logger.log({ messageId: message.id, kind: message.kind, event: message.event, attempts: message.attempts, statusCode }, 'outbox message delivered');
      return 'delivered';
    }
    const failed = final || message.attempts >= this.config.DELIVERY_MAX_ATTEMPTS;
    const delay = backoffSeconds(message.attempts, this.config.DELIVERY_BACKOFF_SECONDS, this.config.DELIVERY_BACKOFF_CAP_SECONDS);
    await this.dataSource.query(
      `UPDATE outbox_messages SET status = $2, locked_until = NULL, last_status_code = $3, last_error = $4,
              next_attempt_at = now() + make_interval(secs => $5), updated_at = now()
       WHERE id = $1`,
      [message.id, failed ? 'failed' : 'pending', statusCode, error, delay],
    );
    this.logger.warn({ messageId: message.id, kind: message.kind, event: message.event, attempts: message.attempts, error, failed }, 'outbox delivery failed');
    return failed ? 'failed' : 'retrying';
  }

  /** An admin puts a failed message back in the queue, due now, with its attempts counted from zero. */
  async retry(id: string, actor: Actor) {
    return this.dataSource.transaction(async (manager) => {
      const message = await manager.getRepository(OutboxMessage).createQueryBuilder('m').setLock('pessimistic_write').where('m.id = :id', { id }).getOne();
      if (!message) throw new NotFoundError(`No delivery with id ${id}`);
      if (message.status !== 'failed') throw new ConflictError(`Only a failed delivery can be retried; this one is ${message.status}`, undefined, { current: deliveryView(message) });
      await manager.query(
        `UPDATE outbox_messages SET status = 'pending', attempts = 0, next_attempt_at = now(), locked_until = NULL, updated_at = now() WHERE id = $1`,
        [id],
      );
      await this.audit.record({ action: 'delivery.retried', entityType: 'outbox_message', entityId: id, details: { kind: message.kind, previousAttempts: message.attempts } }, actor, manager);
      return deliveryView((await manager.getRepository(OutboxMessage).findOneBy({ id }))!);
    });
  }

  /** Deliveries newest first (admins), filtered by status and kind; no payloads (they hold personal data). */
  async list(query: { status?: string; kind?: string; alertId?: string; limit?: number }, actor: Actor) {
    if (query.status && !(OUTBOX_STATUSES as readonly string[]).includes(query.status)) {
      throw new ValidationFailedError([{ field: 'status', reason: `must be one of: ${OUTBOX_STATUSES.join(', ')}` }]);
    }
    if (query.kind && !(OUTBOX_KINDS as readonly string[]).includes(query.kind)) {
      throw new ValidationFailedError([{ field: 'kind', reason: `must be one of: ${OUTBOX_KINDS.join(', ')}` }]);
    }
    const qb = this.dataSource.getRepository(OutboxMessage).createQueryBuilder('m').orderBy('m.created_at', 'DESC').addOrderBy('m.id', 'DESC').limit(query.limit ?? 100);
    if (query.status) qb.andWhere('m.status = :status', { status: query.status });
    if (query.kind) qb.andWhere('m.kind = :kind', { kind: query.kind });
    if (query.alertId) qb.andWhere('m.alert_id = :alertId', { alertId: query.alertId });
    const rows = await qb.getMany();
    await this.audit.record({ action: 'delivery.list', entityType: 'outbox_message', details: { ids: rows.map((r) => r.id) } }, actor);
    return { items: rows.map(deliveryView) };
  }
}
