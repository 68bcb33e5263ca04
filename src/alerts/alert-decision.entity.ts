import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type DecisionKind = 'confirmed' | 'rejected' | 'needs_info' | 'reversed';

/** Append-only: every reviewer decision and every admin reversal, kept forever. */
@Entity({ name: 'alert_decisions' })
export class AlertDecision {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id: string;

  @Column({ name: 'alert_id', type: 'uuid' })
  alertId: string;

  @Column({ name: 'review_round', type: 'integer' })
  reviewRound: number;

  @Column({ type: 'text' })
  decision: DecisionKind;

  @Column({ type: 'text' })
  reason: string;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  /** The evidence version the reviewer read. */
  @Column({ name: 'evidence_version', type: 'integer' })
  evidenceVersion: number;

  /** The reviewer's key; null for a decision of the forensic side. */
  @Column({ name: 'decided_by_key_id', type: 'uuid', nullable: true })
  decidedByKeyId: string | null;

  @Column({ name: 'organization_id', type: 'uuid', nullable: true })
  organizationId: string | null;

  /** `reviewer` (an investigator or admin) or `forensic` (a result of the human identification system). */
  @Column({ type: 'text', default: 'reviewer' })
  source: 'reviewer' | 'forensic';

  /** For a forensic decision: the identification result it records. */
  @Column({ name: 'identification_result_id', type: 'uuid', nullable: true })
  identificationResultId: string | null;

  @Column({ name: 'decided_at', type: 'timestamptz', precision: 3, default: () => 'now()' })
  decidedAt: Date;

  /** For a reversal: the decision it reverses. */
  @Column({ name: 'reverses_decision_id', type: 'bigint', nullable: true })
  reversesDecisionId: string | null;
}
