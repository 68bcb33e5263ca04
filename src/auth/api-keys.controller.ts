import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type Actor, CurrentActor, Roles } from './actor.js';
import { ApiKeysService, type KeyView } from './api-keys.service.js';
import { ApiKeyViewDto, CreateApiKeyDto, CreatedApiKeyDto, grantErrors, ListApiKeysQueryDto } from './dto/create-api-key.dto.js';
import { type FieldError, ValidationFailedError } from '../common/errors.js';
import { uuidParam } from '../common/pipes.js';

@ApiTags('api-keys')
@ApiBearerAuth()
@Controller('api/v1/api-keys')
export class ApiKeysController {
  constructor(private readonly keys: ApiKeysService) {}

  @Post()
  @HttpCode(201)
  @Roles('admin')
  @ApiCreatedResponse({ type: CreatedApiKeyDto, description: 'The key; its secret is never shown again' })
  async create(@Body() body: CreateApiKeyDto, @CurrentActor() actor: Actor): Promise<CreatedApiKeyDto> {
    const errors: FieldError[] = [];
    if (body.expiresAt && Date.parse(body.expiresAt) <= Date.now()) errors.push({ field: 'expiresAt', reason: 'must be in the future' });
    errors.push(...grantErrors(body, 'key'));
    if (errors.length > 0) throw new ValidationFailedError(errors);
    return this.keys.create(body, actor);
  }

  @Get()
  @Roles('admin')
  @ApiOperation({ summary: 'Every API key (never the secret), newest first' })
  @ApiOkResponse({ type: ApiKeyViewDto, isArray: true })
  list(@Query() query: ListApiKeysQueryDto): Promise<KeyView[]> {
    return this.keys.list(query);
  }

  @Post(':id/revoke')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({ summary: 'Revoke a key at once: its next request gets 401. Revoking twice changes nothing.' })
  @ApiOkResponse({ type: ApiKeyViewDto })
  revoke(@Param('id', uuidParam) id: string, @CurrentActor() actor: Actor): Promise<KeyView> {
    return this.keys.revoke(id, actor);
  }
}
