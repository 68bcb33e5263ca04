import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type Actor, CurrentActor, Roles } from '../auth/actor.js';
import { ValidationFailedError } from '../common/errors.js';
import { uuidParam } from '../common/pipes.js';
import { grantErrors } from '../auth/dto/create-api-key.dto.js';
import { AccountsService, type AccountView } from './accounts.service.js';
import { AccountViewDto, CreateAccountDto, ListAccountsQueryDto } from './dto/account.dto.js';

/** Administrators manage the personal accounts of the console (people; API keys stay for systems). */
@ApiTags('accounts')
@ApiBearerAuth()
@Controller('api/v1/accounts')
export class AccountsController {
  constructor(private readonly accounts: AccountsService) {}

  @Post()
  @HttpCode(201)
  @Roles('admin')
  @ApiOperation({ summary: 'Create a personal account: organization and roles exactly as for API keys' })
  @ApiCreatedResponse({ type: AccountViewDto })
  @ApiConflictResponse({ description: 'The email is already used' })
  create(@Body() body: CreateAccountDto, @CurrentActor() actor: Actor): Promise<AccountView> {
    const errors = grantErrors(body, 'account');
    if (errors.length > 0) throw new ValidationFailedError(errors);
    return this.accounts.create(body, actor);
  }

  @Get()
  @Roles('admin')
  @ApiOperation({ summary: 'Every account, newest first (never the password hash)' })
  @ApiOkResponse({ type: AccountViewDto, isArray: true })
  list(@Query() query: ListAccountsQueryDto): Promise<AccountView[]> {
    return this.accounts.list(query);
  }

  @Post(':id/disable')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({ summary: 'Disable an account: its sessions end at once and it cannot sign in. Its past decisions keep its name.' })
  @ApiOkResponse({ type: AccountViewDto })
  disable(@Param('id', uuidParam) id: string, @CurrentActor() actor: Actor): Promise<AccountView> {
    return this.accounts.disable(id, actor);
  }

  @Post(':id/enable')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({ summary: 'Enable a disabled account, or lift a lockout after failed sign-ins' })
  @ApiOkResponse({ type: AccountViewDto })
  enable(@Param('id', uuidParam) id: string, @CurrentActor() actor: Actor): Promise<AccountView> {
    return this.accounts.enable(id, actor);
  }
}
