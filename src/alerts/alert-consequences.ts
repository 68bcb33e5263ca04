import type { EntityManager } from 'typeorm';
import { ConflictError } from '../common/errors.js';
import { PersonRecord } from '../records/person-record.entity.js';
import { AlertEvent } from './alert-event.entity.js';
import { Alert, type AlertStatus } from './alert.entity.js';

/**
 * Confirmations and their reversals take this PostgreSQL advisory lock exclusively; the alert writer takes it
 * shared for each chunk it writes. So a run never raises, restores or reopens an alert for a record that a
 * confirmation is closing at that moment: it sees the confirmation and closes the pair as superseded instead.
 */
export const CONSEQUENCES_LOCK = 'alert-consequences';

/** Appends to an alert's history (actorKeyId null for the forensic side and runs). */
export async function writeAlertEvent(
  manager: EntityManager,
  alert: Alert,
  event: string,
  from: AlertStatus | null,
  actorKeyId: string | null,
  reason: string | null,
  details: Record<string, unknown> | null,
): Promise<void> {
  const repo = manager.getRepository(AlertEvent);
  await repo.insert(
    repo.create({ alertId: alert.id, event, runId: null, actorKeyId, fromStatus: from, toStatus: alert.status, matchWeight: alert.matchWeight, evidenceVersion: alert.evidenceVersion, reason, details }),
  );
}

/** The confirmed alert (other than `alertId`) that either record already belongs to, or null. */
export async function otherConfirmation(manager: EntityManager, alertId: string | null, missingReportId: string, suspectedVictimId: string): Promise<string | null> {
  const rows: { id: string }[] = await manager.query(
    `SELECT id FROM alerts WHERE status = 'confirmed' AND ($1::uuid IS NULL OR id <> $1) AND (missing_report_id = $2 OR suspected_victim_id = $3) LIMIT 1`,
    [alertId, missingReportId, suspectedVictimId],
  );
  return rows[0]?.id ?? null;
}

/**
 * What a confirmation entails, inside the confirming transaction (holding CONSEQUENCES_LOCK): the missing report
 * is marked located (alive or deceased, from the victim record), every other open alert of either record is
 * closed as superseded. 409 when a record is already part of another confirmed match. The alert must already be
 * `confirmed`. Used by investigators' decisions and by forensic identifications.
 */
export async function applyConfirmation(
  manager: EntityManager,
  confirmed: Alert,
  actorKeyId: string | null,
  conflictDetails: Record<string, unknown> = {},
): Promise<{ superseded: string[]; condition: 'alive' | 'deceased' }> {
  const other = await otherConfirmation(manager, confirmed.id, confirmed.missingReportId, confirmed.suspectedVictimId);
  if (other) throw new ConflictError('One of the two records is already part of a confirmed match', undefined, { ...conflictDetails, confirmedAlertId: other });
  const victim = await manager.getRepository(PersonRecord).findOneOrFail({ where: { id: confirmed.suspectedVictimId }, select: { id: true, condition: true } });
  const condition = victim.condition ?? 'alive';
  // The record's own content and version are the submitter's: located is service state, set without touching them.
  await manager.query(`UPDATE person_records SET located = $2, located_at = now(), located_by_alert_id = $3 WHERE id = $1`, [confirmed.missingReportId, condition, confirmed.id]);
  const superseded = await supersedeSiblings(manager, confirmed, actorKeyId);
  return { superseded, condition };
}

/** Closes the other open alerts of both records as superseded by a confirmation; returns their ids. */
async function supersedeSiblings(manager: EntityManager, confirmed: Alert, actorKeyId: string | null): Promise<string[]> {
  const [rows] = (await manager.query(
    `WITH s AS (
       SELECT id, status FROM alerts
       WHERE id <> $1 AND (missing_report_id = $2 OR suspected_victim_id = $3) AND status IN ('pending', 'in_review', 'needs_info')
       FOR UPDATE
     )
     UPDATE alerts a SET status = 'superseded', superseded_by_alert_id = $1, status_reason = 'another alert of the same record was confirmed',
            claimed_by_key_id = NULL, claimed_at = NULL, claim_expires_at = NULL, updated_at = now()
     FROM s WHERE a.id = s.id
     RETURNING a.id, s.status AS "fromStatus"`,
    [confirmed.id, confirmed.missingReportId, confirmed.suspectedVictimId],
  )) as [{ id: string; fromStatus: AlertStatus }[], number];
  if (rows.length === 0) return [];
  const siblings = await manager.getRepository(Alert).findBy(rows.map((r) => ({ id: r.id })));
  const from = new Map(rows.map((r) => [r.id, r.fromStatus]));
  for (const sibling of siblings) {
    await writeAlertEvent(manager, sibling, 'superseded', from.get(sibling.id)!, actorKeyId, 'another alert of the same record was confirmed', { byAlertId: confirmed.id });
  }
  return rows.map((r) => r.id);
}

/**
 * Undoes what a confirmation entailed (after its alert left `confirmed`): the report is no longer located by it, and
 * the alerts it superseded return to pending, except those a different confirmation now covers, which stay
 * superseded by that one. Answers the restored alerts. Used by admin reversals and by forensic exclusions.
 */
export async function undoConfirmation(manager: EntityManager, alert: Alert, actorKeyId: string | null): Promise<Alert[]> {
  await manager.query(
    `UPDATE person_records SET located = NULL, located_at = NULL, located_by_alert_id = NULL WHERE id = $1 AND located_by_alert_id = $2`,
    [alert.missingReportId, alert.id],
  );
  // Siblings a different confirmation now covers stay superseded, by that one.
  await manager.query(
    `UPDATE alerts s SET superseded_by_alert_id = c.id, updated_at = now()
     FROM alerts c
     WHERE s.superseded_by_alert_id = $1 AND s.status = 'superseded' AND c.status = 'confirmed' AND c.id <> $1
       AND (c.missing_report_id = s.missing_report_id OR c.suspected_victim_id = s.suspected_victim_id)`,
    [alert.id],
  );
  const [restored] = (await manager.query(
    `UPDATE alerts SET status = 'pending', superseded_by_alert_id = NULL, status_reason = 'restored: the confirmation that superseded it was reversed', updated_at = now()
     WHERE superseded_by_alert_id = $1 AND status = 'superseded' RETURNING id`,
    [alert.id],
  )) as [{ id: string }[], number];
  const restoredAlerts = restored.length > 0 ? await manager.getRepository(Alert).findBy(restored.map((r) => ({ id: r.id }))) : [];
  for (const sibling of restoredAlerts) {
    await writeAlertEvent(manager, sibling, 'restored', 'superseded', actorKeyId, 'the confirmation that superseded it was reversed', { reversedAlertId: alert.id });
  }
  return restoredAlerts;
}
