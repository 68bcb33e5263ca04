import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import { type Actor, CurrentActor, Roles } from './actor.js';
import { ApiKeysService } from './api-keys.service.js';
import { CreateApiKeyDto, CreatedApiKeyDto } from './dto/create-api-key.dto.js';
import { ValidationFailedError } from '../common/errors.js';

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
    if (body.expiresAt && Date.parse(body.expiresAt) <= Date.now()) {
      throw new ValidationFailedError([{ field: 'expiresAt', reason: 'must be in the future' }]);
    }
    return this.keys.create(body, actor);
  }
}
