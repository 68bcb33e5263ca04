import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { type Actor, CurrentActor, Roles } from '../auth/actor.js';
import { CreateOrganizationDto, OrganizationDto } from './dto/create-organization.dto.js';
import { OrganizationsService } from './organizations.service.js';

@ApiTags('organizations')
@ApiBearerAuth()
@Controller('api/v1/organizations')
export class OrganizationsController {
  constructor(private readonly organizations: OrganizationsService) {}

  @Get()
  @Roles('admin')
  @ApiOkResponse({ type: OrganizationDto, isArray: true })
  list(): Promise<OrganizationDto[]> {
    return this.organizations.list();
  }

  @Post()
  @HttpCode(201)
  @Roles('admin')
  @ApiCreatedResponse({ type: OrganizationDto })
  create(@Body() body: CreateOrganizationDto, @CurrentActor() actor: Actor): Promise<OrganizationDto> {
    return this.organizations.create(body, actor);
  }
}
