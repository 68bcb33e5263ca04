import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { CronJob } from 'cron';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import { MatchingRunsService } from './matching-runs.service.js';

const JOB = 'incremental-matching';

/**
 * Starts an incremental run on MATCHING_CRON. The handler only asks the service, which takes the advisory lock
 * and records the schedule slot, so however many instances fire, each slot is run once.
 */
@Injectable()
export class MatchingScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(MatchingScheduler.name);

  constructor(
    private readonly runs: MatchingRunsService,
    private readonly registry: SchedulerRegistry,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.MATCHING_CRON === 'off') return;
    const job = CronJob.from({ cronTime: this.config.MATCHING_CRON, onTick: () => void this.tick(), start: false });
    this.registry.addCronJob(JOB, job);
    job.start();
  }

  onApplicationShutdown(): void {
    if (this.registry.doesExist('cron', JOB)) this.registry.deleteCronJob(JOB);
  }

  /** One scheduled tick: the slot is the minute it belongs to, the same in every instance. */
  async tick(now = new Date()): Promise<void> {
    const slot = new Date(Math.floor(now.getTime() / 60_000) * 60_000);
    try {
      const { run, alreadyRunning } = await this.runs.request('incremental', 'schedule', null, slot);
      if (!alreadyRunning) this.logger.log({ runId: run.id }, 'scheduled matching run started');
    } catch (err) {
      this.logger.error({ err: { type: (err as Error)?.name } }, 'scheduled matching run could not start');
    }
  }
}
