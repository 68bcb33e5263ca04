import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Writable } from 'node:stream';
import type { Params } from 'nestjs-pino';
import type { Options } from 'pino-http';

/**
 * Structured JSON logs without personal data: requests are logged by method, path (no query string: search
 * filters could carry names), status and timing; headers and bodies are never logged.
 */
export function loggerOptions(level: string, stream?: Writable): Params {
  const options = {
      level,
      genReqId: (req: IncomingMessage, res: ServerResponse) => {
        const given = req.headers['x-request-id'];
        const id = typeof given === 'string' && /^[\w-]{1,64}$/.test(given) ? given : randomUUID();
        res.setHeader('x-request-id', id);
        return id;
      },
      serializers: {
        req: (req: { id?: unknown; method?: string; url?: string }) => ({ id: req.id, method: req.method, path: req.url?.split('?')[0] }),
        res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
        err: (err: { type?: string; name?: string; code?: string }) => ({ type: err?.type ?? err?.name, code: err?.code }),
      },
      redact: { paths: ['req.headers', 'req.body', 'res.headers'], remove: true },
      customProps: () => ({ service: 'cbmp' }),
  } satisfies Options;
  return { pinoHttp: stream ? [options, stream] : options };
}
