import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { type Actor, CurrentActor, Roles } from '../../auth/actor.js';
import { ValidationFailedError } from '../../common/errors.js';
import { StartRunDto } from './dto/start-run.dto.js';
import type { MatchingRun } from './matching-run.entity.js';
import { MatchingRunsService } from './matching-runs.service.js';
import { uuidParam } from '../../common/pipes.js';


function view(run: MatchingRun) {
  return {
    id: run.id,
    mode: run.mode,
    trigger: run.trigger,
    status: run.status,
    phase: run.phase,
    modelVersion: run.modelVersion,
    startedAt: run.startedAt.toISOString(),
    finishedAt: run.finishedAt?.toISOString() ?? null,
    watermarkFrom: run.watermarkFrom?.toISOString() ?? null,
    watermarkTo: run.watermarkTo?.toISOString() ?? null,
    recordsConsidered: run.recordsConsidered,
    reportsConsidered: run.reportsConsidered,
    victimsConsidered: run.victimsConsidered,
    pairsCompared: run.pairsCompared,
    pairsByRule: run.pairsByRule,
    alerts: { created: run.alertsCreated, updated: run.alertsUpdated, withdrawn: run.alertsWithdrawn, reopened: run.alertsReopened },
    timingsMs: run.timingsMs,
    error: run.error,
  };
}

@ApiTags('matching')
@ApiBearerAuth()
@Controller('api/v1/matching/runs')
export class MatchingRunsController {
  constructor(private readonly runs: MatchingRunsService) {}

  @Post()
  @HttpCode(202)
  @Roles('admin', 'investigator')
  @ApiOperation({
    summary: 'Start a matching run',
    description: 'Answers 202 at once with the run; when a run is already going (in any instance), that run is returned with alreadyRunning: true.',
  })
  @ApiAcceptedResponse({ description: '{ run, alreadyRunning }' })
  async start(@Body() body: StartRunDto, @CurrentActor() actor: Actor) {
    const { run, alreadyRunning } = await this.runs.request(body.mode, 'api', actor);
    return { run: view(run), alreadyRunning };
  }

  @Get()
  @Roles('admin', 'investigator')
  @ApiQuery({ name: 'limit', required: false, description: '1–100, default 20' })
  async list(@Query('limit') limit?: string) {
    const n = limit === undefined ? 20 : Number(limit);
    if (!Number.isInteger(n) || n < 1 || n > 100) throw new ValidationFailedError([{ field: 'limit', reason: 'must be a whole number between 1 and 100' }]);
    return { items: (await this.runs.list(n)).map(view) };
  }

  @Get(':id')
  @Roles('admin', 'investigator')
  async get(@Param('id', uuidParam) id: string) {
    return view(await this.runs.get(id));
  }
}
