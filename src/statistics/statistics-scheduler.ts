import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { CronJob } from 'cron';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { previousMonth } from './months.js';
import { StatisticsSnapshotsService } from './statistics-snapshots.service.js';

const JOB = 'statistics-snapshot';

/**
 * Takes the monthly statistics snapshot on STATISTICS_SNAPSHOT_CRON (default 03:00 on the 1st). The handler only
 * calls the service, which takes an advisory lock and is idempotent per month: many instances snapshot once.
 */
@Injectable()
export class StatisticsScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(StatisticsScheduler.name);

  constructor(
    private readonly snapshots: StatisticsSnapshotsService,
    private readonly registry: SchedulerRegistry,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.STATISTICS_SNAPSHOT_CRON === 'off') return;
    const job = CronJob.from({
      cronTime: this.config.STATISTICS_SNAPSHOT_CRON,
      onTick: () => void this.tick(),
      start: false,
    });
    this.registry.addCronJob(JOB, job);
    job.start();
  }

  onApplicationShutdown(): void {
    if (this.registry.doesExist('cron', JOB)) this.registry.deleteCronJob(JOB);
  }

  async tick(now = new Date()): Promise<void> {
    try {
      const { month, result } = await this.snapshots.takeSnapshot(previousMonth(now));
      this.logger.log({ month, result }, 'statistics snapshot');
    } catch (err) {
      this.logger.error({ err: { type: (err as Error)?.name } }, 'statistics snapshot failed');
    }
  }
}
