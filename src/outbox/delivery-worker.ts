import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { OutboxService } from './outbox.service.js';

const INTERVAL = 'outbox-delivery';

/**
 * Every DELIVERY_INTERVAL_MS (0 = off), asks the outbox service to deliver what is due. The handler does nothing
 * else: claiming (FOR UPDATE SKIP LOCKED), retries and backoff are the service's, so any number of instances can
 * run it. Ticks do not overlap within an instance.
 */
@Injectable()
export class DeliveryWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(DeliveryWorker.name);
  private running: Promise<void> | null = null;

  constructor(
    private readonly outbox: OutboxService,
    private readonly registry: SchedulerRegistry,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.DELIVERY_INTERVAL_MS === 0) return;
    this.registry.addInterval(INTERVAL, setInterval(() => void this.tick(), this.config.DELIVERY_INTERVAL_MS));
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.registry.doesExist('interval', INTERVAL)) this.registry.deleteInterval(INTERVAL);
    await this.running;
  }

  tick(): Promise<void> {
    if (this.running) return this.running;
    this.running = this.outbox
      .deliverDue()
      .then(() => undefined)
      .catch((err: unknown) => this.logger.error({ err: { type: (err as Error)?.name } }, 'outbox delivery tick failed'))
      .finally(() => {
        this.running = null;
      });
    return this.running;
  }
}
