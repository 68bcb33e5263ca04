import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The one signature scheme of both directions (outgoing requests and webhooks, incoming identification results):
 * `X-CBMP-Signature: v1=<hex HMAC-SHA256(secret, "<timestamp>.<raw body>")>` with
 * `X-CBMP-Timestamp: <unix seconds>`. The timestamp is inside the signed text, so it cannot be changed alone.
 */
export const SIGNATURE_HEADER = 'x-cbmp-signature';
export const TIMESTAMP_HEADER = 'x-cbmp-timestamp';
export const SYSTEM_HEADER = 'x-cbmp-system';
export const EVENT_HEADER = 'x-cbmp-event';
export const IDEMPOTENCY_HEADER = 'idempotency-key';

export function sign(secret: string, timestamp: number | string, body: string | Buffer): string {
  const mac = createHmac('sha256', secret);
  mac.update(`${timestamp}.`, 'utf8');
  mac.update(body);
  return `v1=${mac.digest('hex')}`;
}

/** Headers of a signed message: timestamp and signature. */
export function signatureHeaders(secret: string, body: string, now = new Date()): Record<string, string> {
  const timestamp = Math.floor(now.getTime() / 1000);
  return { 'X-CBMP-Timestamp': String(timestamp), 'X-CBMP-Signature': sign(secret, timestamp, body) };
}

export type SignatureProblem = 'missing' | 'malformed_timestamp' | 'stale_timestamp' | 'bad_signature';

/** Checks a signature in constant time and the timestamp against the tolerance; the problem, or null. */
export function verifySignature(
  secret: string,
  timestamp: string | undefined,
  signature: string | undefined,
  body: Buffer,
  toleranceSeconds: number,
  now = new Date(),
): SignatureProblem | null {
  if (!timestamp || !signature) return 'missing';
  if (!/^\d{1,12}$/.test(timestamp)) return 'malformed_timestamp';
  if (Math.abs(now.getTime() / 1000 - Number(timestamp)) > toleranceSeconds) return 'stale_timestamp';
  const expected = Buffer.from(sign(secret, timestamp, body), 'utf8');
  const presented = Buffer.from(signature.trim(), 'utf8');
  if (expected.length !== presented.length || !timingSafeEqual(expected, presented)) return 'bad_signature';
  return null;
}

/** Retry delay after the given number of failed attempts: base × 2^(attempts − 1), capped. */
export function backoffSeconds(attempts: number, baseSeconds: number, capSeconds: number): number {
  return Math.min(capSeconds, baseSeconds * 2 ** Math.max(0, Math.min(30, attempts - 1)));
}
