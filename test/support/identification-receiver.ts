import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sign, verifySignature } from '../../src/outbox/signing.js';

/** One request as the receiver saw it. */
export interface Arrival {
  idempotencyKey: string | null;
  event: string | null;
  signatureValid: boolean;
  /** Whether this idempotency key had been seen before (the receiver then answers 200 without acting again). */
  duplicate: boolean;
  body: Record<string, unknown>;
  headers: IncomingMessage['headers'];
}

/**
 * A stand-in for the human identification system (or a partner's webhook endpoint) on 127.0.0.1, for tests and
 * local development: it checks the signature of every POST with the shared secret, deduplicates by
 * Idempotency-Key as a real receiver should, and keeps what arrived. It can be stopped and started again on the
 * same port ("down for a while"), or made to answer an error status.
 */
export class IdentificationReceiver {
  readonly arrivals: Arrival[] = [];
  private server: Server | null = null;
  private portNumber = 0;
  /** When set, every request is answered with this status (and not counted as accepted). */
  failWith: number | null = null;

  constructor(readonly secret: string) {}

  get port(): number {
    return this.portNumber;
  }

  get url(): string {
    return `http://127.0.0.1:${this.portNumber}/forensic-requests`;
  }

  /** Distinct idempotency keys that arrived with a valid signature and were accepted. */
  acceptedKeys(): string[] {
    return [...new Set(this.arrivals.filter((a) => a.signatureValid && a.idempotencyKey && !this.failWith).map((a) => a.idempotencyKey!))];
  }

  async start(port = this.portNumber): Promise<this> {
    const seen = new Set(this.arrivals.filter((a) => a.signatureValid).map((a) => a.idempotencyKey));
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const raw = Buffer.concat(chunks);
        const header = (name: string) => (typeof req.headers[name] === 'string' ? (req.headers[name] as string) : undefined);
        const signatureValid = verifySignature(this.secret, header('x-cbmp-timestamp'), header('x-cbmp-signature'), raw, 300) === null;
        const idempotencyKey = header('idempotency-key') ?? null;
        const duplicate = seen.has(idempotencyKey);
        let body: Record<string, unknown> = {};
        try {
          body = JSON.parse(raw.toString('utf8')) as Record<string, unknown>;
        } catch {
          // kept empty
        }
        this.arrivals.push({ idempotencyKey, event: header('x-cbmp-event') ?? null, signatureValid, duplicate, body, headers: req.headers });
        if (this.failWith) {
          res.writeHead(this.failWith).end();
          return;
        }
        if (!signatureValid) {
          res.writeHead(401).end();
          return;
        }
        seen.add(idempotencyKey);
        res.writeHead(duplicate ? 200 : 202, { 'Content-Type': 'application/json' }).end(JSON.stringify({ received: idempotencyKey }));
      });
    });
    await new Promise<void>((resolve, reject) => {
      this.server!.once('error', reject);
      this.server!.listen(port, '127.0.0.1', () => resolve());
    });
    this.portNumber = (this.server.address() as AddressInfo).port;
    return this;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

/** Signed headers for a message to the service, as the identification system sends them. */
export function signedHeaders(system: string, secret: string, body: string, at = new Date()): Record<string, string> {
  const timestamp = Math.floor(at.getTime() / 1000);
  return { 'Content-Type': 'application/json', 'X-CBMP-System': system, 'X-CBMP-Timestamp': String(timestamp), 'X-CBMP-Signature': sign(secret, timestamp, body) };
}
