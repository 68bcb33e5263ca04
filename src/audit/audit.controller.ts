import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuditPageDto } from './dto/audit-entry.dto.js';
import { type Actor, CurrentActor, Roles } from '../auth/actor.js';
import { AuditService } from './audit.service.js';
import { ListAuditQueryDto } from './dto/list-audit-query.dto.js';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('api/v1/audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @Roles('admin')
  @ApiOperation({ summary: 'The append-only audit log, newest first: who, which organization, what, when, from where (ids only)' })
  @ApiOkResponse({ type: AuditPageDto })
  list(@Query() query: ListAuditQueryDto, @CurrentActor() actor: Actor) {
    return this.audit.list(query, actor);
  }
}
