import { Module } from '@nestjs/common';
import { StatisticsController } from './statistics.controller.js';
import { StatisticsScheduler } from './statistics-scheduler.js';
import { StatisticsSnapshotsService } from './statistics-snapshots.service.js';
import { StatisticsService } from './statistics.service.js';

@Module({
  controllers: [StatisticsController],
  providers: [StatisticsService, StatisticsSnapshotsService, StatisticsScheduler],
  exports: [StatisticsSnapshotsService],
})
export class StatisticsModule {}
