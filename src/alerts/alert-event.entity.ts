import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** Append-only history of an alert: raised, rescored, withdrawn, reopened, decided. */
@Entity({ name: 'alert_events' })
export class AlertEvent {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id: string;

  @Column({ name: 'alert_id', type: 'uuid' })
  alertId: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  at: Date;

  /** raised, rescored, withdrawn, reopened, restored */
  @Column({ type: 'text' })
  event: string;

  @Column({ name: 'run_id', type: 'uuid', nullable: true })
  runId: string | null;

  @Column({ name: 'actor_key_id', type: 'uuid', nullable: true })
  actorKeyId: string | null;

  @Column({ name: 'from_status', type: 'text', nullable: true })
  fromStatus: string | null;

  @Column({ name: 'to_status', type: 'text', nullable: true })
  toStatus: string | null;

  @Column({ name: 'match_weight', type: 'double precision', nullable: true })
  matchWeight: number | null;

  @Column({ name: 'evidence_version', type: 'integer', nullable: true })
  evidenceVersion: number | null;

  @Column({ type: 'text', nullable: true })
  reason: string | null;

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- jsonb; TypeORM cannot type unknown values
  @Column({ type: 'jsonb', nullable: true })
  details: Record<string, any> | null;
}
