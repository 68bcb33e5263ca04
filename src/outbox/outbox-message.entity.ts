import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export const OUTBOX_KINDS = ['forensic_request', 'webhook'] as const;
export type OutboxKind = (typeof OUTBOX_KINDS)[number];
export const OUTBOX_STATUSES = ['pending', 'delivered', 'failed'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

/**
 * One outgoing HTTP message, written in the transaction of the change it reports (transactional outbox) and
 * delivered by the worker. Its id is the Idempotency-Key, the same at every attempt.
 */
@Entity({ name: 'outbox_messages' })
export class OutboxMessage {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  kind: OutboxKind;

  /** `forensic.request` or a partner event (`alert.raised`, `alert.decided`, `record.located`). */
  @Column({ type: 'text' })
  event: string;

  /** The identification system's id, or `webhook`. */
  @Column({ type: 'text' })
  target: string;

  @Column({ name: 'subscription_id', type: 'uuid', nullable: true })
  subscriptionId: string | null;

  @Column({ name: 'alert_id', type: 'uuid', nullable: true })
  alertId: string | null;

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- jsonb
  @Column({ type: 'jsonb' })
  payload: Record<string, any>;

  @Column({ type: 'text' })
  status: OutboxStatus;

  @Column({ type: 'integer' })
  attempts: number;

  @Column({ name: 'next_attempt_at', type: 'timestamptz', precision: 3 })
  nextAttemptAt: Date;

  @Column({ name: 'locked_until', type: 'timestamptz', precision: 3, nullable: true })
  lockedUntil: Date | null;

  @Column({ name: 'last_attempt_at', type: 'timestamptz', precision: 3, nullable: true })
  lastAttemptAt: Date | null;

  /** What went wrong at the last attempt (status code or network error code; never a response body). */
  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError: string | null;

  @Column({ name: 'last_status_code', type: 'integer', nullable: true })
  lastStatusCode: number | null;

  @Column({ name: 'delivered_at', type: 'timestamptz', precision: 3, nullable: true })
  deliveredAt: Date | null;

  @Column({ name: 'created_by_key_id', type: 'uuid', nullable: true })
  createdByKeyId: string | null;

  @Column({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}

export function deliveryView(m: OutboxMessage) {
  return {
    id: m.id,
    kind: m.kind,
    event: m.event,
    target: m.target,
    subscriptionId: m.subscriptionId,
    alertId: m.alertId,
    status: m.status,
    attempts: m.attempts,
    nextAttemptAt: m.status === 'pending' ? m.nextAttemptAt.toISOString() : null,
    lastAttemptAt: m.lastAttemptAt?.toISOString() ?? null,
    lastError: m.lastError,
    lastStatusCode: m.lastStatusCode,
    deliveredAt: m.deliveredAt?.toISOString() ?? null,
    createdAt: m.createdAt.toISOString(),
  };
}
