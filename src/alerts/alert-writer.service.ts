import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { bulkInsert } from '../database/bulk-insert.js';
import { type KnownAlert, sameEvidence, type ScoredPair } from '../matching/pipeline/match-session.js';
import { AlertEvent } from './alert-event.entity.js';
import { notifyPartners } from '../notifications/notify.js';
import { alertPriority, forensicComparability, type IdentificationReferences } from './alert-priority.js';
import { Alert, type AlertStatus } from './alert.entity.js';
import { CONSEQUENCES_LOCK } from './alert-consequences.js';

/**
 * A pair a reviewer rejected comes back only when a record change raises its match weight by at least this many
 * bits (a likelihood ratio 8 times larger) over the weight it had when rejected; it then returns as a new review
 * round, linked to the earlier decision in its history.
 */
export const REOPEN_MARGIN_BITS = 3;
const CHUNK = 500;
const OPEN: readonly AlertStatus[] = ['pending', 'in_review', 'needs_info'];

export const ZERO_COUNTS: Readonly<AlertCounts> = { created: 0, updated: 0, withdrawn: 0, reopened: 0 };

export interface AlertCounts {
  created: number;
  updated: number;
  withdrawn: number;
  reopened: number;
}

const key = (reportId: string, victimId: string) => `${reportId}:${victimId}`;

/**
 * Turns a run's scored pairs into alerts. Idempotent: applying the same outcome twice changes nothing the second
 * time, so a run killed half-way and run again ends with the same alerts and no duplicates (one row per pair).
 */
@Injectable()
export class AlertWriter {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Stored alerts a run must rescore, with the score they were stored with: every alert but confirmed and superseded ones (full
   * run), or those of the changed records (incremental).
   */
  async knownAlerts(changedIds: string[] | 'all'): Promise<KnownAlert[]> {
    if (changedIds !== 'all' && changedIds.length === 0) return [];
    const columns = `missing_report_id AS "reportId", suspected_victim_id AS "victimId", match_weight AS weight,
      report_version AS "reportVersion", victim_version AS "victimVersion", model_version AS "modelVersion"`;
    return changedIds === 'all'
      ? this.dataSource.query(`SELECT ${columns} FROM alerts WHERE status NOT IN ('confirmed', 'superseded')`)
      : this.dataSource.query(
          `SELECT ${columns} FROM alerts
           WHERE status NOT IN ('confirmed', 'superseded') AND (missing_report_id = ANY($1::uuid[]) OR suspected_victim_id = ANY($1::uuid[]))`,
          [changedIds],
        );
  }

  /** Applies scored pairs (a run hands them over in slices), in transactions of up to CHUNK pairs. */
  async apply(runId: string, pairs: ScoredPair[], threshold: number, modelVersion: string, today = new Date()): Promise<AlertCounts> {
    const counts: AlertCounts = { created: 0, updated: 0, withdrawn: 0, reopened: 0 };
    for (let start = 0; start < pairs.length; start += CHUNK) {
      const chunk = pairs.slice(start, start + CHUNK);
      await this.dataSource.transaction(async (manager) => {
        const result = await this.applyChunk(manager, runId, chunk, threshold, modelVersion, today);
        for (const k of Object.keys(counts) as (keyof AlertCounts)[]) counts[k] += result[k];
      });
    }
    return counts;
  }

  private async applyChunk(manager: EntityManager, runId: string, pairs: ScoredPair[], threshold: number, modelVersion: string, today: Date): Promise<AlertCounts> {
    const counts: AlertCounts = { created: 0, updated: 0, withdrawn: 0, reopened: 0 };
    const alerts = manager.getRepository(Alert);
    // Shared with other chunks, exclusive with confirmations and reversals: see CONSEQUENCES_LOCK.
    await manager.query('SELECT pg_advisory_xact_lock_shared(hashtext($1))', [CONSEQUENCES_LOCK]);
    const confirmedBy = await this.confirmedRecords(manager, pairs);
    const references = await this.identificationReferences(manager, pairs);
    const comparable = (pair: ScoredPair) => {
      const report = references.get(pair.reportId);
      const victim = references.get(pair.victimId);
      return report !== undefined && victim !== undefined && forensicComparability(report, victim).length > 0;
    };
    /** The confirmed alert that covers either record of the pair, if any: such a pair is closed as superseded. */
    const coveredBy = (reportId: string, victimId: string) => confirmedBy.get(reportId) ?? confirmedBy.get(victimId) ?? null;
    const SUPERSEDED_REASON = 'a record of this pair is already part of a confirmed match';
    const found: Alert[] = await alerts
      .createQueryBuilder('a')
      .innerJoin('(SELECT * FROM unnest(CAST(:reports AS uuid[]), CAST(:victims AS uuid[])) AS x(r, v))', 'p', 'a.missing_report_id = p.r AND a.suspected_victim_id = p.v')
      .setParameters({ reports: pairs.map((p) => p.reportId), victims: pairs.map((p) => p.victimId) })
      .setLock('pessimistic_write', undefined, ['a'])
      .getMany();
    const existing = new Map(found.map((a) => [key(a.missingReportId, a.suspectedVictimId), a]));
    const fresh: Alert[] = [];
    const events: Partial<AlertEvent>[] = [];
    const event = (alert: Alert, name: string, from: AlertStatus | null, reason: string | null, details?: Record<string, unknown>) =>
      events.push({ alertId: alert.id, event: name, runId, fromStatus: from, toStatus: alert.status, matchWeight: alert.matchWeight, evidenceVersion: alert.evidenceVersion, reason, details: details ?? null });

    for (const pair of pairs) {
      const above = pair.probability >= threshold;
      const scored = this.scoredFields(pair, modelVersion, runId, today, comparable(pair));
      const alert = existing.get(key(pair.reportId, pair.victimId));
      if (!alert) {
        if (above) {
          const by = coveredBy(pair.reportId, pair.victimId);
          fresh.push(alerts.create({
            ...scored, id: randomUUID(), missingReportId: pair.reportId, suspectedVictimId: pair.victimId,
            status: by ? 'superseded' : 'pending', statusReason: by ? SUPERSEDED_REASON : null, supersededByAlertId: by,
            reviewRound: 1, rejectedWeight: null, evidenceVersion: 1, claimedByKeyId: null, claimedAt: null, claimExpiresAt: null, lastDecision: null, forensicResult: null,
          }));
        }
        continue;
      }
      const from = alert.status;
      const changed = !sameEvidence(
        { weight: alert.matchWeight, reportVersion: alert.reportVersion, victimVersion: alert.victimVersion, modelVersion: alert.modelVersion },
        { weight: pair.weight, reportVersion: pair.reportVersion, victimVersion: pair.victimVersion, modelVersion },
      );
      let name: string | null = null;
      let reason: string | null = null;
      if (OPEN.includes(alert.status)) {
        if (!above && alert.status === 'pending') {
          name = 'withdrawn';
          reason = `rescored below the review threshold (probability ${pair.probability.toFixed(4)} < ${threshold})`;
          Object.assign(alert, scored, { status: 'withdrawn', statusReason: reason });
          counts.withdrawn++;
        } else if (changed) {
          name = 'rescored';
          Object.assign(alert, scored);
          counts.updated++;
        }
      } else if (alert.status === 'withdrawn' && above) {
        const by = coveredBy(alert.missingReportId, alert.suspectedVictimId);
        name = by ? 'superseded' : 'restored';
        reason = by ? SUPERSEDED_REASON : 'rescored at or above the review threshold';
        Object.assign(alert, scored, by ? { status: 'superseded', statusReason: reason, supersededByAlertId: by } : { status: 'pending', statusReason: null });
        counts.updated++;
      } else if (alert.status === 'rejected' && alert.forensicResult !== 'excluded' && alert.rejectedWeight !== null && pair.weight >= alert.rejectedWeight + REOPEN_MARGIN_BITS && above) {
        if (coveredBy(alert.missingReportId, alert.suspectedVictimId)) continue; // a record already matched elsewhere: the rejection stands
        name = 'reopened';
        reason = `match weight rose from ${alert.rejectedWeight.toFixed(2)} (when rejected) to ${pair.weight.toFixed(2)}`;
        Object.assign(alert, scored, { status: 'pending', statusReason: reason, reviewRound: alert.reviewRound + 1, lastDecision: null });
        counts.reopened++;
      }
      // confirmed and superseded alerts are never changed by a run (a superseded pair returns only when an
      // administrator reverses the confirmation that closed it).
      if (!name) continue;
      alert.evidenceVersion += 1;
      await alerts.save(alert);
      event(alert, name, from, reason, name === 'reopened' ? { previousRound: alert.reviewRound - 1, rejectedWeight: alert.rejectedWeight } : undefined);
    }
    if (fresh.length > 0) {
      await bulkInsert(manager, Alert, fresh);
      for (const alert of fresh) event(alert, 'raised', null, null, { rules: (alert.evidence as { rules?: string[] }).rules ?? [] });
      counts.created += fresh.length;
      // Partners hear of new alerts on their records in the same transaction (the outbox delivers them).
      await notifyPartners(
        manager,
        'alert.raised',
        fresh
          .filter((a) => a.status === 'pending')
          .map((a) => ({ alertId: a.id, missingReportId: a.missingReportId, suspectedVictimId: a.suspectedVictimId, data: { status: a.status, crossBorder: a.crossBorder } })),
      );
    }
    await bulkInsert(manager, AlertEvent, events.map((e) => manager.getRepository(AlertEvent).create(e)));
    return counts;
  }

  /** Record id → the confirmed alert it belongs to, for the records of these pairs. */
  private async confirmedRecords(manager: EntityManager, pairs: ScoredPair[]): Promise<Map<string, string>> {
    const rows: { id: string; r: string; v: string }[] = await manager.query(
      `SELECT id, missing_report_id AS r, suspected_victim_id AS v FROM alerts
       WHERE status = 'confirmed' AND (missing_report_id = ANY($1::uuid[]) OR suspected_victim_id = ANY($2::uuid[]))`,
      [[...new Set(pairs.map((p) => p.reportId))], [...new Set(pairs.map((p) => p.victimId))]],
    );
    const map = new Map<string, string>();
    for (const row of rows) {
      map.set(row.r, row.id);
      map.set(row.v, row.id);
    }
    return map;
  }

  /** Identification references of the records of these pairs (for the forensic-comparability priority). */
  private async identificationReferences(manager: EntityManager, pairs: ScoredPair[]): Promise<Map<string, IdentificationReferences>> {
    const ids = [...new Set(pairs.flatMap((p) => [p.reportId, p.victimId]))];
    const rows: ({ id: string } & IdentificationReferences)[] = await manager.query(
      `SELECT id, dna_sample_taken AS "dnaSampleTaken", family_reference_samples AS "familyReferenceSamples", fingerprint_record_ids AS "fingerprintRecordIds"
       FROM person_records WHERE id = ANY($1::uuid[]) AND (dna_sample_taken OR family_reference_samples OR cardinality(fingerprint_record_ids) > 0)`,
      [ids],
    );
    return new Map(rows.map((r) => [r.id, r]));
  }

  private scoredFields(pair: ScoredPair, modelVersion: string, runId: string, today: Date, forensicComparable: boolean) {
    const crossBorder = pair.reportCountry !== pair.victimCountry;
    return {
      reportCountry: pair.reportCountry,
      victimCountry: pair.victimCountry,
      crossBorder,
      minor: pair.minor,
      matchWeight: pair.weight,
      probability: pair.probability,
      priority: alertPriority({ probability: pair.probability, minor: pair.minor, crossBorder, foundDate: pair.foundDate, today, forensicComparable }),
      evidence: { ...pair.evidence, rules: pair.rules },
      reportVersion: pair.reportVersion,
      victimVersion: pair.victimVersion,
      modelVersion,
      lastRunId: runId,
    };
  }
}
