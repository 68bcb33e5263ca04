import { createHash } from 'node:crypto';
import { checkDocument } from '../reference/identity-documents.js';
import { normalizeLanguage } from '../reference/languages.js';
import { splitFullName } from '../reference/person-names.js';
import type { MissingReportInputDto, PlaceDto, RecordInputDto, SuspectedVictimInputDto } from './dto/record-input.dto.js';
import type { PersonRecord } from './person-record.entity.js';
import type { RecordKind, StoredDocument, StoredMark, StoredPlace } from './record.types.js';

/** The columns a submission sets: what was sent, exactly, plus the derived columns. */
export type RecordFields = Pick<
  PersonRecord,
  | 'kind'
  | 'country'
  | 'sourceRecordId'
  | 'givenNames'
  | 'firstSurname'
  | 'secondSurname'
  | 'marriedSurname'
  | 'fullName'
  | 'nameSource'
  | 'aliases'
  | 'sex'
  | 'nationality'
  | 'languages'
  | 'languageCodes'
  | 'heightCm'
  | 'weightKg'
  | 'build'
  | 'skinTone'
  | 'hairColor'
  | 'eyeColor'
  | 'marks'
  | 'documents'
  | 'dateOfBirth'
  | 'ageAtEvent'
  | 'lastSeenDate'
  | 'lastSeenPlace'
  | 'circumstances'
  | 'condition'
  | 'estimatedAgeMin'
  | 'estimatedAgeMax'
  | 'foundDate'
  | 'foundPlace'
  | 'identificationCaseId'
  | 'dnaSampleTaken'
  | 'familyReferenceSamples'
  | 'fingerprintRecordIds'
>;

/** Fields added after records were first stored: left out of the content hash when not given, so that an
 * identical resubmission of an older record still answers "unchanged". */
const LATER_FIELDS = ['dnaSampleTaken', 'familyReferenceSamples', 'fingerprintRecordIds'] as const;

const orNull = <T>(value: T | undefined | null): T | null => (value === undefined ? null : value);

function place(value: PlaceDto | undefined | null): StoredPlace | null {
  if (!value) return null;
  const out: StoredPlace = { country: value.country };
  for (const key of ['admin1Code', 'admin1', 'municipality', 'lat', 'lon', 'description'] as const) {
    if (value[key] !== undefined && value[key] !== null) (out as unknown as Record<string, unknown>)[key] = value[key];
  }
  return out;
}

/** Turns a validated submission into stored columns. Nothing sent is altered; derived values go beside it. */
export function toRecordFields(kind: RecordKind, input: RecordInputDto, organizationCountry: 'MX' | 'GT'): RecordFields {
  const hasParts = Boolean(input.givenNames || input.firstSurname || input.secondSurname);
  const split = !hasParts && input.fullName ? splitFullName(input.fullName) : null;
  const missing = kind === 'missing_report' ? (input as MissingReportInputDto) : null;
  const victim = kind === 'suspected_victim' ? (input as SuspectedVictimInputDto) : null;
  const languages = input.languages ?? [];
  return {
    kind,
    country: input.country ?? organizationCountry,
    sourceRecordId: input.sourceRecordId,
    givenNames: split ? split.givenNames : orNull(input.givenNames),
    firstSurname: split ? split.firstSurname : orNull(input.firstSurname),
    secondSurname: split ? split.secondSurname : orNull(input.secondSurname),
    marriedSurname: split?.marriedSurname ?? null,
    fullName: orNull(input.fullName),
    nameSource: hasParts ? 'parts' : split ? 'full_name' : 'none',
    aliases: input.aliases ?? [],
    sex: (input.sex ?? 'unknown') as PersonRecord['sex'],
    nationality: orNull(input.nationality),
    languages,
    languageCodes: languages.map((l) => normalizeLanguage(l)),
    heightCm: orNull(input.heightCm),
    weightKg: orNull(input.weightKg),
    build: orNull(input.build),
    skinTone: orNull(input.skinTone),
    hairColor: orNull(input.hairColor),
    eyeColor: orNull(input.eyeColor),
    marks: (input.marks ?? []).map(
      (m): StoredMark => ({ type: m.type, bodyRegion: m.bodyRegion, ...(m.side ? { side: m.side } : {}), description: m.description }),
    ),
    documents: (input.documents ?? []).map((d): StoredDocument => {
      const check = checkDocument(d.type, d.number, d.issuingCountry);
      return {
        type: d.type,
        number: d.number,
        ...(d.issuingCountry ? { issuingCountry: d.issuingCountry } : {}),
        normalizedNumber: check.normalizedNumber,
        checkDigitValid: check.checkDigitValid,
        checkProblem: check.problem,
      };
    }),
    dateOfBirth: orNull(input.dateOfBirth),
    ageAtEvent: orNull(missing?.ageAtEvent),
    lastSeenDate: orNull(missing?.lastSeenDate),
    lastSeenPlace: place(missing?.lastSeenPlace),
    circumstances: orNull(missing?.circumstances),
    condition: (victim?.condition ?? null) as PersonRecord['condition'],
    estimatedAgeMin: orNull(victim?.estimatedAgeMin),
    estimatedAgeMax: orNull(victim?.estimatedAgeMax),
    foundDate: orNull(victim?.foundDate),
    foundPlace: place(victim?.foundPlace),
    identificationCaseId: orNull(victim?.identificationCaseId),
    dnaSampleTaken: orNull(victim?.dnaSampleTaken),
    familyReferenceSamples: orNull(missing?.familyReferenceSamples),
    fingerprintRecordIds: input.fingerprintRecordIds ?? null,
  };
}

/** JSON with object keys sorted at every depth, so equal content always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function contentHash(fields: RecordFields): string {
  const hashed: Record<string, unknown> = { ...fields };
  for (const key of LATER_FIELDS) if (hashed[key] === null) delete hashed[key];
  return createHash('sha256').update(canonicalJson(hashed), 'utf8').digest('hex');
}

const KIND_FIELDS: Record<RecordKind, readonly (keyof RecordFields)[]> = {
  missing_report: ['dateOfBirth', 'ageAtEvent', 'lastSeenDate', 'lastSeenPlace', 'circumstances', 'familyReferenceSamples'],
  suspected_victim: ['condition', 'estimatedAgeMin', 'estimatedAgeMax', 'dateOfBirth', 'foundDate', 'foundPlace', 'identificationCaseId', 'dnaSampleTaken'],
};
const PROFILE_FIELDS = [
  'givenNames',
  'firstSurname',
  'secondSurname',
  'marriedSurname',
  'fullName',
  'nameSource',
  'aliases',
  'sex',
  'nationality',
  'languages',
  'languageCodes',
  'heightCm',
  'weightKg',
  'build',
  'skinTone',
  'hairColor',
  'eyeColor',
  'marks',
  'documents',
  'fingerprintRecordIds',
] as const satisfies readonly (keyof RecordFields)[];

export type RecordView = Record<string, unknown> & { id: string; kind: RecordKind; version: number };

/** PostgreSQL's jsonb does not keep key order; the API shows nested objects in their documented order. */
function ordered<T extends object>(value: T | null, keys: readonly (keyof T)[]): T | null {
  if (!value) return value;
  const out = {} as T;
  for (const key of keys) if (value[key] !== undefined) out[key] = value[key];
  return out;
}
const PLACE_KEYS = ['country', 'admin1Code', 'admin1', 'municipality', 'lat', 'lon', 'description'] as const;
const MARK_KEYS = ['type', 'bodyRegion', 'side', 'description'] as const;
const DOCUMENT_KEYS = ['type', 'number', 'issuingCountry', 'normalizedNumber', 'checkDigitValid', 'checkProblem'] as const;
const NESTED: Partial<Record<keyof RecordFields, (value: never) => unknown>> = {
  lastSeenPlace: (v: StoredPlace | null) => ordered(v, PLACE_KEYS),
  foundPlace: (v: StoredPlace | null) => ordered(v, PLACE_KEYS),
  marks: (v: StoredMark[]) => v.map((m) => ordered(m, MARK_KEYS)),
  documents: (v: StoredDocument[]) => v.map((d) => ordered(d, DOCUMENT_KEYS)),
};

/** The record as the API shows it (and as each version is kept). */
export function toView(record: PersonRecord): RecordView {
  const view: RecordView = {
    id: record.id,
    kind: record.kind,
    country: record.country,
    sourceRecordId: record.sourceRecordId,
    organizationId: record.organizationId,
    version: record.version,
    createdAt: record.createdAt.toISOString(),
    updatedAt: record.updatedAt.toISOString(),
  };
  const fields: Record<string, unknown> = view;
  for (const field of [...PROFILE_FIELDS, ...KIND_FIELDS[record.kind]]) {
    const shape = NESTED[field];
    fields[field] = shape ? shape(record[field] as never) : record[field];
  }
  return view;
}

/** Whether a missing report was located by a confirmed match (alive or deceased), or null. */
export function locatedView(record: PersonRecord): { condition: 'alive' | 'deceased'; at: string; alertId: string } | null {
  if (record.kind !== 'missing_report' || !record.located || !record.locatedAt || !record.locatedByAlertId) return null;
  return { condition: record.located, at: record.locatedAt.toISOString(), alertId: record.locatedByAlertId };
}
