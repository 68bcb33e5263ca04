import { Controller, HttpCode, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { type Actor, CurrentActor, PartnerScope, Roles } from '../auth/actor.js';
import { RECORD_KINDS } from '../records/record.types.js';
import { type ImportResult, ImportsService } from './imports.service.js';

@ApiTags('imports')
@ApiBearerAuth()
@Controller('api/v1/imports')
export class ImportsController {
  constructor(private readonly imports: ImportsService) {}

  @Post()
  @HttpCode(200)
  @Roles('submitter', 'partner', 'admin')
  @PartnerScope('records:write')
  @ApiOperation({
    summary: 'Import a CSV file of records (UTF-8 or Latin-1), streamed row by row; one result per row',
    description: 'Columns are documented in docs/csv-import.md. Send the `kind` field before the `file` field.',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['kind', 'file'],
      properties: {
        kind: { type: 'string', enum: [...RECORD_KINDS] },
        encoding: { type: 'string', enum: ['auto', 'utf-8', 'latin1'], default: 'auto' },
        file: { type: 'string', format: 'binary' },
      },
    },
  })
  upload(@Req() req: Request, @CurrentActor() actor: Actor): Promise<ImportResult> {
    return this.imports.importMultipart(req, actor);
  }
}
