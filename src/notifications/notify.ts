import type { EntityManager } from 'typeorm';
import type { PartnerEvent } from './webhook-subscription.entity.js';

/** What a partner hears about an alert: ids and states only, never names or free text. */
export interface AlertNotice {
  alertId: string;
  missingReportId: string;
  suspectedVictimId: string;
  /** Extra fields of the event (status, decision, source, condition…), ids and codes only. */
  data?: Record<string, unknown>;
}

/**
 * Writes one outbox message per (alert, subscription) for the active subscriptions to `event` of the
 * organizations that own either record of the alert (only the missing report's for `record.located`), in the
 * caller's transaction: the notice commits with the change it reports, or not at all.
 */
export async function notifyPartners(manager: EntityManager, event: PartnerEvent, notices: AlertNotice[]): Promise<void> {
  if (notices.length === 0) return;
  // Most deployments have few subscriptions: a run's chunks skip building the notices when nobody listens.
  const [listening] = (await manager.query(`SELECT EXISTS (SELECT 1 FROM webhook_subscriptions WHERE active AND $1 = ANY(events)) AS yes`, [event])) as { yes: boolean }[];
  if (!listening.yes) return;
  const rows = notices.map((n) => ({
    alert_id: n.alertId,
    report_id: n.missingReportId,
    victim_id: n.suspectedVictimId,
    payload: { event, alertId: n.alertId, missingReportId: n.missingReportId, suspectedVictimId: n.suspectedVictimId, ...(n.data ?? {}) },
  }));
  await manager.query(
    `INSERT INTO outbox_messages (kind, event, target, subscription_id, alert_id, payload)
     SELECT 'webhook', $1, 'webhook', s.id, x.alert_id,
            x.payload || jsonb_build_object('organizationId', s.organization_id, 'occurredAt', to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))
     FROM jsonb_to_recordset($2::jsonb) AS x(alert_id uuid, report_id uuid, victim_id uuid, payload jsonb)
     JOIN webhook_subscriptions s ON s.active AND $1 = ANY(s.events)
       AND s.organization_id IN (SELECT p.organization_id FROM person_records p WHERE p.id = x.report_id OR (NOT $3 AND p.id = x.victim_id))`,
    [event, JSON.stringify(rows), event === 'record.located'],
  );
}
