import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { MatchSession, type RunRequest, type RunSummary, type ScoredPair, type VersionedRecord } from './match-session.js';
import type { WorkerRequest, WorkerResponse } from './match-worker.js';

type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never;

/** Where the matching work happens: a worker thread (the service) or this thread (tests without a build). */
export interface MatchEngineHost {
  readonly kind: 'worker' | 'inline';
  sync(records: VersionedRecord[]): Promise<number>;
  /** Blocks and scores; the kept pairs are then read with next(). */
  run(request: RunRequest): Promise<RunSummary>;
  /**
   * Starts a run (term frequencies, blocking index); a full run is then scored in the background while next()
   * hands out the pairs found so far. summary() once next() has returned an empty list.
   */
  start(request: RunRequest): Promise<{ threshold: number }>;
  /** The next slice of the run's kept pairs with their evidence; empty when all were read. */
  next(max: number): Promise<ScoredPair[]>;
  /** The run's counts and timings (waits for its scoring to end). */
  summary(): Promise<RunSummary>;
  reset(): Promise<void>;
  close(): Promise<void>;
}

/** The compiled worker script: beside this module when running from dist, else in dist (built by `npm run build`). */
export function workerScriptPath(): string | null {
  const here = fileURLToPath(import.meta.url);
  const candidate = here.endsWith('.ts')
    ? here.replace(/\/src\/matching\/pipeline\/[^/]+\.ts$/, '/dist/src/matching/pipeline/match-worker.js')
    : here.replace(/[^/]+\.js$/, 'match-worker.js');
  return existsSync(candidate) ? candidate : null;
}

export class InlineEngineHost implements MatchEngineHost {
  readonly kind = 'inline' as const;
  private session = new MatchSession();
  async sync(records: VersionedRecord[]) {
    return this.session.sync(records);
  }
  async run(request: RunRequest) {
    return this.session.run(request);
  }
  async start(request: RunRequest) {
    return this.session.start(request);
  }
  async next(max: number) {
    return this.session.next(max);
  }
  async summary() {
    return this.session.complete();
  }
  async reset() {
    this.session = new MatchSession();
  }
  async close() {}
}

export class WorkerEngineHost implements MatchEngineHost {
  readonly kind = 'worker' as const;
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();

  /** heapMb: the worker's old-generation limit (V8 collects harder near it; a run past it fails, the service stays up). */
  constructor(
    private readonly script: string,
    private readonly heapMb?: number,
  ) {}

  private ensure(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.script, this.heapMb ? { resourceLimits: { maxOldGenerationSizeMb: this.heapMb } } : {});
    worker.on('message', (response: WorkerResponse) => {
      const waiting = this.pending.get(response.id);
      if (!waiting) return;
      this.pending.delete(response.id);
      if (response.ok) waiting.resolve(response.value);
      else waiting.reject(new Error(`matching worker failed: ${response.error}`));
    });
    const fail = (err: Error) => {
      for (const waiting of this.pending.values()) waiting.reject(err);
      this.pending.clear();
      this.worker = null; // the next call starts a fresh worker with an empty session
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`matching worker exited with code ${code}`)));
    worker.unref();
    this.worker = worker;
    return worker;
  }

  private call<T>(message: WithoutId<WorkerRequest>): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.ensure().postMessage({ ...message, id });
    });
  }

  sync(records: VersionedRecord[]) {
    return this.call<number>({ type: 'sync', records });
  }
  run(request: RunRequest) {
    return this.call<RunSummary>({ type: 'run', request });
  }
  start(request: RunRequest) {
    return this.call<{ threshold: number }>({ type: 'start', request });
  }
  next(max: number) {
    return this.call<ScoredPair[]>({ type: 'next', max });
  }
  summary() {
    return this.call<RunSummary>({ type: 'summary' });
  }
  async reset() {
    await this.call<number>({ type: 'reset' });
  }
  async close() {
    const worker = this.worker;
    this.worker = null;
    if (worker) await worker.terminate();
  }
}

/** A worker thread when the compiled worker exists, else inline (and the caller is told which). */
export function createEngineHost(prefer: 'worker' | 'inline' = 'worker', heapMb?: number): MatchEngineHost {
  const script = prefer === 'worker' ? workerScriptPath() : null;
  return script ? new WorkerEngineHost(script, heapMb) : new InlineEngineHost();
}
