import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { type AuditEvent, AuditService } from '../audit/audit.service.js';
import type { Actor } from '../auth/actor.js';
import { ConflictError } from '../common/errors.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { enqueueForensicRequests, forensicRequestAudits } from '../identification/forensic-requests.js';
import { notifyPartners } from '../notifications/notify.js';
import { deliveryView, OutboxMessage } from '../outbox/outbox-message.entity.js';
import { applyConfirmation, CONSEQUENCES_LOCK, undoConfirmation, writeAlertEvent } from './alert-consequences.js';
import { AlertDecision } from './alert-decision.entity.js';
import { AlertNote } from './alert-note.entity.js';
import { Alert, type AlertStatus, type Decision, OPEN_STATUSES } from './alert.entity.js';
import { AlertsService, currentState, decisionView, liveClaim, type PrincipalNames } from './alerts.service.js';


const isOpen = (status: AlertStatus) => (OPEN_STATUSES as readonly AlertStatus[]).includes(status);

/**
 * The review workflow: claims, decisions and their consequences, admin reversals, notes. Every step is one
 * transaction holding the alert's row lock, with its history, decision row and audit entries.
 */
@Injectable()
export class AlertReviewService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly alerts: AlertsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Assigns the alert to the caller until the claim expires. A live claim of someone else is taken over only
   * with `takeover: true`, and that is recorded. Concurrent claims are serialized by the row lock and the
   * conditional UPDATE: exactly one wins, the others get 409 with the winner's claim.
   */
  async claim(id: string, actor: Actor, input: { takeover?: boolean; reason?: string }) {
    return this.dataSource.transaction(async (manager) => {
      const alert = await this.alerts.findVisible(id, actor, manager);
      const names = await this.alerts.names([alert.claimedByKeyId, actor.keyId], manager);
      if (!isOpen(alert.status)) {
        throw new ConflictError(`The alert is ${alert.status}; only pending, in_review or needs_info alerts can be claimed`, undefined, { current: currentState(alert, names) });
      }
      const holder = liveClaim(alert);
      const takeover = holder !== null && holder.keyId !== actor.keyId;
      if (takeover && input.takeover !== true) {
        throw new ConflictError(
          'The alert is claimed by another reviewer',
          [{ field: 'takeover', reason: 'must be true to take over a claim another reviewer holds' }],
          { current: currentState(alert, names) },
        );
      }
      const [rows] = (await manager.query(
        `UPDATE alerts SET claimed_by_key_id = $2, claimed_at = now(), claim_expires_at = now() + make_interval(mins => $3),
                status = 'in_review', updated_at = now()
         WHERE id = $1 AND status IN ('pending', 'in_review', 'needs_info')
           AND (claimed_by_key_id IS NULL OR claim_expires_at <= now() OR claimed_by_key_id = $2 OR $4::boolean)
         RETURNING id`,
        [id, actor.keyId, this.config.CLAIM_TTL_MINUTES, takeover],
      )) as [{ id: string }[], number];
      if (rows.length !== 1) throw new ConflictError('The alert could not be claimed', undefined, { current: currentState(alert, names) });
      const updated = (await manager.getRepository(Alert).findOneBy({ id }))!;
      const event = takeover ? 'claim_taken_over' : holder ? 'claim_renewed' : 'claimed';
      await this.event(manager, updated, event, alert.status, actor, takeover ? (input.reason ?? null) : null, takeover ? { previousKeyId: holder!.keyId } : null);
      await this.audit.record(
        { action: `alert.${event}`, entityType: 'alert', entityId: id, details: { expiresAt: updated.claimExpiresAt!.toISOString(), ...(takeover ? { previousKeyId: holder!.keyId } : {}) } },
        actor,
        manager,
      );
      return currentState(updated, names);
    });
  }

  /** Gives a claim back before it expires (only its holder can). */
  async release(id: string, actor: Actor) {
    return this.dataSource.transaction(async (manager) => {
      const alert = await this.alerts.findVisible(id, actor, manager);
      const holder = liveClaim(alert);
      if (!holder || holder.keyId !== actor.keyId) {
        const names = await this.alerts.names([alert.claimedByKeyId], manager);
        throw new ConflictError('Only the reviewer holding a live claim can release it', undefined, { current: currentState(alert, names) });
      }
      const status: AlertStatus = alert.status === 'in_review' ? (alert.lastDecision === 'needs_info' ? 'needs_info' : 'pending') : alert.status;
      await manager.query(
        `UPDATE alerts SET claimed_by_key_id = NULL, claimed_at = NULL, claim_expires_at = NULL, status = $2, updated_at = now() WHERE id = $1`,
        [id, status],
      );
      const updated = (await manager.getRepository(Alert).findOneBy({ id }))!;
      await this.event(manager, updated, 'claim_released', alert.status, actor, null, null);
      await this.audit.record({ action: 'alert.claim_released', entityType: 'alert', entityId: id }, actor, manager);
      return currentState(updated);
    });
  }

  /**
   * Records a decision on the evidence version the reviewer read; 409 with the current state when the alert was
   * decided, is not claimed by the caller, or its evidence changed since. A confirmation marks the missing report
   * located and supersedes the other open alerts of both records; a rejection keeps the weight so that future
   * runs leave the pair alone (see AlertWriter). All in one transaction.
   */
  async decide(id: string, actor: Actor, input: { decision: Decision; reason: string; note?: string; evidenceVersion: number }) {
    return this.dataSource.transaction(async (manager) => {
      if (input.decision === 'confirmed') await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [CONSEQUENCES_LOCK]);
      const alert = await this.alerts.findVisible(id, actor, manager);
      const names = await this.alerts.names([alert.claimedByKeyId, actor.keyId], manager);
      const current = { current: currentState(alert, names) };
      if (!isOpen(alert.status)) throw new ConflictError(`The alert is already ${alert.status}`, undefined, current);
      const holder = liveClaim(alert);
      if (!holder) throw new ConflictError('Claim the alert before deciding (POST /api/v1/alerts/:id/claim)', undefined, current);
      if (holder.keyId !== actor.keyId) throw new ConflictError('The alert is claimed by another reviewer', undefined, current);
      if (input.evidenceVersion !== alert.evidenceVersion) {
        throw new ConflictError(
          'The evidence changed since it was read',
          [{ field: 'evidenceVersion', reason: `is ${input.evidenceVersion} but the evidence is now at version ${alert.evidenceVersion}; read the alert again` }],
          current,
        );
      }
      const decisions = manager.getRepository(AlertDecision);
      const decision = await decisions.save(
        decisions.create({
          alertId: id,
          reviewRound: alert.reviewRound,
          decision: input.decision,
          reason: input.reason,
          note: input.note ?? null,
          evidenceVersion: alert.evidenceVersion,
          decidedByKeyId: actor.keyId,
          organizationId: actor.organizationId,
          reversesDecisionId: null,
          source: 'reviewer',
          identificationResultId: null,
        }),
      );
      const from = alert.status;
      await manager.query(
        `UPDATE alerts SET status = $2, last_decision = $2, status_reason = NULL, rejected_weight = CASE WHEN $2 = 'rejected' THEN match_weight ELSE rejected_weight END,
                claimed_by_key_id = NULL, claimed_at = NULL, claim_expires_at = NULL, updated_at = now()
         WHERE id = $1`,
        [id, input.decision],
      );
      const updated = (await manager.getRepository(Alert).findOneBy({ id }))!;
      await this.event(manager, updated, 'decided', from, actor, null, { decisionId: decision.id, decision: input.decision });
      const audits: AuditEvent[] = [{ action: 'alert.decided', entityType: 'alert', entityId: id, details: { decisionId: decision.id, decision: input.decision, evidenceVersion: alert.evidenceVersion, reviewRound: alert.reviewRound } }];
      let superseded: string[] = [];
      let forensicRequests: { id: string }[] = [];
      const notice = { alertId: id, missingReportId: alert.missingReportId, suspectedVictimId: alert.suspectedVictimId };
      await notifyPartners(manager, 'alert.decided', [{ ...notice, data: { decision: input.decision, source: 'reviewer', status: updated.status } }]);
      if (input.decision === 'confirmed') {
        const consequences = await applyConfirmation(manager, updated, actor.keyId, current);
        superseded = consequences.superseded;
        audits.push({ action: 'record.located', entityType: 'missing_report', entityId: alert.missingReportId, details: { alertId: id, condition: consequences.condition } });
        for (const sibling of superseded) audits.push({ action: 'alert.superseded', entityType: 'alert', entityId: sibling, details: { byAlertId: id } });
        await notifyPartners(manager, 'record.located', [{ ...notice, data: { condition: consequences.condition } }]);
        // The confirmed lead goes to the human identification system, in this transaction (outbox).
        const requests = await enqueueForensicRequests(manager, this.config, updated, actor, input.reason, 'confirmation');
        audits.push(...forensicRequestAudits(id, requests, 'confirmation'));
        forensicRequests = requests;
      }
      await this.audit.recordMany(audits, actor, manager);
      return { alert: currentState(updated, names), decision: decisionView(decision, names), superseded, forensicRequests: forensicRequests.map((r) => r.id) };
    });
  }

  /**
   * An admin reverses a confirmation, with a reason, as a new decision entry: the alert returns to pending, the
   * report is no longer located, and the alerts it superseded return to pending (unless another confirmation
   * now covers one of their records, which then supersedes them instead).
   */
  async reverse(id: string, actor: Actor, input: { reason: string }) {
    return this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [CONSEQUENCES_LOCK]);
      const alert = await this.alerts.findVisible(id, actor, manager);
      if (alert.status !== 'confirmed') throw new ConflictError(`Only a confirmed alert can be reversed; this one is ${alert.status}`, undefined, { current: currentState(alert) });
      const [confirmation]: { id: string }[] = await manager.query(
        `SELECT d.id FROM alert_decisions d WHERE d.alert_id = $1 AND d.decision = 'confirmed'
           AND NOT EXISTS (SELECT 1 FROM alert_decisions r WHERE r.reverses_decision_id = d.id)
         ORDER BY d.id DESC LIMIT 1`,
        [id],
      );
      if (!confirmation) throw new ConflictError('The alert has no confirmation in force to reverse', undefined, { current: currentState(alert) });
      const decisions = manager.getRepository(AlertDecision);
      const reversal = await decisions.save(
        decisions.create({
          alertId: id,
          reviewRound: alert.reviewRound,
          decision: 'reversed',
          reason: input.reason,
          note: null,
          evidenceVersion: alert.evidenceVersion,
          decidedByKeyId: actor.keyId,
          organizationId: actor.organizationId,
          reversesDecisionId: confirmation.id,
          source: 'reviewer',
          identificationResultId: null,
        }),
      );
      await manager.query(
        `UPDATE alerts SET status = 'pending', last_decision = NULL, status_reason = 'confirmation reversed by an administrator', updated_at = now() WHERE id = $1`,
        [id],
      );
      const updated = (await manager.getRepository(Alert).findOneBy({ id }))!;
      await this.event(manager, updated, 'reversed', 'confirmed', actor, null, { decisionId: reversal.id, reversesDecisionId: confirmation.id });
      const restoredAlerts = await undoConfirmation(manager, alert, actor.keyId);
      await this.audit.recordMany(
        [
          { action: 'alert.decision_reversed', entityType: 'alert', entityId: id, details: { decisionId: reversal.id, reversesDecisionId: confirmation.id } },
          { action: 'record.located_reversed', entityType: 'missing_report', entityId: alert.missingReportId, details: { alertId: id } },
          ...restoredAlerts.map((a) => ({ action: 'alert.restored', entityType: 'alert', entityId: a.id, details: { reversedAlertId: id } })),
        ],
        actor,
        manager,
      );
      const names = await this.alerts.names([actor.keyId], manager);
      return { alert: currentState(updated, names), decision: decisionView(reversal, names), restored: restoredAlerts.map((a) => a.id) };
    });
  }

  async notes(id: string, actor: Actor) {
    await this.alerts.findVisible(id, actor);
    const notes = await this.dataSource.getRepository(AlertNote).find({ where: { alertId: id }, order: { id: 'ASC' } });
    await this.audit.record({ action: 'alert.notes_read', entityType: 'alert', entityId: id, details: { noteIds: notes.map((n) => n.id) } }, actor);
    const names = await this.alerts.names(notes.map((n) => n.authorKeyId));
    return { items: notes.map((n) => noteView(n, names)) };
  }

  async addNote(id: string, actor: Actor, input: { body: string }) {
    return this.dataSource.transaction(async (manager) => {
      await this.alerts.findVisible(id, actor, manager);
      const repo = manager.getRepository(AlertNote);
      const note = await repo.save(repo.create({ alertId: id, authorKeyId: actor.keyId, organizationId: actor.organizationId, body: input.body }));
      await this.audit.record({ action: 'alert.note_added', entityType: 'alert', entityId: id, details: { noteId: note.id } }, actor, manager);
      return noteView(note, await this.alerts.names([actor.keyId], manager));
    });
  }

  private async event(manager: EntityManager, alert: Alert, event: string, from: AlertStatus | null, actor: Actor, reason: string | null, details: Record<string, unknown> | null) {
    await writeAlertEvent(manager, alert, event, from, actor.keyId, reason, details);
  }

  /**
   * An investigator asks the identification system(s) for a forensic comparison of the alert's pair, with a
   * reason. Written to the outbox in this transaction; 409 when no system is configured for the records' countries.
   */
  async requestForensic(id: string, actor: Actor, input: { reason: string }) {
    return this.dataSource.transaction(async (manager) => {
      const alert = await this.alerts.findVisible(id, actor, manager);
      const requests = await enqueueForensicRequests(manager, this.config, alert, actor, input.reason, 'explicit');
      if (requests.length === 0) throw new ConflictError('No identification system is configured for the countries of this alert\'s records (IDENTIFICATION_SYSTEMS)');
      await writeAlertEvent(manager, alert, 'forensic_requested', alert.status, actor.keyId, null, { requestIds: requests.map((r) => r.id) });
      await this.audit.recordMany(forensicRequestAudits(id, requests, 'explicit'), actor, manager);
      const rows = await manager.getRepository(OutboxMessage).findBy(requests.map((r) => ({ id: r.id })));
      return { items: rows.map(forensicRequestView) };
    });
  }

  /** The forensic requests of a visible alert, oldest first, with their delivery state. */
  async forensicRequests(id: string, actor: Actor) {
    await this.alerts.findVisible(id, actor);
    const rows = await this.dataSource.getRepository(OutboxMessage).find({ where: { alertId: id, kind: 'forensic_request' }, order: { createdAt: 'ASC', id: 'ASC' } });
    const results: { id: string; result: string; method: string; resultDate: string; outcome: string; requestId: string | null; receivedAt: Date }[] = await this.dataSource.query(
      `SELECT id, result, method, to_char(result_date, 'YYYY-MM-DD') AS "resultDate", outcome, request_id AS "requestId", received_at AS "receivedAt"
       FROM identification_results WHERE alert_id = $1 ORDER BY received_at, id`,
      [id],
    );
    await this.audit.record({ action: 'forensic.read', entityType: 'alert', entityId: id, details: { requestIds: rows.map((r) => r.id), resultIds: results.map((r) => r.id) } }, actor);
    return {
      items: rows.map(forensicRequestView),
      results: results.map((r) => ({ ...r, receivedAt: new Date(r.receivedAt).toISOString() })),
    };
  }
}

function noteView(n: AlertNote, names: PrincipalNames) {
  return { id: n.id, body: n.body, authorKeyId: n.authorKeyId, authorName: names.get(n.authorKeyId) ?? null, organizationId: n.organizationId, createdAt: n.createdAt.toISOString() };
}

function forensicRequestView(m: OutboxMessage) {
  const { id, target, status, attempts, nextAttemptAt, lastAttemptAt, lastError, lastStatusCode, deliveredAt, createdAt } = deliveryView(m);
  return { requestId: id, system: target, trigger: (m.payload.trigger as string) ?? null, status, attempts, nextAttemptAt, lastAttemptAt, lastError, lastStatusCode, deliveredAt, createdAt };
}
