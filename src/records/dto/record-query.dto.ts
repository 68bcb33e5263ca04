import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsOptional, IsString, Length, Max, Min } from 'class-validator';

export class ListRecordsQueryDto {
  @ApiPropertyOptional({ enum: ['MX', 'GT'], description: 'Registering jurisdiction' })
  @IsOptional()
  @IsIn(['MX', 'GT'], { message: 'must be one of: MX, GT' })
  country?: 'MX' | 'GT';

  @ApiPropertyOptional({ description: 'Only records changed at or after this ISO 8601 timestamp' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'must be an ISO 8601 date or timestamp' })
  updatedSince?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'must be a whole number' })
  @Min(1, { message: 'must be between 1 and 200' })
  @Max(200, { message: 'must be between 1 and 200' })
  limit?: number;

  @ApiPropertyOptional({ description: 'nextCursor from the previous page' })
  @IsOptional()
  @IsString()
  cursor?: string;
}

export class SearchRecordsQueryDto {
  @ApiProperty({ description: 'Part of a name or alias, misspellings tolerated (accents and case ignored); 2 to 100 characters' })
  @IsString()
  @Length(2, 100, { message: 'must be 2 to 100 characters' })
  q: string;

  @ApiPropertyOptional({ enum: ['missing_report', 'suspected_victim'], description: 'Only one side' })
  @IsOptional()
  @IsIn(['missing_report', 'suspected_victim'], { message: 'must be one of: missing_report, suspected_victim' })
  kind?: 'missing_report' | 'suspected_victim';

  @ApiPropertyOptional({ enum: ['MX', 'GT'] })
  @IsOptional()
  @IsIn(['MX', 'GT'], { message: 'must be one of: MX, GT' })
  country?: 'MX' | 'GT';

  @ApiPropertyOptional({ minimum: 1, maximum: 50, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'must be a whole number' })
  @Min(1, { message: 'must be between 1 and 50' })
  @Max(50, { message: 'must be between 1 and 50' })
  limit?: number;
}
