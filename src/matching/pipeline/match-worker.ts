/**
 * Worker-thread entry: holds a MatchSession and answers the main thread's `sync` and `run` messages, so that
 * preparing, blocking and scoring never run on the HTTP event loop.
 */
import { parentPort } from 'node:worker_threads';
import { MatchSession, type RunRequest, type VersionedRecord } from './match-session.js';

export type WorkerRequest =
  | { id: number; type: 'sync'; records: VersionedRecord[] }
  | { id: number; type: 'run'; request: RunRequest }
  | { id: number; type: 'next'; max: number }
  | { id: number; type: 'reset' };

export type WorkerResponse = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: string };

if (parentPort) {
  const port = parentPort;
  let session = new MatchSession();
  port.on('message', (message: WorkerRequest) => {
    try {
      let value: unknown;
      if (message.type === 'sync') value = session.sync(message.records);
      else if (message.type === 'run') value = session.run(message.request);
      else if (message.type === 'next') value = session.next(message.max);
      else {
        session = new MatchSession();
        value = 0;
      }
      port.postMessage({ id: message.id, ok: true, value } satisfies WorkerResponse);
    } catch (err) {
      // Only the error's type: messages could quote record content.
      port.postMessage({ id: message.id, ok: false, error: err instanceof Error ? `${err.name}: ${err.stack?.split('\n')[1]?.trim() ?? ''}` : 'error' } satisfies WorkerResponse);
    }
  });
}
