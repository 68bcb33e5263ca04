import { Module } from '@nestjs/common';
import { AlertsModule } from '../alerts/alerts.module.js';
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
    { provide: ENGINE_HOST, useFactory: () => MatchingRunsService.createHost() },
  ],
  exports: [MatchingRunsService],
})
export class MatchingModule {}
