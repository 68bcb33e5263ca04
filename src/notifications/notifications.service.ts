import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { Actor } from '../auth/actor.js';
import { ConflictError, NotFoundError, ValidationFailedError } from '../common/errors.js';
import { Organization } from '../organizations/organization.entity.js';
import type { CreateWebhookSubscriptionDto } from './dto/webhook.dto.js';
import { subscriptionView, WebhookSubscription } from './webhook-subscription.entity.js';

/** Partner webhook subscriptions, managed by administrators. */
@Injectable()
export class NotificationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async create(input: CreateWebhookSubscriptionDto, actor: Actor) {
    return this.dataSource.transaction(async (manager) => {
      if (!(await manager.getRepository(Organization).existsBy({ id: input.organizationId }))) {
        throw new ValidationFailedError([{ field: 'organizationId', reason: 'is not a known organization' }]);
      }
      const secret = `whsec_${randomBytes(32).toString('base64url')}`;
      const repo = manager.getRepository(WebhookSubscription);
      const saved = await repo.save(repo.create({ organizationId: input.organizationId, url: input.url, events: input.events, secret, active: true, createdByKeyId: actor.keyId }));
      const stored = (await repo.findOneBy({ id: saved.id }))!;
      await this.audit.record({ action: 'webhook.created', entityType: 'webhook_subscription', entityId: saved.id, details: { organizationId: input.organizationId, events: input.events } }, actor, manager);
      return { ...subscriptionView(stored), secret };
    });
  }

  async list(actor: Actor) {
    const rows = await this.dataSource.getRepository(WebhookSubscription).find({ order: { createdAt: 'DESC' } });
    await this.audit.record({ action: 'webhook.list', entityType: 'webhook_subscription' }, actor);
    return { items: rows.map(subscriptionView) };
  }

  /** Stops deliveries: pending messages of the subscription fail at their next attempt. */
  async deactivate(id: string, actor: Actor) {
    return this.dataSource.transaction(async (manager) => {
      const repo = manager.getRepository(WebhookSubscription);
      const found = await repo.findOneBy({ id });
      if (!found) throw new NotFoundError(`No webhook subscription with id ${id}`);
      if (!found.active) throw new ConflictError('The subscription is already deactivated');
      await manager.query(`UPDATE webhook_subscriptions SET active = false, deactivated_at = now() WHERE id = $1`, [id]);
      await this.audit.record({ action: 'webhook.deactivated', entityType: 'webhook_subscription', entityId: id }, actor, manager);
      return subscriptionView((await repo.findOneBy({ id }))!);
    });
  }
}
