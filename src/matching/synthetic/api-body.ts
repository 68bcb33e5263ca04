import type { MatchPlace, MatchRecord } from '../engine/index.js';

const PLACE_KEYS = ['country', 'admin1Code', 'admin1', 'municipality', 'lat', 'lon', 'description'] as const;

function place(p: MatchPlace | null | undefined): Record<string, unknown> | undefined {
  if (!p?.country) return undefined;
  const out: Record<string, unknown> = {};
  for (const k of PLACE_KEYS) if (p[k] !== undefined && p[k] !== null) out[k] = p[k];
  return out;
}

/** A generated record as a partner would submit it to the intake API (the generator's id becomes sourceRecordId). */
export function toApiBody(record: MatchRecord): Record<string, unknown> {
  const body: Record<string, unknown> = {
    sourceRecordId: record.id,
    givenNames: record.givenNames ?? undefined,
    firstSurname: record.firstSurname ?? undefined,
    secondSurname: record.secondSurname ?? undefined,
    fullName: record.givenNames || record.firstSurname || record.secondSurname ? undefined : (record.fullName ?? undefined),
    aliases: record.aliases?.length ? record.aliases : undefined,
    sex: record.sex,
    nationality: record.nationality ?? undefined,
    languages: record.languages?.length ? record.languages : undefined,
    heightCm: record.heightCm ?? undefined,
    weightKg: record.weightKg ?? undefined,
    build: record.build ?? undefined,
    skinTone: record.skinTone ?? undefined,
    hairColor: record.hairColor ?? undefined,
    eyeColor: record.eyeColor ?? undefined,
    marks: record.marks?.length
      ? record.marks.map((m) => ({ type: m.type, bodyRegion: m.bodyRegion ?? 'other', ...(m.side ? { side: m.side } : {}), description: m.description || m.type }))
      : undefined,
    documents: record.documents?.length
      ? record.documents.filter((d) => d.number).map((d) => ({ type: d.type, number: d.number }))
      : undefined,
    dateOfBirth: record.dateOfBirth ?? undefined,
  };
  if (record.kind === 'missing_report') {
    Object.assign(body, { ageAtEvent: record.ageAtEvent ?? undefined, lastSeenDate: record.lastSeenDate ?? undefined, lastSeenPlace: place(record.lastSeenPlace) });
  } else {
    Object.assign(body, {
      condition: record.condition ?? 'alive',
      estimatedAgeMin: record.estimatedAgeMin ?? undefined,
      estimatedAgeMax: record.estimatedAgeMax ?? undefined,
      foundDate: record.foundDate ?? undefined,
      foundPlace: place(record.foundPlace),
    });
  }
  for (const [k, v] of Object.entries(body)) if (v === undefined) delete body[k];
  return body;
}
