import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsISO8601, IsNumber, IsOptional, IsString, Max, Min } from 'class-validator';
import { ALERT_STATUSES, type AlertStatus, DECISIONS, type Decision } from '../alert.entity.js';

/** 'true' / 'false' in a query string; anything else stays as is and fails @IsBoolean with the field named. */
const toBoolean = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

export const ALERT_SORTS = ['-priority', '-weight', 'createdAt'] as const;
export type AlertSort = (typeof ALERT_SORTS)[number];

export class ListAlertsQueryDto {
  @ApiPropertyOptional({ enum: ALERT_STATUSES })
  @IsOptional()
  @IsIn(ALERT_STATUSES, { message: `must be one of: ${ALERT_STATUSES.join(', ')}` })
  status?: AlertStatus;

  @ApiPropertyOptional({ enum: ['MX', 'GT'], description: 'Alerts where either record belongs to this country' })
  @IsOptional()
  @IsIn(['MX', 'GT'], { message: 'must be one of: MX, GT' })
  country?: 'MX' | 'GT';

  @ApiPropertyOptional({ enum: ['me'], description: 'Only alerts the caller holds a live claim on' })
  @IsOptional()
  @IsIn(['me'], { message: 'must be: me' })
  assignedTo?: 'me';

  @ApiPropertyOptional({ type: Boolean, description: 'Only cross-border alerts (true) or only same-country ones (false)' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean({ message: 'must be true or false' })
  crossBorder?: boolean;

  @ApiPropertyOptional({ type: Boolean, description: 'Only alerts where either person was possibly a minor (true), or none (false)' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean({ message: 'must be true or false' })
  minor?: boolean;

  @ApiPropertyOptional({ enum: DECISIONS, description: 'Alerts whose decision in force is this one' })
  @IsOptional()
  @IsIn(DECISIONS, { message: `must be one of: ${DECISIONS.join(', ')}` })
  decision?: Decision;

  @ApiPropertyOptional({ minimum: 0, maximum: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'must be a number' })
  @Min(0, { message: 'must be between 0 and 1' })
  @Max(1, { message: 'must be between 0 and 1' })
  minProbability?: number;

  @ApiPropertyOptional({ description: 'Alerts raised at or after this ISO 8601 timestamp' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'must be an ISO 8601 date or timestamp' })
  createdSince?: string;

  @ApiPropertyOptional({ enum: ALERT_SORTS, default: '-priority' })
  @IsOptional()
  @IsIn(ALERT_SORTS, { message: `must be one of: ${ALERT_SORTS.join(', ')}` })
  sort?: AlertSort;

  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'must be a whole number' })
  @Min(1, { message: 'must be between 1 and 500' })
  @Max(500, { message: 'must be between 1 and 500' })
  limit?: number;

  @ApiPropertyOptional({ description: 'nextCursor from the previous page' })
  @IsOptional()
  @IsString()
  cursor?: string;
}
