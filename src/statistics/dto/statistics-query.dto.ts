import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString } from 'class-validator';
import { DIMENSIONS, MAX_DIMENSIONS, MEASURES } from '../definitions.js';
import { FORMATS, type Format } from '../statistics-presenter.js';

const formatMessage = `must be one of: ${FORMATS.join(', ')}`;

export class StatisticsQueryDto {
  @ApiPropertyOptional({
    enum: MEASURES,
    default: 'people_reported',
    description: 'What is counted (docs/statistics.md defines each measure)',
  })
  @IsOptional()
  @IsString()
  measure?: string;

  @ApiPropertyOptional({
    description: `Comma-separated dimensions, at most ${MAX_DIMENSIONS}: ${DIMENSIONS.join(', ')}. Empty: the total only.`,
    example: 'sex,ageGroup',
  })
  @IsOptional()
  @IsString()
  groupBy?: string;

  @ApiPropertyOptional({ enum: FORMATS, description: 'json (default) or csv; `Accept: text/csv` also selects CSV' })
  @IsOptional()
  @IsIn(FORMATS, { message: formatMessage })
  format?: Format;
}

export class RoutesQueryDto {
  @ApiPropertyOptional({ enum: FORMATS, description: 'json (default) or csv; `Accept: text/csv` also selects CSV' })
  @IsOptional()
  @IsIn(FORMATS, { message: formatMessage })
  format?: Format;
}

export class SeriesQueryDto extends StatisticsQueryDto {
  @ApiPropertyOptional({ description: 'First snapshot month, YYYY-MM (inclusive)', example: '2026-01' })
  @IsOptional()
  @IsString()
  from?: string;

  @ApiPropertyOptional({ description: 'Last snapshot month, YYYY-MM (inclusive)', example: '2026-12' })
  @IsOptional()
  @IsString()
  to?: string;
}

/** A cell: one property per dimension of groupBy (its value, or "total" in margins), then value and suppressed. */
export class StatisticsCellDto {
  @ApiProperty({ nullable: true, type: Number, description: 'The count or median; null when suppressed' }) value:
    number | null;
  @ApiProperty({ description: 'True when the value is withheld (small cell, or to protect one)' }) suppressed: boolean;
}

export class StatisticsTotalDto {
  @ApiProperty({ nullable: true, type: Number }) value: number | null;
  @ApiProperty() suppressed: boolean;
}

export class StatisticsTableDto {
  @ApiProperty({ enum: ['table', 'routes'] }) view: string;
  @ApiProperty({ enum: MEASURES }) measure: string;
  @ApiProperty({ type: [String], description: 'The dimensions (routes: from, to)' }) groupBy: string[];
  @ApiProperty({ description: 'Cells counting fewer people than this are suppressed (STATISTICS_MIN_CELL)' })
  minCellSize: number;
  @ApiProperty({
    type: [StatisticsCellDto],
    description: 'One property per dimension of groupBy, then value and suppressed',
  })
  cells: StatisticsCellDto[];
  @ApiProperty({ type: [StatisticsCellDto], description: 'Margins: sums over one or more dimensions ("total")' })
  totals: StatisticsCellDto[];
  @ApiProperty({ type: StatisticsTotalDto }) total: StatisticsTotalDto;
}

export class SeriesPointDto {
  @ApiProperty({ example: '2026-03' }) month: string;
  @ApiProperty() takenAt: string;
  @ApiProperty({ type: [StatisticsCellDto] }) cells: StatisticsCellDto[];
  @ApiProperty({ type: [StatisticsCellDto] }) totals: StatisticsCellDto[];
  @ApiProperty({ type: StatisticsTotalDto }) total: StatisticsTotalDto;
}

export class SeriesDto {
  @ApiProperty({ enum: ['series'] }) view: string;
  @ApiProperty({ enum: MEASURES }) measure: string;
  @ApiProperty({ type: [String] }) groupBy: string[];
  @ApiProperty() minCellSize: number;
  @ApiProperty({ type: [SeriesPointDto] }) points: SeriesPointDto[];
}
