import { Injectable } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { AuthenticatedRequest } from './actor.js';

/**
 * Rate limit per API key (RATE_LIMIT_PER_MINUTE). Runs after the AuthGuard, so the key is known; requests
 * without one (health, docs) are counted per client address.
 */
@Injectable()
export class KeyThrottlerGuard extends ThrottlerGuard {
  protected override async getTracker(req: Record<string, unknown>): Promise<string> {
    const request = req as unknown as AuthenticatedRequest;
    return request.actor ? `key:${request.actor.keyId}` : `ip:${request.ip ?? 'unknown'}`;
  }
}
