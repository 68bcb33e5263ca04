/**
 * Worker-thread entry: holds a MatchSession and answers the main thread's messages, so that preparing, blocking
 * and scoring never run on the HTTP event loop. After `start`, a full run is scored a slice of reports at a time
 * in the background (one slice per turn of this thread's event loop), and `next` and `summary` are answered
 * between slices: the main thread writes the alerts found so far while the rest are scored.
 */
import { parentPort } from 'node:worker_threads';
import { MatchSession, SCORE_SLICE_REPORTS, type RunRequest, type VersionedRecord } from './match-session.js';

export type WorkerRequest =
  | { id: number; type: 'sync'; records: VersionedRecord[] }
  | { id: number; type: 'run'; request: RunRequest }
  | { id: number; type: 'start'; request: RunRequest }
  | { id: number; type: 'summary' }
  | { id: number; type: 'next'; max: number }
  | { id: number; type: 'reset' };

export type WorkerResponse = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: string };

if (parentPort) {
  const port = parentPort;
  let session = new MatchSession();
  // Scores the started run slice by slice, yielding between slices so that messages are answered.
  const pump = (owner: MatchSession) => {
    if (owner !== session || !owner.scoring) return;
    owner.advance(SCORE_SLICE_REPORTS);
    setImmediate(pump, owner);
  };
  port.on('message', (message: WorkerRequest) => {
    try {
      let value: unknown;
      if (message.type === 'sync') value = session.sync(message.records);
      else if (message.type === 'run') value = session.run(message.request);
      else if (message.type === 'start') {
        value = session.start(message.request);
        setImmediate(pump, session);
      } else if (message.type === 'next') value = session.next(message.max);
      else if (message.type === 'summary') value = session.complete();
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
