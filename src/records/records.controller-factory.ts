import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post, Query, Res, type Type } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { type Actor, CurrentActor, PartnerScope, Roles } from '../auth/actor.js';
import { ValidationFailedError } from '../common/errors.js';
import { ListRecordsQueryDto } from './dto/record-query.dto.js';
import type { RecordKind } from './record.types.js';
import { INPUT_CLASS, validateRecordInput } from './record-validation.js';
import { RecordsService } from './records.service.js';
import { uuidParam } from '../common/pipes.js';

export const BATCH_MAX = 1000;

const versionNumber = new ParseIntPipe({
  exceptionFactory: () => new ValidationFailedError([{ field: 'version', reason: 'must be a whole number' }]),
});

/** Reads `{ "records": [...] }` and refuses anything else, naming the field. */
export function readBatchEnvelope(body: unknown): unknown[] {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw new ValidationFailedError([{ field: 'body', reason: 'must be a JSON object { "records": [...] }' }]);
  }
  const extra = Object.keys(body).filter((k) => k !== 'records');
  const records = (body as { records?: unknown }).records;
  const errors = extra.map((field) => ({ field, reason: 'is not a known field' }));
  if (!Array.isArray(records)) errors.push({ field: 'records', reason: 'must be an array of records' });
  else if (records.length === 0) errors.push({ field: 'records', reason: 'must hold at least one record' });
  else if (records.length > BATCH_MAX) errors.push({ field: 'records', reason: `must hold at most ${BATCH_MAX} records per call` });
  if (errors.length > 0) throw new ValidationFailedError(errors);
  return records as unknown[];
}

/**
 * Missing-person reports and suspected-victim records have the same intake API over different bodies:
 * one controller definition serves both.
 */
export function recordsController(kind: RecordKind, path: string, tag: string): Type<unknown> {
  const inputClass = INPUT_CLASS[kind];

  @ApiTags(tag)
  @ApiBearerAuth()
  @Controller(`api/v1/${path}`)
  class RecordsController {
    constructor(readonly records: RecordsService) {}

    @Post()
    @Roles('submitter', 'partner', 'admin')
    @PartnerScope('records:write')
    @ApiOperation({ summary: `Create a ${tag} record, or update the one with the same sourceRecordId` })
    @ApiBody({ type: inputClass })
    @ApiOkResponse({ description: '{ id, result: created | updated | unchanged, record }; 201 when created' })
    async submit(@Body() body: unknown, @CurrentActor() actor: Actor, @Res({ passthrough: true }) res: Response) {
      const outcome = await this.records.submit(kind, validateRecordInput(kind, body), actor);
      res.status(outcome.result === 'created' ? 201 : 200);
      return outcome;
    }

    @Post('batch')
    @HttpCode(200)
    @Roles('submitter', 'partner', 'admin')
    @PartnerScope('records:write')
    @ApiOperation({ summary: `Submit up to ${BATCH_MAX} records; one result per item, in order` })
    @ApiBody({ schema: { type: 'object', properties: { records: { type: 'array', maxItems: BATCH_MAX, items: { $ref: `#/components/schemas/${inputClass.name}` } } }, required: ['records'] } })
    async batch(@Body() body: unknown, @CurrentActor() actor: Actor) {
      const items = readBatchEnvelope(body).map((item) => validateRecordInput(kind, item));
      const results = await this.records.submitMany(kind, items, actor);
      return {
        results,
        summary: {
          created: results.filter((r) => r.result === 'created').length,
          updated: results.filter((r) => r.result === 'updated').length,
          unchanged: results.filter((r) => r.result === 'unchanged').length,
          failed: results.filter((r) => r.result === 'failed').length,
        },
      };
    }

    @Get()
    @Roles('investigator', 'admin', 'submitter', 'partner')
    @PartnerScope('records:read')
    @ApiOperation({ summary: 'List records, oldest change first, with cursor pagination' })
    list(@Query() query: ListRecordsQueryDto, @CurrentActor() actor: Actor) {
      return this.records.list(kind, { ...query, limit: query.limit ?? 50 }, actor);
    }

    @Get(':id')
    @Roles('investigator', 'admin', 'submitter', 'partner')
    @PartnerScope('records:read')
    get(@Param('id', uuidParam) id: string, @CurrentActor() actor: Actor) {
      return this.records.get(kind, id, actor);
    }

    @Get(':id/versions')
    @Roles('investigator', 'admin', 'submitter', 'partner')
    @PartnerScope('records:read')
    @ApiOperation({ summary: 'Every version the record has had' })
    versions(@Param('id', uuidParam) id: string, @CurrentActor() actor: Actor) {
      return this.records.versions(kind, id, actor);
    }

    @Get(':id/versions/:version')
    @Roles('investigator', 'admin', 'submitter', 'partner')
    @PartnerScope('records:read')
    @ApiOperation({ summary: 'The record as it was at one version' })
    version(@Param('id', uuidParam) id: string, @Param('version', versionNumber) version: number, @CurrentActor() actor: Actor) {
      return this.records.version(kind, id, version, actor);
    }
  }
  Object.defineProperty(RecordsController, 'name', { value: `${tag.replace(/(^|-)(\w)/g, (_m, _d, c: string) => c.toUpperCase())}Controller` });
  return RecordsController;
}
