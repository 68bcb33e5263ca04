import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../auth/actor.js';
import type { AppConfig, IdentificationSystem } from '../config/app-config.js';
import type { Alert } from '../alerts/alert.entity.js';
import { PersonRecord } from '../records/person-record.entity.js';

export const FORENSIC_REQUEST_EVENT = 'forensic.request';

/** Audit entries of a request: the request, and both records as sent to the identification system. */
export function forensicRequestAudits(alertId: string, requests: { id: string; system: string; missingReportId: string; suspectedVictimId: string }[], trigger: string) {
  return requests.flatMap((r) => [
    { action: 'forensic.requested', entityType: 'alert', entityId: alertId, details: { requestId: r.id, system: r.system, trigger } },
    { action: 'record.sent', entityType: 'missing_report', entityId: r.missingReportId, details: { requestId: r.id, system: r.system } },
    { action: 'record.sent', entityType: 'suspected_victim', entityId: r.suspectedVictimId, details: { requestId: r.id, system: r.system } },
  ]);
}

/** The identification systems a request about these two records goes to (by the records' countries). */
export function systemsFor(config: AppConfig, countries: string[]): IdentificationSystem[] {
  return config.IDENTIFICATION_SYSTEMS.filter((s) => !s.countries || s.countries.some((c) => countries.includes(c)));
}

const place = (p: PersonRecord['lastSeenPlace']) => p ?? null;
const marks = (r: PersonRecord) => r.marks.map((m) => ({ type: m.type, bodyRegion: m.bodyRegion, side: m.side ?? null, description: m.description }));
const documents = (r: PersonRecord) => r.documents.map((d) => ({ type: d.type, number: d.number, issuingCountry: d.issuingCountry ?? null }));

/**
 * The record fields a forensic service needs to compare two people (docs/identification-interface.md): who the
 * record is (ids, names, documents), the body (sex, ages, height, weight, marks), when and where, and the
 * identification references (DNA, family reference samples, fingerprint records).
 */
export function forensicView(r: PersonRecord) {
  const common = {
    id: r.id,
    sourceRecordId: r.sourceRecordId,
    organizationId: r.organizationId,
    country: r.country,
    givenNames: r.givenNames,
    firstSurname: r.firstSurname,
    secondSurname: r.secondSurname,
    fullName: r.fullName,
    aliases: r.aliases,
    sex: r.sex,
    nationality: r.nationality,
    dateOfBirth: r.dateOfBirth,
    heightCm: r.heightCm,
    weightKg: r.weightKg,
    marks: marks(r),
    documents: documents(r),
    fingerprintRecordIds: r.fingerprintRecordIds ?? [],
  };
  return r.kind === 'missing_report'
    ? { ...common, ageAtEvent: r.ageAtEvent, lastSeenDate: r.lastSeenDate, lastSeenPlace: place(r.lastSeenPlace), familyReferenceSamples: r.familyReferenceSamples }
    : {
        ...common,
        condition: r.condition,
        estimatedAgeMin: r.estimatedAgeMin,
        estimatedAgeMax: r.estimatedAgeMax,
        foundDate: r.foundDate,
        foundPlace: place(r.foundPlace),
        identificationCaseId: r.identificationCaseId,
        dnaSampleTaken: r.dnaSampleTaken,
      };
}

/**
 * Writes one forensic comparison request per identification system concerned, in the caller's transaction
 * (the transactional outbox): it is sent by the delivery worker after the transaction commits, never before,
 * and never lost. Each request's id is its requestId and Idempotency-Key. Answers the ids (none when no
 * system is configured for the records' countries).
 */
export async function enqueueForensicRequests(
  manager: EntityManager,
  config: AppConfig,
  alert: Alert,
  requestedBy: Actor,
  reason: string,
  trigger: 'confirmation' | 'explicit',
): Promise<{ id: string; system: string; missingReportId: string; suspectedVictimId: string }[]> {
  const systems = systemsFor(config, [alert.reportCountry, alert.victimCountry]);
  if (systems.length === 0) return [];
  const records = await manager.getRepository(PersonRecord).findBy([{ id: alert.missingReportId }, { id: alert.suspectedVictimId }]);
  const report = records.find((r) => r.id === alert.missingReportId)!;
  const victim = records.find((r) => r.id === alert.suspectedVictimId)!;
  const out: { id: string; system: string; missingReportId: string; suspectedVictimId: string }[] = [];
  for (const system of systems) {
    const id = randomUUID();
    const payload = {
      requestId: id,
      alertId: alert.id,
      trigger,
      missingReport: forensicView(report),
      suspectedVictim: forensicView(victim),
      ...(victim.identificationCaseId ? { identificationCaseId: victim.identificationCaseId } : {}),
      requestedBy: { keyId: requestedBy.keyId, organizationId: requestedBy.organizationId, organizationName: requestedBy.organizationName, country: requestedBy.country },
      reason,
      match: { probability: alert.probability, matchWeight: alert.matchWeight, modelVersion: alert.modelVersion, evidenceVersion: alert.evidenceVersion },
      requestedAt: new Date().toISOString(),
    };
    await manager.query(
      `INSERT INTO outbox_messages (id, kind, event, target, alert_id, payload, created_by_key_id) VALUES ($1, 'forensic_request', $2, $3, $4, $5::jsonb, $6)`,
      [id, FORENSIC_REQUEST_EVENT, system.id, alert.id, JSON.stringify(payload), requestedBy.keyId],
    );
    out.push({ id, system: system.id, missingReportId: report.id, suspectedVictimId: victim.id });
  }
  return out;
}
