import { type DynamicModule, Module } from '@nestjs/common';
import type { Writable } from 'node:stream';
import { ScheduleModule } from '@nestjs/schedule';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import { AccountsModule } from './accounts/accounts.module.js';
import { AlertsModule } from './alerts/alerts.module.js';
import { AuditModule } from './audit/audit.module.js';
import { AuthModule } from './auth/auth.module.js';
import { ConsoleModule } from './console/console.module.js';
import { APP_CONFIG, type AppConfig } from './config/app-config.js';
import { dataSourceOptions } from './database/data-source-options.js';
import { HealthModule } from './health/health.module.js';
import { IdentificationModule } from './identification/identification.module.js';
import { NotificationsModule } from './notifications/notifications.module.js';
import { OutboxModule } from './outbox/outbox.module.js';
import { ImportsModule } from './imports/imports.module.js';
import { loggerOptions } from './common/logging.js';
import { MatchingModule } from './matching/matching.module.js';
import { OrganizationsModule } from './organizations/organizations.module.js';
import { RecordsModule } from './records/records.module.js';
import { StatisticsModule } from './statistics/statistics.module.js';

@Module({})
export class AppModule {
  /** `databaseUrl` is resolved before the app is built: DATABASE_URL, or the embedded server main.ts started. */
  static forRoot(config: AppConfig, databaseUrl: string, logStream?: Writable): DynamicModule {
    return {
      module: AppModule,
      global: true,
      imports: [
        LoggerModule.forRoot(loggerOptions(config.LOG_LEVEL, logStream)),
        TypeOrmModule.forRoot({ ...dataSourceOptions(databaseUrl), migrationsRun: false }),
        AuditModule,
        AuthModule,
        AccountsModule,
        OrganizationsModule,
        RecordsModule,
        ImportsModule,
        ScheduleModule.forRoot(),
        AlertsModule,
        MatchingModule,
        StatisticsModule,
        OutboxModule,
        IdentificationModule,
        NotificationsModule,
        HealthModule,
        ConsoleModule,
      ],
      providers: [{ provide: APP_CONFIG, useValue: config }],
      exports: [APP_CONFIG],
    };
  }
}
