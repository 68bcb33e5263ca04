/**
 * Queue priority of an alert (higher first): the match probability, then minors, recent findings, pairs that
 * cross the border and pairs the forensic side can settle quickly. Points: 100 × probability; +30 when either
 * person was possibly under 18 at the event; +10 × how recent the finding is (1 on the day, 0 after a year); +10
 * when the two records come from different countries; +15 when both sides can be compared forensically (see
 * forensicComparability). A minor at probability 0.5 (80 points) thus comes before an adult at 0.75 (75 points).
 */
export function alertPriority(input: {
  probability: number;
  minor: boolean;
  crossBorder: boolean;
  foundDate: string | null;
  today: Date;
  forensicComparable?: boolean;
}): number {
  // Counted in whole days (the UTC date of `today`), so that runs on the same day give the same priority.
  const today = Date.UTC(input.today.getUTCFullYear(), input.today.getUTCMonth(), input.today.getUTCDate());
  const recency = input.foundDate ? Math.max(0, 1 - (today - Date.parse(`${input.foundDate}T00:00:00Z`)) / (365 * 86_400_000)) : 0;
  const points =
    100 * input.probability + (input.minor ? 30 : 0) + 10 * Math.min(1, recency) + (input.crossBorder ? 10 : 0) + (input.forensicComparable ? FORENSIC_POINTS : 0);
  return Math.round(points * 1000) / 1000;
}

export const FORENSIC_POINTS = 15;

/** The identification references of one record that matter for comparing it forensically. */
export interface IdentificationReferences {
  dnaSampleTaken: boolean | null;
  familyReferenceSamples: boolean | null;
  fingerprintRecordIds: string[] | null;
}

/**
 * How a report–victim pair can be compared by the forensic services: by DNA when a sample was taken from the
 * victim (body or person) and family reference samples exist for the missing person; by fingerprints when both
 * records reference fingerprint records. Empty when neither.
 */
export function forensicComparability(report: IdentificationReferences, victim: IdentificationReferences): ('DNA' | 'fingerprint')[] {
  const out: ('DNA' | 'fingerprint')[] = [];
  if (victim.dnaSampleTaken === true && report.familyReferenceSamples === true) out.push('DNA');
  if ((report.fingerprintRecordIds?.length ?? 0) > 0 && (victim.fingerprintRecordIds?.length ?? 0) > 0) out.push('fingerprint');
  return out;
}
