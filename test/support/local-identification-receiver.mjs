#!/usr/bin/env node
// A stand-in for the human identification system, for local development (the tests use identification-receiver.ts).
//
//   SECRET=<the secret in IDENTIFICATION_SYSTEMS> PORT=4010 node test/support/local-identification-receiver.mjs
//     receives forensic comparison requests on http://127.0.0.1:4010/requests, checks their signatures, prints
//     requestId, alertId and whether the Idempotency-Key was new (never the records), answers 202 (200 for a repeat).
//
//   SECRET=… SYSTEM=snih SERVICE=http://localhost:3000 node test/support/local-identification-receiver.mjs send '{"requestId":"…","identificationCaseId":"SNIH-1","result":"identified","method":"DNA","date":"2026-11-20"}'
//     signs a result and sends it to the service's POST /api/v1/identification/results.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer } from 'node:http';

const secret = process.env.SECRET;
if (!secret || secret.length < 32) {
  console.error('Set SECRET to the identification system secret (at least 32 characters).');
  process.exit(2);
}
const sign = (timestamp, body) => `v1=${createHmac('sha256', secret).update(`${timestamp}.`).update(body).digest('hex')}`;

if (process.argv[2] === 'send') {
  const body = process.argv[3] ?? '';
  const timestamp = Math.floor(Date.now() / 1000);
  const res = await fetch(`${process.env.SERVICE ?? 'http://localhost:3000'}/api/v1/identification/results`, {
    method: 'POST',
    body,
    headers: { 'Content-Type': 'application/json', 'X-CBMP-System': process.env.SYSTEM ?? 'snih', 'X-CBMP-Timestamp': String(timestamp), 'X-CBMP-Signature': sign(timestamp, body) },
  });
  console.log(res.status, await res.text());
} else {
  const seen = new Set();
  const port = Number(process.env.PORT ?? 4010);
  createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks);
      const ts = String(req.headers['x-cbmp-timestamp'] ?? '');
      const expected = Buffer.from(sign(ts, raw));
      const given = Buffer.from(String(req.headers['x-cbmp-signature'] ?? ''));
      const valid = expected.length === given.length && timingSafeEqual(expected, given) && Math.abs(Date.now() / 1000 - Number(ts)) <= 300;
      const key = req.headers['idempotency-key'];
      if (!valid) {
        console.log('refused: bad signature or stale timestamp');
        res.writeHead(401).end();
        return;
      }
      const body = JSON.parse(raw.toString('utf8'));
      const repeat = seen.has(key);
      seen.add(key);
      console.log(JSON.stringify({ event: req.headers['x-cbmp-event'], idempotencyKey: key, requestId: body.requestId ?? null, alertId: body.alertId ?? null, repeat }));
      res.writeHead(repeat ? 200 : 202).end();
    });
  }).listen(port, '127.0.0.1', () => console.log(`identification receiver on http://127.0.0.1:${port}/requests`));
}
