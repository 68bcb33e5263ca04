import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import type { Response } from 'express';
import { TooManyRequestsError } from '../common/errors.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import type { AuthenticatedRequest } from './actor.js';

const WINDOW_MS = 60_000;

/**
 * Rate limit per API key: RATE_LIMIT_PER_MINUTE requests in a fixed one-minute window (per client address for
 * requests without a key, such as /health). Runs after the AuthGuard, so the key is known. Counts live in this
 * process: with several instances each allows the limit.
 *
 * (@nestjs/throttler was the intended tool, but its latest release, 6.7.1, is CommonJS and require()s the
 * ESM-only @nestjs/common 12, which Jest cannot load on Node 20: see docs/security.md.)
 */
@Injectable()
export class RateLimitGuard implements CanActivate {
  private readonly windows = new Map<string, { start: number; count: number }>();
  private lastSweep = Date.now();

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  canActivate(context: ExecutionContext): boolean {
    const http = context.switchToHttp();
    const request = http.getRequest<AuthenticatedRequest>();
    const response = http.getResponse<Response>();
    const now = Date.now();
    this.sweep(now);
    const tracker = request.actor ? `key:${request.actor.keyId}` : `ip:${request.ip ?? 'unknown'}`;
    let window = this.windows.get(tracker);
    if (!window || now - window.start >= WINDOW_MS) {
      window = { start: now, count: 0 };
      this.windows.set(tracker, window);
    }
    window.count++;
    const limit = this.config.RATE_LIMIT_PER_MINUTE;
    const resetSeconds = Math.ceil((window.start + WINDOW_MS - now) / 1000);
    response.setHeader('RateLimit-Limit', String(limit));
    response.setHeader('RateLimit-Remaining', String(Math.max(0, limit - window.count)));
    response.setHeader('RateLimit-Reset', String(resetSeconds));
    if (window.count > limit) {
      response.setHeader('Retry-After', String(resetSeconds));
      throw new TooManyRequestsError(`More than ${limit} requests a minute with this key; retry in ${resetSeconds} s`);
    }
    return true;
  }

  /** Forgets finished windows now and then, so the map holds only recent callers. */
  private sweep(now: number): void {
    if (now - this.lastSweep < WINDOW_MS) return;
    this.lastSweep = now;
    for (const [tracker, window] of this.windows) if (now - window.start >= WINDOW_MS) this.windows.delete(tracker);
  }
}
