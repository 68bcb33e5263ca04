import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type Actor, CurrentActor, Roles } from '../auth/actor.js';
import { AlertsService } from './alerts.service.js';
import { ListAlertsQueryDto } from './dto/list-alerts-query.dto.js';
import { uuidParam } from '../common/pipes.js';


@ApiTags('alerts')
@ApiBearerAuth()
@Controller('api/v1/alerts')
export class AlertsController {
  constructor(private readonly alerts: AlertsService) {}

  @Get()
  @Roles('investigator', 'admin')
  @ApiOperation({ summary: 'The alert queue: filters, sort (-priority by default), cursor pagination' })
  list(@Query() query: ListAlertsQueryDto, @CurrentActor() actor: Actor) {
    return this.alerts.list(query, actor);
  }

  @Get(':id')
  @Roles('investigator', 'admin')
  @ApiOperation({ summary: 'One alert: both records side by side, the evidence as scored, and its history' })
  get(@Param('id', uuidParam) id: string, @CurrentActor() actor: Actor) {
    return this.alerts.get(id, actor);
  }
}
