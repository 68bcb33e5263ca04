import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

import { IsBoolean, IsDefined, IsIn, IsInt, IsOptional, IsString, Length, Min } from 'class-validator';
import { DECISIONS, type Decision } from '../alert.entity.js';

export class ClaimAlertDto {
  @ApiPropertyOptional({ description: 'true to take over a claim another reviewer holds (recorded in the history)' })
  @IsOptional()
  @IsBoolean({ message: 'must be true or false' })
  takeover?: boolean;

  @ApiPropertyOptional({ description: 'Why the claim is taken over', maxLength: 2000 })
  @IsOptional()
  @IsString({ message: 'must be a string' })
  @Length(1, 2000, { message: 'must be 1 to 2000 characters' })
  reason?: string;
}

export class DecideAlertDto {
  @ApiProperty({ enum: DECISIONS })
  @IsDefined({ message: 'is required' })
  @IsIn(DECISIONS, { message: `must be one of: ${DECISIONS.join(', ')}` })
  decision: Decision;

  @ApiProperty({ description: 'Why: required for every decision', maxLength: 2000 })
  @IsDefined({ message: 'is required' })
  @IsString({ message: 'must be a string' })
  @Length(1, 2000, { message: 'must be 1 to 2000 characters' })
  reason: string;

  @ApiPropertyOptional({ maxLength: 5000 })
  @IsOptional()
  @IsString({ message: 'must be a string' })
  @Length(1, 5000, { message: 'must be 1 to 5000 characters' })
  note?: string;

  @ApiProperty({ description: 'The evidenceVersion of the alert as the reviewer read it; 409 when it has changed since' })
  @IsDefined({ message: 'is required' })
  @IsInt({ message: 'must be a whole number' })
  @Min(1, { message: 'must be at least 1' })
  evidenceVersion: number;
}

export class ReverseDecisionDto {
  @ApiProperty({ description: 'Why the confirmation is reversed', maxLength: 2000 })
  @IsDefined({ message: 'is required' })
  @IsString({ message: 'must be a string' })
  @Length(1, 2000, { message: 'must be 1 to 2000 characters' })
  reason: string;
}

export class AddNoteDto {
  @ApiProperty({ maxLength: 5000 })
  @IsDefined({ message: 'is required' })
  @IsString({ message: 'must be a string' })
  @Length(1, 5000, { message: 'must be 1 to 5000 characters' })
  body: string;
}

export class ForensicRequestDto {
  @ApiProperty({ description: 'Why a forensic comparison is asked for (sent to the identification system)', maxLength: 2000 })
  @IsDefined({ message: 'is required' })
  @IsString({ message: 'must be a string' })
  @Length(1, 2000, { message: 'must be 1 to 2000 characters' })
  reason: string;
}
