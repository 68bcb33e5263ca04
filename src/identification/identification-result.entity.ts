import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export const RESULTS = ['identified', 'excluded', 'inconclusive'] as const;
export type IdentificationResultKind = (typeof RESULTS)[number];
export const METHODS = ['DNA', 'fingerprint', 'dental', 'other'] as const;
export type IdentificationMethod = (typeof METHODS)[number];
/**
 * What a result did: `confirmed` (the pair was confirmed, its report located), `already_confirmed`, `rejected`
 * (the pair is excluded for good), `already_rejected`, `conflict` (it contradicts a confirmation in force: an
 * administrator must look; nothing was changed), `recorded` (inconclusive, or no pair known: stored and linked).
 */
export const OUTCOMES = ['confirmed', 'already_confirmed', 'rejected', 'already_rejected', 'conflict', 'recorded'] as const;
export type IdentificationOutcome = (typeof OUTCOMES)[number];

/** A result from the human identification system, as received (append-only). */
@Entity({ name: 'identification_results' })
export class IdentificationResult {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** The identification system that signed it. */
  @Column({ type: 'text' })
  system: string;

  @Column({ name: 'request_id', type: 'uuid', nullable: true })
  requestId: string | null;

  @Column({ name: 'identification_case_id', type: 'text' })
  identificationCaseId: string;

  @Column({ name: 'missing_report_id', type: 'uuid', nullable: true })
  missingReportId: string | null;

  @Column({ name: 'suspected_victim_id', type: 'uuid', nullable: true })
  suspectedVictimId: string | null;

  @Column({ name: 'alert_id', type: 'uuid', nullable: true })
  alertId: string | null;

  @Column({ type: 'text' })
  result: IdentificationResultKind;

  @Column({ type: 'text' })
  method: IdentificationMethod;

  @Column({ name: 'result_date', type: 'date' })
  resultDate: string;

  @Column({ type: 'text', nullable: true })
  details: string | null;

  @Column({ type: 'text' })
  outcome: IdentificationOutcome;

  @Column({ name: 'received_at', type: 'timestamptz', precision: 3, default: () => 'now()' })
  receivedAt: Date;
}
