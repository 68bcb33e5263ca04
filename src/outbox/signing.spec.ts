import { backoffSeconds, sign, verifySignature } from './signing.js';

const SECRET = 'a-shared-secret-of-at-least-32-characters';

describe('signatures', () => {
  const now = new Date('2026-11-29T06:00:00Z');
  const ts = String(Math.floor(now.getTime() / 1000));
  const body = Buffer.from('{"identificationCaseId":"SNIH-1","result":"identified"}');

  it('accepts its own signature and is stable', () => {
    expect(sign(SECRET, ts, body)).toMatch(/^v1=[0-9a-f]{64}$/);
    expect(sign(SECRET, ts, body)).toBe(sign(SECRET, Number(ts), body.toString()));
    expect(verifySignature(SECRET, ts, sign(SECRET, ts, body), body, 300, now)).toBeNull();
  });

  it.each([
    ['another secret', () => verifySignature('another-secret-of-at-least-32-characters', ts, sign(SECRET, ts, body), body, 300, now), 'bad_signature'],
    ['a changed body', () => verifySignature(SECRET, ts, sign(SECRET, ts, body), Buffer.from('{}'), 300, now), 'bad_signature'],
    ['a changed timestamp', () => verifySignature(SECRET, String(Number(ts) + 1), sign(SECRET, ts, body), body, 300, now), 'bad_signature'],
    ['an old timestamp', () => verifySignature(SECRET, String(Number(ts) - 301), sign(SECRET, Number(ts) - 301, body), body, 300, now), 'stale_timestamp'],
    ['a future timestamp', () => verifySignature(SECRET, String(Number(ts) + 301), sign(SECRET, Number(ts) + 301, body), body, 300, now), 'stale_timestamp'],
    ['no signature', () => verifySignature(SECRET, ts, undefined, body, 300, now), 'missing'],
    ['a timestamp in milliseconds text', () => verifySignature(SECRET, '2026-11-29', 'v1=00', body, 300, now), 'malformed_timestamp'],
  ])('refuses %s', (_name, check, problem) => {
    expect(check()).toBe(problem);
  });

  it.each([
    [1, 10],
    [2, 20],
    [3, 40],
    [9, 2560],
    [10, 3600],
    [60, 3600],
  ])('backs off after %i attempts by %i s', (attempts, seconds) => {
    expect(backoffSeconds(attempts, 10, 3600)).toBe(seconds);
  });
});
