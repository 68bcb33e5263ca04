import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { ApiKeysController } from './api-keys.controller.js';
import { ApiKeysService } from './api-keys.service.js';
import { AuthGuard } from './auth.guard.js';
import { KeyThrottlerGuard } from './key-throttler.guard.js';

@Module({
  imports: [
    ThrottlerModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({ throttlers: [{ name: 'per-key', ttl: 60_000, limit: config.RATE_LIMIT_PER_MINUTE }] }),
    }),
  ],
  controllers: [ApiKeysController],
  // Guards run in this order: who is calling, then how often.
  providers: [ApiKeysService, { provide: APP_GUARD, useClass: AuthGuard }, { provide: APP_GUARD, useClass: KeyThrottlerGuard }],
  exports: [ApiKeysService],
})
export class AuthModule {}
