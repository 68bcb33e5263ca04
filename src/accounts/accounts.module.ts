import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module.js';
import { AccountsController } from './accounts.controller.js';
import { SessionController } from './session.controller.js';

/** The console's people: accounts (admins) and sessions. The service lives in AuthModule, whose guard needs it. */
@Module({
  imports: [AuthModule],
  controllers: [AccountsController, SessionController],
})
export class AccountsModule {}
