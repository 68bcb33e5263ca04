import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AccountsService } from '../accounts/accounts.service.js';
import { ApiKeysController } from './api-keys.controller.js';
import { ApiKeysService } from './api-keys.service.js';
import { AuthGuard } from './auth.guard.js';
import { RateLimitGuard } from './rate-limit.guard.js';

@Module({
  controllers: [ApiKeysController],
  // Guards run in this order: who is calling (an API key or a console session), then how often.
  providers: [ApiKeysService, AccountsService, { provide: APP_GUARD, useClass: AuthGuard }, { provide: APP_GUARD, useClass: RateLimitGuard }],
  exports: [ApiKeysService, AccountsService],
})
export class AuthModule {}
