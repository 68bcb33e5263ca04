import { Controller, Get, Headers, Query, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { type Actor, CurrentActor, PartnerScope, Roles } from '../auth/actor.js';
import {
  RoutesQueryDto,
  SeriesDto,
  SeriesQueryDto,
  StatisticsQueryDto,
  StatisticsTableDto,
} from './dto/statistics-query.dto.js';
import { type Format, seriesToCsv, seriesToJson, tableToCsv, tableToJson } from './statistics-presenter.js';
import { StatisticsSnapshotsService } from './statistics-snapshots.service.js';
import { StatisticsService } from './statistics.service.js';

const BAD =
  'A field names an unknown measure or dimension, too many dimensions, a dimension that does not apply, or a bad month; errors[] names it';

/** `?format=` wins; otherwise `Accept: text/csv` selects CSV; JSON by default. */
function chooseFormat(format: Format | undefined, accept: string | undefined): Format {
  if (format) return format;
  return accept && /\btext\/csv\b/i.test(accept) && !/\bapplication\/json\b/i.test(accept) ? 'csv' : 'json';
}

function sendCsv(res: Response, name: string, body: string): string {
  res.type('text/csv; charset=utf-8');
  res.setHeader('Content-Disposition', `attachment; filename="${name}.csv"`);
  return body;
}

/**
 * Aggregate statistics for prevention: investigators and admins of either country see both countries' aggregates;
 * partner keys need the `statistics` scope. No record ids, small cells suppressed (docs/statistics.md).
 */
@ApiTags('statistics')
@ApiBearerAuth()
@Controller('api/v1/statistics')
export class StatisticsController {
  constructor(
    private readonly statistics: StatisticsService,
    private readonly snapshots: StatisticsSnapshotsService,
  ) {}

  @Get()
  @Roles('investigator', 'admin', 'partner')
  @PartnerScope('statistics')
  @ApiOperation({ summary: 'A measure grouped by up to three dimensions, with margins; small cells suppressed' })
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ type: StatisticsTableDto })
  @ApiBadRequestResponse({ description: BAD })
  async table(
    @Query() query: StatisticsQueryDto,
    @Headers('accept') accept: string | undefined,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) res: Response,
  ) {
    const format = chooseFormat(query.format, accept);
    const table = await this.statistics.table(query.measure, query.groupBy, actor, format);
    return format === 'csv'
      ? sendCsv(res, `statistics-${table.measure}`, tableToCsv(table))
      : tableToJson(table, 'table');
  }

  @Get('routes')
  @Roles('investigator', 'admin', 'partner')
  @PartnerScope('statistics')
  @ApiOperation({ summary: 'Confirmed matches by region last seen (from) → region found (to): where people end up' })
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ type: StatisticsTableDto })
  @ApiBadRequestResponse({ description: BAD })
  async routes(
    @Query() query: RoutesQueryDto,
    @Headers('accept') accept: string | undefined,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) res: Response,
  ) {
    const format = chooseFormat(query.format, accept);
    const table = await this.statistics.routes(actor, format);
    return format === 'csv' ? sendCsv(res, 'statistics-routes', tableToCsv(table)) : tableToJson(table, 'routes');
  }

  @Get('series')
  @Roles('investigator', 'admin', 'partner')
  @PartnerScope('statistics')
  @ApiOperation({ summary: 'A measure over the monthly snapshots (from, to as YYYY-MM), by at most one dimension' })
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ type: SeriesDto })
  @ApiBadRequestResponse({ description: BAD })
  async series(
    @Query() query: SeriesQueryDto,
    @Headers('accept') accept: string | undefined,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) res: Response,
  ) {
    const format = chooseFormat(query.format, accept);
    const series = await this.snapshots.series(query, actor, format);
    return format === 'csv'
      ? sendCsv(res, `statistics-series-${series.measure}`, seriesToCsv(series))
      : seriesToJson(series);
  }
}
