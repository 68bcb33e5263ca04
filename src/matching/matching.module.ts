import { Module } from '@nestjs/common';
import { AlertsModule } from '../alerts/alerts.module.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { MatchFeaturesRepository } from './runs/match-features.repository.js';
import { MatchingRunsController } from './runs/matching-runs.controller.js';
import { ENGINE_HOST, MatchingRunsService } from './runs/matching-runs.service.js';
import { MatchingScheduler } from './runs/matching-scheduler.js';

@Module({
  imports: [AlertsModule],
  controllers: [MatchingRunsController],
  providers: [
    MatchFeaturesRepository,
    MatchingRunsService,
    MatchingScheduler,
    { provide: ENGINE_HOST, inject: [APP_CONFIG], useFactory: (config: AppConfig) => MatchingRunsService.createHost(config.MATCHING_ENGINE_HEAP_MB) },
  ],
  exports: [MatchingRunsService],
})
export class MatchingModule {}
