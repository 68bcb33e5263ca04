import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type Actor, CurrentActor, Roles } from '../auth/actor.js';
import { uuidParam } from '../common/pipes.js';
import { CreatedWebhookSubscriptionDto, CreateWebhookSubscriptionDto, WebhookSubscriptionDto } from './dto/webhook.dto.js';
import { NotificationsService } from './notifications.service.js';

@ApiTags('webhooks')
@ApiBearerAuth()
@Controller('api/v1/webhook-subscriptions')
@Roles('admin')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Subscribe a partner organization\'s webhook to events about its records (the signing secret is shown once)' })
  @ApiCreatedResponse({ type: CreatedWebhookSubscriptionDto })
  create(@Body() body: CreateWebhookSubscriptionDto, @CurrentActor() actor: Actor) {
    return this.notifications.create(body, actor);
  }

  @Get()
  @ApiOperation({ summary: 'Every webhook subscription (without secrets)' })
  @ApiOkResponse({ type: [WebhookSubscriptionDto] })
  list(@CurrentActor() actor: Actor) {
    return this.notifications.list(actor);
  }

  @Post(':id/deactivate')
  @HttpCode(200)
  @ApiOperation({ summary: 'Stop a subscription\'s deliveries' })
  @ApiOkResponse({ type: WebhookSubscriptionDto })
  deactivate(@Param('id', uuidParam) id: string, @CurrentActor() actor: Actor) {
    return this.notifications.deactivate(id, actor);
  }
}
