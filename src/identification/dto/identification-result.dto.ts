import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDefined, IsIn, IsOptional, IsString, IsUUID, Length, Matches } from 'class-validator';
import { METHODS, OUTCOMES, RESULTS } from '../identification-result.entity.js';

/** The body of POST /api/v1/identification/results (docs/identification-interface.md). */
export class IdentificationResultDto {
  @ApiPropertyOptional({ description: 'The requestId of the forensic comparison request this answers, when it answers one' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a UUID' })
  requestId?: string;

  @ApiProperty({ description: 'The case in the human identification system', example: 'SNIH-2026-000451' })
  @IsDefined({ message: 'is required' })
  @IsString({ message: 'must be a string' })
  @Length(1, 200, { message: 'must be 1 to 200 characters' })
  identificationCaseId: string;

  @ApiPropertyOptional({ description: 'The missing-person report (this service\'s id); with suspectedVictimId, names the pair' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a UUID' })
  missingReportId?: string;

  @ApiPropertyOptional({ description: 'The suspected-victim record (this service\'s id)' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a UUID' })
  suspectedVictimId?: string;

  @ApiProperty({ enum: RESULTS })
  @IsDefined({ message: 'is required' })
  @IsIn(RESULTS, { message: `must be one of: ${RESULTS.join(', ')}` })
  result: (typeof RESULTS)[number];

  @ApiProperty({ enum: METHODS })
  @IsDefined({ message: 'is required' })
  @IsIn(METHODS, { message: `must be one of: ${METHODS.join(', ')}` })
  method: (typeof METHODS)[number];

  @ApiProperty({ description: 'When the forensic comparison concluded (YYYY-MM-DD)', example: '2026-11-20' })
  @IsDefined({ message: 'is required' })
  @IsString({ message: 'must be a string' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'must be a date as YYYY-MM-DD' })
  date: string;

  @ApiPropertyOptional({ description: 'Free text from the forensic service (kept, never logged)', maxLength: 5000 })
  @IsOptional()
  @IsString({ message: 'must be a string' })
  @Length(1, 5000, { message: 'must be 1 to 5000 characters' })
  details?: string;
}

export class IdentificationResultAnswerDto {
  @ApiProperty({ description: 'The stored result' }) resultId: string;
  @ApiProperty({ enum: OUTCOMES }) outcome: string;
  @ApiProperty({ nullable: true, type: String, description: 'The alert of the pair (created when the service had never raised it)' }) alertId: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'For a conflict: the confirmed alert the result contradicts' }) conflictingAlertId: string | null;
  @ApiProperty({ type: String, isArray: true, description: 'Alerts closed as superseded by an identification' }) superseded: string[];
  @ApiProperty({ type: String, isArray: true, description: 'Alerts returned to the queue when an exclusion undid a confirmation' }) restored: string[];
}
