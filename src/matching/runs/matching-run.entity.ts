import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type RunMode = 'incremental' | 'full';
export type RunStatus = 'running' | 'succeeded' | 'failed' | 'abandoned';
export type RunTrigger = 'schedule' | 'api' | 'demo';

/** One matching run: what it considered, what it produced, how long each phase took. */
@Entity({ name: 'matching_runs' })
export class MatchingRun {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  mode: RunMode;

  @Column({ type: 'text' })
  trigger: RunTrigger;

  /** For scheduled runs: the schedule tick it belongs to; unique, so instances firing together run it once. */
  @Column({ name: 'schedule_slot', type: 'timestamptz', nullable: true })
  scheduleSlot: Date | null;

  @Column({ name: 'model_version', type: 'text' })
  modelVersion: string;

  @Column({ type: 'text' })
  status: RunStatus;

  @Column({ name: 'requested_by_key_id', type: 'uuid', nullable: true })
  requestedByKeyId: string | null;

  @Column({ name: 'started_at', type: 'timestamptz' })
  startedAt: Date;

  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true })
  finishedAt: Date | null;

  @Column({ name: 'heartbeat_at', type: 'timestamptz' })
  heartbeatAt: Date;

  /** loading, blocking_and_scoring, writing_alerts, done */
  @Column({ type: 'text', nullable: true })
  phase: string | null;

  /** Records changed after this instant were considered (null: all records). */
  @Column({ name: 'watermark_from', type: 'timestamptz', nullable: true })
  watermarkFrom: Date | null;

  /** The next incremental run starts here, once this run has succeeded. */
  @Column({ name: 'watermark_to', type: 'timestamptz', nullable: true })
  watermarkTo: Date | null;

  @Column({ name: 'records_considered', type: 'integer' })
  recordsConsidered: number;

  @Column({ name: 'reports_considered', type: 'integer' })
  reportsConsidered: number;

  @Column({ name: 'victims_considered', type: 'integer' })
  victimsConsidered: number;

  @Column({ name: 'pairs_by_rule', type: 'jsonb' })
  pairsByRule: Record<string, number>;

  @Column({ name: 'pairs_compared', type: 'integer' })
  pairsCompared: number;

  @Column({ name: 'alerts_created', type: 'integer' })
  alertsCreated: number;

  @Column({ name: 'alerts_updated', type: 'integer' })
  alertsUpdated: number;

  @Column({ name: 'alerts_withdrawn', type: 'integer' })
  alertsWithdrawn: number;

  @Column({ name: 'alerts_reopened', type: 'integer' })
  alertsReopened: number;

  @Column({ name: 'timings_ms', type: 'jsonb' })
  timingsMs: Record<string, number>;

  @Column({ type: 'text', nullable: true })
  error: string | null;
}
