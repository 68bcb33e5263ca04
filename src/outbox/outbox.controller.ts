import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type Actor, CurrentActor, Roles } from '../auth/actor.js';
import { uuidParam } from '../common/pipes.js';
import { DeliveryDto, ListDeliveriesQueryDto } from './dto/deliveries.dto.js';
import { OutboxService } from './outbox.service.js';

@ApiTags('deliveries')
@ApiBearerAuth()
@Controller('api/v1/deliveries')
@Roles('admin')
export class OutboxController {
  constructor(private readonly outbox: OutboxService) {}

  @Get()
  @ApiOperation({ summary: 'Outgoing messages (forensic requests, partner webhooks), newest first: state, attempts, last error' })
  @ApiOkResponse({ type: [DeliveryDto] })
  list(@Query() query: ListDeliveriesQueryDto, @CurrentActor() actor: Actor) {
    return this.outbox.list(query, actor);
  }

  @Post(':id/retry')
  @HttpCode(200)
  @ApiOperation({ summary: 'Put a failed message back in the queue (due now, attempts from zero, same Idempotency-Key)' })
  @ApiConflictResponse({ description: 'The message is not failed' })
  @ApiOkResponse({ type: DeliveryDto })
  retry(@Param('id', uuidParam) id: string, @CurrentActor() actor: Actor) {
    return this.outbox.retry(id, actor);
  }
}
