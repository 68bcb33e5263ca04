import { type CanActivate, type ExecutionContext, Inject, Injectable, Logger } from '@nestjs/common';
import type { Request } from 'express';
import { UnauthenticatedError } from '../common/errors.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { SIGNATURE_HEADER, SYSTEM_HEADER, TIMESTAMP_HEADER, verifySignature } from '../outbox/signing.js';

export type SignedRequest = Request & { rawBody?: Buffer; signed?: { system: string; signature: string } };

const REASONS: Record<string, string> = {
  missing: 'is missing (send X-CBMP-Timestamp and X-CBMP-Signature)',
  malformed_timestamp: 'must be a Unix time in seconds',
  stale_timestamp: 'is outside the accepted window',
  bad_signature: 'does not match the body and timestamp',
};

/**
 * Authenticates an inbound message by its HMAC-SHA256 signature (an identification system's shared secret, named
 * by X-CBMP-System) over the timestamp and the raw body bytes; a stale timestamp or a bad signature gets 401.
 * Replays are refused later, in the service's transaction, by the seen-signature table.
 */
@Injectable()
export class SignatureGuard implements CanActivate {
  private readonly logger = new Logger(SignatureGuard.name);

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<SignedRequest>();
    const header = (name: string) => {
      const value = request.headers[name];
      return typeof value === 'string' ? value : undefined;
    };
    const systemId = header(SYSTEM_HEADER);
    const system = this.config.IDENTIFICATION_SYSTEMS.find((s) => s.id === systemId);
    if (!system) {
      this.logger.warn({ reason: 'unknown_system' }, 'signed request refused');
      throw new UnauthenticatedError('The message is not signed by a known identification system', [{ field: 'X-CBMP-System', reason: 'is not a configured identification system' }]);
    }
    const signature = header(SIGNATURE_HEADER);
    const timestamp = header(TIMESTAMP_HEADER);
    const problem = verifySignature(system.secret, timestamp, signature, request.rawBody ?? Buffer.alloc(0), this.config.SIGNATURE_TOLERANCE_SECONDS);
    if (problem) {
      this.logger.warn({ system: system.id, reason: problem }, 'signed request refused');
      const field = problem === 'malformed_timestamp' || problem === 'stale_timestamp' ? 'X-CBMP-Timestamp' : 'X-CBMP-Signature';
      throw new UnauthenticatedError('The message signature is not valid', [{ field, reason: REASONS[problem] }]);
    }
    request.signed = { system: system.id, signature: signature!.trim() };
    return true;
  }
}
