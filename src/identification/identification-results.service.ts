import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { applyConfirmation, CONSEQUENCES_LOCK, otherConfirmation, undoConfirmation, writeAlertEvent } from '../alerts/alert-consequences.js';
import { AlertDecision } from '../alerts/alert-decision.entity.js';
import { Alert, type AlertStatus, OPEN_STATUSES } from '../alerts/alert.entity.js';
import { type AuditActor, type AuditEvent, AuditService } from '../audit/audit.service.js';
import { UnauthenticatedError, ValidationFailedError } from '../common/errors.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { notifyPartners } from '../notifications/notify.js';
import { PersonRecord } from '../records/person-record.entity.js';
import type { IdentificationResultDto } from './dto/identification-result.dto.js';
import { IdentificationResult, type IdentificationOutcome } from './identification-result.entity.js';

const isOpen = (status: AlertStatus) => (OPEN_STATUSES as readonly AlertStatus[]).includes(status);

export interface ResultAnswer {
  resultId: string;
  outcome: IdentificationOutcome;
  alertId: string | null;
  conflictingAlertId: string | null;
  superseded: string[];
  /** Alerts returned to the queue because an exclusion undid the confirmation that had superseded them. */
  restored: string[];
}

/**
 * Takes back the human identification system's results. Everything one result does happens in one transaction
 * holding the consequences lock: the signature is recorded (a replay hits the unique key and gets 401), the result
 * is stored, and the pair's alert changes: "identified" confirms it with the forensic source (locating the report
 * and superseding the other alerts of both records, as an investigator's confirmation does), "excluded" rejects
 * it for good (runs never reopen it), "inconclusive" is recorded in its history. A pair the service never raised
 * gets its alert row, created confirmed or rejected.
 */
@Injectable()
export class IdentificationResultsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async receive(input: IdentificationResultDto, signed: { system: string; signature: string }, auditActor: AuditActor | null = null): Promise<ResultAnswer> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [CONSEQUENCES_LOCK]);
      await this.rememberSignature(manager, signed);
      const pair = await this.resolvePair(manager, input, signed.system);
      const resultId = randomUUID();
      const audits: AuditEvent[] = [];
      let answer: Omit<ResultAnswer, 'resultId'> = { outcome: 'recorded', alertId: null, conflictingAlertId: null, superseded: [], restored: [] };
      if (pair) {
        const alert = await manager.getRepository(Alert).createQueryBuilder('a').setLock('pessimistic_write')
          .where('a.missing_report_id = :r AND a.suspected_victim_id = :v', { r: pair.report.id, v: pair.victim.id }).getOne();
        const reason = `${input.result} by ${input.method} (identification system ${signed.system}, case ${input.identificationCaseId}, ${input.date})`;
        if (input.result === 'identified') {
          answer = await this.identified(manager, alert, pair, resultId, reason, audits);
        } else if (input.result === 'excluded') {
          answer = await this.excluded(manager, alert, pair, resultId, reason, audits);
        } else if (alert) {
          await writeAlertEvent(manager, alert, 'forensic_inconclusive', alert.status, null, reason, { identificationResultId: resultId });
          answer = { ...answer, alertId: alert.id };
        }
      }
      const repo = manager.getRepository(IdentificationResult);
      await repo.insert(
        repo.create({
          id: resultId,
          system: signed.system,
          requestId: input.requestId ?? null,
          identificationCaseId: input.identificationCaseId,
          missingReportId: pair?.report.id ?? null,
          suspectedVictimId: pair?.victim.id ?? input.suspectedVictimId ?? null,
          alertId: answer.alertId,
          result: input.result,
          method: input.method,
          resultDate: input.date,
          details: input.details ?? null,
          outcome: answer.outcome,
        }),
      );
      audits.unshift({
        action: 'identification.result_received',
        entityType: 'identification_result',
        entityId: resultId,
        details: { system: signed.system, result: input.result, method: input.method, outcome: answer.outcome, alertId: answer.alertId, requestId: input.requestId ?? null },
      });
      if (pair) {
        audits.push(
          { action: 'record.read', entityType: 'missing_report', entityId: pair.report.id, details: { via: 'identification_result', system: signed.system } },
          { action: 'record.read', entityType: 'suspected_victim', entityId: pair.victim.id, details: { via: 'identification_result', system: signed.system } },
        );
      }
      await this.audit.recordMany(audits, auditActor, manager);
      return { resultId, ...answer };
    });
  }

  /** Records the signature; a signature seen before (within the retention) is a replay: 401. */
  private async rememberSignature(manager: EntityManager, signed: { system: string; signature: string }): Promise<void> {
    // Signatures older than twice the tolerance can no longer verify (their timestamp is stale): forget them.
    await manager.query(`DELETE FROM inbound_signatures WHERE received_at < now() - make_interval(secs => $1)`, [2 * this.config.SIGNATURE_TOLERANCE_SECONDS + 60]);
    const [rows] = (await manager.query(
      `INSERT INTO inbound_signatures (signature, system) VALUES ($1, $2) ON CONFLICT (signature) DO NOTHING RETURNING signature`,
      [signed.signature, signed.system],
    ).then((r: unknown) => (Array.isArray(r) && Array.isArray(r[0]) ? r : [r]))) as [unknown[]];
    if (rows.length === 0) {
      throw new UnauthenticatedError('The message was already received (replay)', [{ field: 'X-CBMP-Signature', reason: 'was already used' }]);
    }
  }

  /**
   * The pair the result is about: from the request it answers, or from the two record ids; null when neither is
   * given (the result is stored, linked to the victim record carrying the case id when there is exactly one).
   */
  private async resolvePair(manager: EntityManager, input: IdentificationResultDto, system: string): Promise<{ report: PersonRecord; victim: PersonRecord } | null> {
    let reportId = input.missingReportId;
    let victimId = input.suspectedVictimId;
    if (input.requestId) {
      const [request]: { alert_id: string | null; target: string }[] = await manager.query(
        `SELECT alert_id, target FROM outbox_messages WHERE id = $1 AND kind = 'forensic_request'`,
        [input.requestId],
      );
      if (!request || request.target !== system) {
        throw new ValidationFailedError([{ field: 'requestId', reason: 'is not a forensic request sent to this identification system' }]);
      }
      const [alert]: { r: string; v: string }[] = await manager.query(`SELECT missing_report_id AS r, suspected_victim_id AS v FROM alerts WHERE id = $1`, [request.alert_id]);
      if (alert) {
        if ((reportId && reportId !== alert.r) || (victimId && victimId !== alert.v)) {
          throw new ValidationFailedError([{ field: reportId && reportId !== alert.r ? 'missingReportId' : 'suspectedVictimId', reason: 'is not a record of the pair the request was about' }]);
        }
        reportId = alert.r;
        victimId = alert.v;
      }
    }
    if (!reportId && !victimId) {
      const victims: { id: string }[] = await manager.query(`SELECT id FROM person_records WHERE kind = 'suspected_victim' AND identification_case_id = $1 LIMIT 2`, [input.identificationCaseId]);
      if (victims.length === 1) input.suspectedVictimId = victims[0].id;
      return null;
    }
    if (!reportId || !victimId) {
      throw new ValidationFailedError([{ field: reportId ? 'suspectedVictimId' : 'missingReportId', reason: `is required with ${reportId ? 'missingReportId' : 'suspectedVictimId'} (both records name the pair)` }]);
    }
    const records = await manager.getRepository(PersonRecord).findBy([{ id: reportId }, { id: victimId }]);
    const report = records.find((r) => r.id === reportId && r.kind === 'missing_report');
    const victim = records.find((r) => r.id === victimId && r.kind === 'suspected_victim');
    const errors = [
      ...(report ? [] : [{ field: 'missingReportId', reason: 'is not a missing-person report known to this service' }]),
      ...(victim ? [] : [{ field: 'suspectedVictimId', reason: 'is not a suspected-victim record known to this service' }]),
    ];
    if (errors.length > 0) throw new ValidationFailedError(errors);
    return { report: report!, victim: victim! };
  }

  private async identified(
    manager: EntityManager,
    alert: Alert | null,
    pair: { report: PersonRecord; victim: PersonRecord },
    resultId: string,
    reason: string,
    audits: AuditEvent[],
  ): Promise<Omit<ResultAnswer, 'resultId'>> {
    if (alert?.status === 'confirmed') {
      await manager.query(`UPDATE alerts SET forensic_result = 'identified', updated_at = now() WHERE id = $1`, [alert.id]);
      await writeAlertEvent(manager, alert, 'forensic_identified', 'confirmed', null, reason, { identificationResultId: resultId });
      return { outcome: 'already_confirmed', alertId: alert.id, conflictingAlertId: null, superseded: [], restored: [] };
    }
    const conflicting = await otherConfirmation(manager, alert?.id ?? null, pair.report.id, pair.victim.id);
    if (conflicting) {
      if (alert) await writeAlertEvent(manager, alert, 'forensic_conflict', alert.status, null, reason, { identificationResultId: resultId, confirmedAlertId: conflicting });
      audits.push({ action: 'identification.conflict', entityType: 'alert', entityId: conflicting, details: { identificationResultId: resultId, result: 'identified' } });
      return { outcome: 'conflict', alertId: alert?.id ?? null, conflictingAlertId: conflicting, superseded: [], restored: [] };
    }
    const from = alert?.status ?? null;
    const confirmed = alert
      ? await this.close(manager, alert, 'confirmed')
      : await this.createAlert(manager, pair, 'confirmed', resultId);
    const decision = await this.decision(manager, confirmed, 'confirmed', reason, resultId);
    await writeAlertEvent(manager, confirmed, alert ? 'decided' : 'raised', from, null, reason, { decisionId: decision.id, decision: 'confirmed', source: 'forensic', identificationResultId: resultId });
    const { superseded, condition } = await applyConfirmation(manager, confirmed, null);
    const notice = { alertId: confirmed.id, missingReportId: confirmed.missingReportId, suspectedVictimId: confirmed.suspectedVictimId };
    await notifyPartners(manager, 'alert.decided', [{ ...notice, data: { decision: 'confirmed', source: 'forensic', status: 'confirmed' } }]);
    await notifyPartners(manager, 'record.located', [{ ...notice, data: { condition } }]);
    audits.push(
      { action: 'alert.decided', entityType: 'alert', entityId: confirmed.id, details: { decisionId: decision.id, decision: 'confirmed', source: 'forensic', identificationResultId: resultId, created: !alert } },
      { action: 'record.located', entityType: 'missing_report', entityId: confirmed.missingReportId, details: { alertId: confirmed.id, condition } },
      ...superseded.map((s) => ({ action: 'alert.superseded', entityType: 'alert', entityId: s, details: { byAlertId: confirmed.id } })),
    );
    return { outcome: 'confirmed', alertId: confirmed.id, conflictingAlertId: null, superseded, restored: [] };
  }

  private async excluded(
    manager: EntityManager,
    alert: Alert | null,
    pair: { report: PersonRecord; victim: PersonRecord },
    resultId: string,
    reason: string,
    audits: AuditEvent[],
  ): Promise<Omit<ResultAnswer, 'resultId'>> {
    if (alert?.status === 'confirmed') return this.excludeConfirmed(manager, alert, resultId, reason, audits);
    if (alert?.status === 'rejected') {
      await manager.query(`UPDATE alerts SET forensic_result = 'excluded', updated_at = now() WHERE id = $1`, [alert.id]);
      await writeAlertEvent(manager, alert, 'forensic_excluded', 'rejected', null, reason, { identificationResultId: resultId });
      return { outcome: 'already_rejected', alertId: alert.id, conflictingAlertId: null, superseded: [], restored: [] };
    }
    const from = alert?.status ?? null;
    const rejected = alert ? await this.close(manager, alert, 'rejected') : await this.createAlert(manager, pair, 'rejected', resultId);
    const decision = await this.decision(manager, rejected, 'rejected', reason, resultId);
    await writeAlertEvent(manager, rejected, alert ? 'decided' : 'raised', from, null, reason, { decisionId: decision.id, decision: 'rejected', source: 'forensic', identificationResultId: resultId });
    await notifyPartners(manager, 'alert.decided', [
      { alertId: rejected.id, missingReportId: rejected.missingReportId, suspectedVictimId: rejected.suspectedVictimId, data: { decision: 'rejected', source: 'forensic', status: 'rejected' } },
    ]);
    audits.push({ action: 'alert.decided', entityType: 'alert', entityId: rejected.id, details: { decisionId: decision.id, decision: 'rejected', source: 'forensic', identificationResultId: resultId, created: !alert, from } });
    return { outcome: 'rejected', alertId: rejected.id, conflictingAlertId: null, superseded: [], restored: [] };
  }

  /**
   * The forensic side excludes a pair an investigator had confirmed: the confirmation is reversed (a `reversed`
   * decision of forensic source, as an admin reversal would write), its consequences undone (the report is no
   * longer located, the alerts it superseded return to the queue) and the pair rejected for good.
   */
  private async excludeConfirmed(manager: EntityManager, alert: Alert, resultId: string, reason: string, audits: AuditEvent[]): Promise<Omit<ResultAnswer, 'resultId'>> {
    const [confirmation]: { id: string }[] = await manager.query(
      `SELECT d.id FROM alert_decisions d WHERE d.alert_id = $1 AND d.decision = 'confirmed'
         AND NOT EXISTS (SELECT 1 FROM alert_decisions r WHERE r.reverses_decision_id = d.id)
       ORDER BY d.id DESC LIMIT 1`,
      [alert.id],
    );
    const repo = manager.getRepository(AlertDecision);
    const reversal = confirmation
      ? await repo.save(
          repo.create({
            alertId: alert.id, reviewRound: alert.reviewRound, decision: 'reversed', reason, note: null, evidenceVersion: alert.evidenceVersion,
            decidedByKeyId: null, organizationId: null, reversesDecisionId: confirmation.id, source: 'forensic', identificationResultId: resultId,
          }),
        )
      : null;
    const rejected = await this.close(manager, alert, 'rejected');
    const decision = await this.decision(manager, rejected, 'rejected', reason, resultId);
    await writeAlertEvent(manager, rejected, 'decided', 'confirmed', null, reason, { decisionId: decision.id, decision: 'rejected', source: 'forensic', identificationResultId: resultId, reversesDecisionId: confirmation?.id ?? null });
    const restored = await undoConfirmation(manager, alert, null);
    await notifyPartners(manager, 'alert.decided', [
      { alertId: alert.id, missingReportId: alert.missingReportId, suspectedVictimId: alert.suspectedVictimId, data: { decision: 'rejected', source: 'forensic', status: 'rejected' } },
    ]);
    audits.push(
      { action: 'alert.decision_reversed', entityType: 'alert', entityId: alert.id, details: { decisionId: reversal?.id ?? null, reversesDecisionId: confirmation?.id ?? null, source: 'forensic', identificationResultId: resultId } },
      { action: 'alert.decided', entityType: 'alert', entityId: alert.id, details: { decisionId: decision.id, decision: 'rejected', source: 'forensic', identificationResultId: resultId } },
      { action: 'record.located_reversed', entityType: 'missing_report', entityId: alert.missingReportId, details: { alertId: alert.id } },
      ...restored.map((a) => ({ action: 'alert.restored', entityType: 'alert', entityId: a.id, details: { reversedAlertId: alert.id } })),
    );
    return { outcome: 'rejected', alertId: alert.id, conflictingAlertId: null, superseded: [], restored: restored.map((a) => a.id) };
  }

  /** Closes an existing alert with the forensic result (any status but confirmed); its claim is released. */
  private async close(manager: EntityManager, alert: Alert, status: 'confirmed' | 'rejected'): Promise<Alert> {
    const forensic = status === 'confirmed' ? 'identified' : 'excluded';
    await manager.query(
      `UPDATE alerts SET status = $2, last_decision = $2, forensic_result = $3, superseded_by_alert_id = NULL,
              status_reason = $4, rejected_weight = CASE WHEN $2 = 'rejected' THEN match_weight ELSE rejected_weight END,
              claimed_by_key_id = NULL, claimed_at = NULL, claim_expires_at = NULL, updated_at = now()
       WHERE id = $1`,
      [alert.id, status, forensic, `${forensic} by the human identification system${isOpen(alert.status) ? '' : ` (was ${alert.status})`}`],
    );
    return (await manager.getRepository(Alert).findOneBy({ id: alert.id }))!;
  }

  /** The alert row of a pair the service never raised: created closed, with the forensic result as its evidence. */
  private async createAlert(manager: EntityManager, pair: { report: PersonRecord; victim: PersonRecord }, status: 'confirmed' | 'rejected', resultId: string): Promise<Alert> {
    const repo = manager.getRepository(Alert);
    const { report, victim } = pair;
    const minor = (report.ageAtEvent !== null && report.ageAtEvent < 18) || (victim.estimatedAgeMin !== null && victim.estimatedAgeMin < 18);
    const forensic = status === 'confirmed' ? 'identified' : 'excluded';
    const alert = repo.create({
      id: randomUUID(),
      missingReportId: report.id,
      suspectedVictimId: victim.id,
      reportCountry: report.country,
      victimCountry: victim.country,
      crossBorder: report.country !== victim.country,
      minor,
      matchWeight: 0,
      probability: 0,
      priority: 0,
      evidence: { source: 'identification', identificationResultId: resultId, note: 'raised by a result of the human identification system, not by the matching engine' },
      evidenceVersion: 1,
      reportVersion: report.version,
      victimVersion: victim.version,
      modelVersion: 'forensic',
      status,
      statusReason: `${forensic} by the human identification system (the matching engine had not raised this pair)`,
      reviewRound: 1,
      rejectedWeight: status === 'rejected' ? 0 : null,
      claimedByKeyId: null,
      claimedAt: null,
      claimExpiresAt: null,
      lastDecision: status,
      supersededByAlertId: null,
      forensicResult: forensic,
      lastRunId: null,
    });
    await repo.insert(alert);
    return (await repo.findOneBy({ id: alert.id }))!;
  }

  private async decision(manager: EntityManager, alert: Alert, decision: 'confirmed' | 'rejected', reason: string, resultId: string): Promise<AlertDecision> {
    const repo = manager.getRepository(AlertDecision);
    return repo.save(
      repo.create({
        alertId: alert.id,
        reviewRound: alert.reviewRound,
        decision,
        reason,
        note: null,
        evidenceVersion: alert.evidenceVersion,
        decidedByKeyId: null,
        organizationId: null,
        reversesDecisionId: null,
        source: 'forensic',
        identificationResultId: resultId,
      }),
    );
  }
}
