import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export const ALERT_STATUSES = ['pending', 'in_review', 'confirmed', 'rejected', 'needs_info', 'withdrawn', 'superseded'] as const;
/** Statuses a reviewer can still claim and decide. */
export const OPEN_STATUSES = ['pending', 'in_review', 'needs_info'] as const satisfies readonly AlertStatus[];
export const DECISIONS = ['confirmed', 'rejected', 'needs_info'] as const;
export type Decision = (typeof DECISIONS)[number];
export type AlertStatus = (typeof ALERT_STATUSES)[number];

/** A candidate match between a missing-person report and a suspected-victim record, for human review. */
@Entity({ name: 'alerts' })
export class Alert {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'missing_report_id', type: 'uuid' })
  missingReportId: string;

  @Column({ name: 'suspected_victim_id', type: 'uuid' })
  suspectedVictimId: string;

  @Column({ name: 'report_country', type: 'char', length: 2 })
  reportCountry: string;

  @Column({ name: 'victim_country', type: 'char', length: 2 })
  victimCountry: string;

  @Column({ name: 'cross_border', type: 'boolean' })
  crossBorder: boolean;

  /** Either person was under 18 at the event. */
  @Column({ type: 'boolean' })
  minor: boolean;

  @Column({ name: 'match_weight', type: 'double precision' })
  matchWeight: number;

  @Column({ type: 'double precision' })
  probability: number;

  @Column({ type: 'double precision' })
  priority: number;

  /** The scored comparisons, as the engine explained them (labels, weights, values compared). */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- jsonb; TypeORM cannot type unknown values
  @Column({ type: 'jsonb' })
  evidence: Record<string, any>;

  /** Grows whenever the evidence changes: a reviewer's decision names the version read. */
  @Column({ name: 'evidence_version', type: 'integer' })
  evidenceVersion: number;

  @Column({ name: 'report_version', type: 'integer' })
  reportVersion: number;

  @Column({ name: 'victim_version', type: 'integer' })
  victimVersion: number;

  @Column({ name: 'model_version', type: 'text' })
  modelVersion: string;

  @Column({ type: 'text' })
  status: AlertStatus;

  @Column({ name: 'status_reason', type: 'text', nullable: true })
  statusReason: string | null;

  @Column({ name: 'review_round', type: 'integer' })
  reviewRound: number;

  /** The weight when a reviewer rejected the pair; it returns only when a change raises it by the model's margin. */
  @Column({ name: 'rejected_weight', type: 'double precision', nullable: true })
  rejectedWeight: number | null;

  /** The key holding the review claim; the claim lapses at claimExpiresAt. */
  @Column({ name: 'claimed_by_key_id', type: 'uuid', nullable: true })
  claimedByKeyId: string | null;

  @Column({ name: 'claimed_at', type: 'timestamptz', precision: 3, nullable: true })
  claimedAt: Date | null;

  @Column({ name: 'claim_expires_at', type: 'timestamptz', precision: 3, nullable: true })
  claimExpiresAt: Date | null;

  /** The latest reviewer decision in force (null when none, or after an admin reversed it). */
  @Column({ name: 'last_decision', type: 'text', nullable: true })
  lastDecision: Decision | null;

  /** The confirmed alert that closed this one as superseded. */
  @Column({ name: 'superseded_by_alert_id', type: 'uuid', nullable: true })
  supersededByAlertId: string | null;

  /** What the human identification system established about the pair: identified (confirmed) or excluded (rejected for good). */
  @Column({ name: 'forensic_result', type: 'text', nullable: true })
  forensicResult: 'identified' | 'excluded' | null;

  @Column({ name: 'last_run_id', type: 'uuid', nullable: true })
  lastRunId: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}
