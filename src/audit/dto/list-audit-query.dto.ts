import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsISO8601, IsOptional, IsString, IsUUID, Length, Matches, Max, Min } from 'class-validator';

export class ListAuditQueryDto {
  @ApiPropertyOptional({ description: 'Entries of this API key' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a UUID' })
  actorKeyId?: string;

  @ApiPropertyOptional({ description: 'Entries of keys of this organization' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a UUID' })
  organizationId?: string;

  @ApiPropertyOptional({ description: 'An action (record.read) or a prefix ending in a dot (record.)', example: 'alert.decided' })
  @IsOptional()
  @IsString()
  @Matches(/^[a-z_]+(\.[a-z_]*)?$/, { message: 'must look like record.read or record.' })
  action?: string;

  @ApiPropertyOptional({ example: 'missing_report' })
  @IsOptional()
  @IsString()
  @Length(1, 50, { message: 'must be 1 to 50 characters' })
  entityType?: string;

  @ApiPropertyOptional({ description: 'The id of the record, alert, key… the entries are about' })
  @IsOptional()
  @IsString()
  @Length(1, 100, { message: 'must be 1 to 100 characters' })
  entityId?: string;

  @ApiPropertyOptional({ description: 'Entries at or after this ISO 8601 time' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'must be an ISO 8601 date or timestamp' })
  since?: string;

  @ApiPropertyOptional({ description: 'Entries before this ISO 8601 time' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'must be an ISO 8601 date or timestamp' })
  until?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'must be a whole number' })
  @Min(1, { message: 'must be between 1 and 500' })
  @Max(500, { message: 'must be between 1 and 500' })
  limit?: number;

  @ApiPropertyOptional({ description: 'nextCursor from the previous page' })
  @IsOptional()
  @Matches(/^\d{1,19}$/, { message: 'is not a cursor this API returned' })
  cursor?: string;
}
