import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type QueryRunner } from 'typeorm';
import { type AlertCounts, AlertWriter, ZERO_COUNTS } from '../../alerts/alert-writer.service.js';
import type { Actor } from '../../auth/actor.js';
import { NotFoundError } from '../../common/errors.js';
import { MODEL_DEFAULT } from '../engine/index.js';
import { createEngineHost, type MatchEngineHost } from '../pipeline/match-engine-host.js';
import { MatchFeaturesRepository } from './match-features.repository.js';
import { MatchingRun, type RunMode, type RunTrigger } from './matching-run.entity.js';

/** One matching run at a time across every instance: whoever holds this PostgreSQL advisory lock runs. */
const RUN_LOCK = 'cbmp:matching-run';

export const ENGINE_HOST = Symbol('ENGINE_HOST');
/** Records per message to the engine thread, and scored pairs per slice back. */
const SYNC_SLICE = 5_000;
const PAIR_SLICE = 2_000;

export interface RunRequested {
  run: MatchingRun;
  /** True when a run was already going: that run is returned instead of starting another. */
  alreadyRunning: boolean;
}

@Injectable()
export class MatchingRunsService implements OnApplicationShutdown {
  private readonly logger = new Logger(MatchingRunsService.name);
  /** Where this process's engine copy was last synced from (null: never, load everything). */
  private syncedUntil: Date | null = null;
  private current: Promise<void> | null = null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly features: MatchFeaturesRepository,
    private readonly alerts: AlertWriter,
    @Inject(ENGINE_HOST) private readonly host: MatchEngineHost,
  ) {}

  static createHost(heapMb?: number): MatchEngineHost {
    return createEngineHost('worker', heapMb);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.current?.catch(() => undefined);
    await this.host.close();
  }

  /**
   * Starts a run in the background and returns it at once; when a run is already going (here or in another
   * instance), returns that one. Scheduled runs pass their schedule slot: a slot is run once, whichever instance
   * fires first.
   */
  async request(mode: RunMode, trigger: RunTrigger, actor: Actor | null, scheduleSlot: Date | null = null): Promise<RunRequested> {
    const lock = this.dataSource.createQueryRunner();
    await lock.connect();
    let handedOver = false;
    try {
      const [{ locked }] = await lock.query('SELECT pg_try_advisory_lock(hashtext($1)) AS locked', [RUN_LOCK]);
      if (!locked) return { run: await this.waitForRunning(), alreadyRunning: true };
      // Runs left 'running' by a killed process cannot be going: we hold the lock.
      await lock.query(`UPDATE matching_runs SET status = 'abandoned', finished_at = now(), error = 'the process running it stopped' WHERE status = 'running'`);
      const inserted: { id: string }[] = await lock.query(
        `INSERT INTO matching_runs (mode, trigger, model_version, status, requested_by_key_id, schedule_slot)
         VALUES ($1, $2, $3, 'running', $4, $5) ON CONFLICT (schedule_slot) DO NOTHING RETURNING id`,
        [mode, trigger, MODEL_DEFAULT.version, actor?.keyId ?? null, scheduleSlot],
      );
      if (inserted.length === 0) {
        // This schedule slot was already run by another instance.
        const done = await this.dataSource.getRepository(MatchingRun).findOneByOrFail({ scheduleSlot: scheduleSlot! });
        return { run: done, alreadyRunning: true };
      }
      const run = await this.dataSource.getRepository(MatchingRun).findOneByOrFail({ id: inserted[0].id });
      handedOver = true;
      this.current = this.execute(run, lock).finally(() => (this.current = null));
      return { run, alreadyRunning: false };
    } finally {
      if (!handedOver) {
        await lock.query('SELECT pg_advisory_unlock_all()').catch(() => undefined);
        await lock.release();
      }
    }
  }

  /** Resolves when this process's current run (if any) has finished. For tests and orderly shutdown. */
  async idle(): Promise<void> {
    await this.current;
  }

  async get(id: string): Promise<MatchingRun> {
    const run = await this.dataSource.getRepository(MatchingRun).findOneBy({ id });
    if (!run) throw new NotFoundError(`No matching run with id ${id}`);
    return run;
  }

  async list(limit: number): Promise<MatchingRun[]> {
    return this.dataSource.getRepository(MatchingRun).find({ order: { startedAt: 'DESC' }, take: limit });
  }

  private async waitForRunning(): Promise<MatchingRun> {
    // The holder inserts its run row right after taking the lock: give it a moment to appear.
    for (let attempt = 0; attempt < 50; attempt++) {
      const running = await this.dataSource.getRepository(MatchingRun).findOne({ where: { status: 'running' }, order: { startedAt: 'DESC' } });
      if (running) return running;
      await new Promise((r) => setTimeout(r, 100));
    }
    const latest = await this.dataSource.getRepository(MatchingRun).find({ order: { startedAt: 'DESC' }, take: 1 });
    if (latest[0]) return latest[0];
    throw new Error('a matching run holds the lock but none is recorded');
  }

  private async execute(run: MatchingRun, lock: QueryRunner): Promise<void> {
    const repo = this.dataSource.getRepository(MatchingRun);
    const timings: Record<string, number> = {};
    const phase = async (name: string) => {
      await repo.update(run.id, { phase: name, heartbeatAt: new Date() });
    };
    const timed = async <T>(name: string, work: () => Promise<T>): Promise<T> => {
      const t = performance.now();
      try {
        return await work();
      } finally {
        timings[name] = Math.round(performance.now() - t);
      }
    };
    try {
      await phase('loading');
      const watermarkTo = await this.features.safeWatermark();
      const lastSuccess = run.mode === 'incremental'
        ? await repo.findOne({ where: { status: 'succeeded' }, order: { watermarkTo: 'DESC' } })
        : null;
      const watermarkFrom = lastSuccess?.watermarkTo ?? null;
      // The engine copy is brought up to date with the rows changed since its last sync (all rows the first time
      // in this process, or after a failure); a full run then compares everything with everything.
      // Read and handed to the engine thread a page at a time: neither thread serializes everything at once, the
      // event loop stays responsive, and this thread never holds every row.
      // The next page is read (this thread and PostgreSQL) while the engine thread prepares the one before.
      await timed('load_and_sync', async () => {
        let syncing: Promise<number> | null = null;
        try {
          for await (const page of this.features.changedSincePages(this.syncedUntil, SYNC_SLICE)) {
            if (syncing) await syncing;
            syncing = this.host.sync(page);
          }
          if (syncing) await syncing;
        } catch (err) {
          syncing?.catch(() => undefined); // reading failed: the page being synced is not wanted
          throw err;
        }
      });
      this.syncedUntil = watermarkTo;
      const changedIds = watermarkFrom ? await this.features.changedIdsSince(watermarkFrom) : [];
      const incremental = run.mode === 'incremental' && watermarkFrom !== null;
      const known = await this.alerts.knownAlerts(incremental ? changedIds : 'all');

      await phase('blocking_and_scoring');
      // The engine thread builds the index (and scores an incremental run) here; a full run's pairs are then
      // scored in the background while this thread writes the alerts found so far.
      const { threshold } = await timed('engine', () => this.host.start({ mode: incremental ? 'incremental' : 'full', changedIds, known }));

      await phase('writing_alerts');
      const counts = { ...ZERO_COUNTS };
      await timed('write', async () => {
        // The engine thread explains (and scores) the next slice while this thread writes the current one.
        let pending = this.host.next(PAIR_SLICE);
        try {
          for (let pairs = await pending; pairs.length > 0; pairs = await pending) {
            pending = this.host.next(PAIR_SLICE);
            const written = await this.alerts.apply(run.id, pairs, threshold, MODEL_DEFAULT.version);
            for (const k of Object.keys(counts) as (keyof AlertCounts)[]) counts[k] += written[k];
          }
        } catch (err) {
          pending.catch(() => undefined); // a write failed: the slice asked for ahead is not wanted
          throw err;
        }
      });
      const outcome = await this.host.summary();
      Object.assign(timings, Object.fromEntries(Object.entries(outcome.timingsMs).map(([k, v]) => [`engine.${k}`, v])));
      await repo.update(run.id, {
        status: 'succeeded',
        phase: 'done',
        finishedAt: new Date(),
        heartbeatAt: new Date(),
        watermarkFrom: incremental ? watermarkFrom : null,
        watermarkTo,
        recordsConsidered: incremental ? changedIds.length : outcome.reportsConsidered + outcome.victimsConsidered,
        reportsConsidered: outcome.reportsConsidered,
        victimsConsidered: outcome.victimsConsidered,
        pairsByRule: outcome.pairsByRule,
        pairsCompared: outcome.pairsCompared,
        alertsCreated: counts.created,
        alertsUpdated: counts.updated,
        alertsWithdrawn: counts.withdrawn,
        alertsReopened: counts.reopened,
        timingsMs: timings,
      });
      this.logger.log({ runId: run.id, mode: run.mode, pairs: outcome.pairsCompared, ...counts, ms: timings }, 'matching run succeeded');
    } catch (err) {
      // The engine copy may be half-synced: start it afresh next time. The watermark does not move.
      this.syncedUntil = null;
      await this.host.reset().catch(() => undefined);
      const error = err instanceof Error ? `${err.name}: ${err.message.slice(0, 300)}` : 'unknown error';
      this.logger.error({ runId: run.id, err: { type: (err as Error)?.name } }, 'matching run failed');
      await repo.update(run.id, { status: 'failed', finishedAt: new Date(), error, timingsMs: timings }).catch(() => undefined);
    } finally {
      await lock.query('SELECT pg_advisory_unlock_all()').catch(() => undefined);
      await lock.release();
    }
  }
}
