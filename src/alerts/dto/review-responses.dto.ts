import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ALERT_STATUSES, DECISIONS } from '../alert.entity.js';

export class ClaimDto {
  @ApiProperty({ description: 'The principal holding the claim: an API key, or a person\'s account (its keyId)' }) keyId: string;
  @ApiProperty({ nullable: true, type: String, description: 'The holder\'s name: the person\'s display name, or the key\'s label' }) name: string | null;
  @ApiProperty() claimedAt: string;
  @ApiProperty() expiresAt: string;
}

/** The state a reviewer needs: every review answer, and details.current of every review 409. */
export class AlertStateDto {
  @ApiProperty() id: string;
  @ApiProperty({ enum: ALERT_STATUSES }) status: string;
  @ApiProperty({ nullable: true, type: String }) statusReason: string | null;
  @ApiProperty() evidenceVersion: number;
  @ApiProperty() reviewRound: number;
  @ApiProperty({ enum: DECISIONS, nullable: true }) lastDecision: string | null;
  @ApiProperty({ type: ClaimDto, nullable: true, description: 'The live claim, or null when none or lapsed' }) claim: ClaimDto | null;
  @ApiProperty() updatedAt: string;
}

export class DecisionDto {
  @ApiProperty() id: string;
  @ApiProperty({ enum: [...DECISIONS, 'reversed'] }) decision: string;
  @ApiProperty() reason: string;
  @ApiProperty({ nullable: true, type: String }) note: string | null;
  @ApiProperty() reviewRound: number;
  @ApiProperty({ description: 'The evidence version the decision was made on' }) evidenceVersion: number;
  @ApiProperty({ nullable: true, type: String, description: 'null for a forensic decision' }) decidedByKeyId: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Who decided: the person\'s display name (or the key\'s label); null for a forensic decision' }) decidedByName: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'null for a forensic decision' }) organizationId: string | null;
  @ApiProperty() decidedAt: string;
  @ApiProperty({ nullable: true, type: String, description: 'For a reversal: the decision it reverses' }) reversesDecisionId: string | null;
  @ApiProperty({ enum: ['reviewer', 'forensic'], description: 'forensic: a result of the human identification system' }) source: string;
  @ApiProperty({ nullable: true, type: String, description: 'For a forensic decision: the identification result' }) identificationResultId: string | null;
}

export class DecisionResultDto {
  @ApiProperty({ type: AlertStateDto }) alert: AlertStateDto;
  @ApiProperty({ type: DecisionDto }) decision: DecisionDto;
  @ApiProperty({ type: String, isArray: true, description: 'Alerts closed as superseded by a confirmation' }) superseded: string[];
  @ApiProperty({ type: String, isArray: true, description: 'Forensic comparison requests written by a confirmation (their requestIds)' }) forensicRequests: string[];
}

export class ReversalResultDto {
  @ApiProperty({ type: AlertStateDto }) alert: AlertStateDto;
  @ApiProperty({ type: DecisionDto }) decision: DecisionDto;
  @ApiProperty({ type: String, isArray: true, description: 'Superseded alerts returned to pending' }) restored: string[];
}

export class NoteDto {
  @ApiProperty() id: string;
  @ApiProperty() body: string;
  @ApiProperty() authorKeyId: string;
  @ApiProperty({ nullable: true, type: String, description: 'The author\'s name (account display name, or key label)' }) authorName: string | null;
  @ApiProperty() organizationId: string;
  @ApiProperty() createdAt: string;
}

export class NotesDto {
  @ApiProperty({ type: NoteDto, isArray: true }) items: NoteDto[];
}

export class AlertSummaryDto {
  @ApiProperty() total: number;
  @ApiProperty({ description: 'Count per status (every status present, 0 when none)', example: { pending: 12, in_review: 3, confirmed: 1, rejected: 4, needs_info: 0, withdrawn: 2, superseded: 1 } })
  byStatus: Record<string, number>;
  @ApiProperty({ description: 'Open (pending, in_review, needs_info) cross-border alerts' }) crossBorderOpen: number;
  @ApiProperty({ description: 'Open alerts where either person was possibly a minor' }) minorOpen: number;
  @ApiPropertyOptional({ description: 'Alerts the caller holds a live claim on' }) assignedToMe: number;
}

export class ForensicRequestStateDto {
  @ApiProperty({ description: 'The requestId sent to the identification system, also the Idempotency-Key of every attempt' }) requestId: string;
  @ApiProperty({ description: 'Identification system id (IDENTIFICATION_SYSTEMS)' }) system: string;
  @ApiProperty({ enum: ['confirmation', 'explicit'] }) trigger: string;
  @ApiProperty({ enum: ['pending', 'delivered', 'failed'] }) status: string;
  @ApiProperty() attempts: number;
  @ApiProperty({ nullable: true, type: String }) nextAttemptAt: string | null;
  @ApiProperty({ nullable: true, type: String }) lastAttemptAt: string | null;
  @ApiProperty({ nullable: true, type: String, example: 'HTTP 503' }) lastError: string | null;
  @ApiProperty({ nullable: true, type: Number }) lastStatusCode: number | null;
  @ApiProperty({ nullable: true, type: String }) deliveredAt: string | null;
  @ApiProperty() createdAt: string;
}

export class ForensicRequestsDto {
  @ApiProperty({ type: [ForensicRequestStateDto] }) items: ForensicRequestStateDto[];
}
