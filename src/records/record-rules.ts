import type { FieldError } from '../common/errors.js';
import { findAdmin1, isIsoCountry } from '../reference/geography.js';
import type { PlaceDto, RecordInputDto } from './dto/record-input.dto.js';
import type { RecordKind } from './record.types.js';

/** Today's date (UTC) as YYYY-MM-DD. Mexico and Guatemala are behind UTC, so no local "today" is later. */
export function todayUtc(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/** Checks that a YYYY, YYYY-MM or YYYY-MM-DD string is a real calendar date; returns a reason or null. */
export function calendarProblem(value: string): string | null {
  const [y, m, d] = value.split('-').map(Number);
  if (y < 1900) return 'must be after 1900';
  if (m !== undefined && (m < 1 || m > 12)) return 'has a month outside 01–12';
  if (d !== undefined) {
    const daysInMonth = new Date(Date.UTC(y, m, 0)).getUTCDate();
    if (d < 1 || d > daysInMonth) return `has a day outside 01–${daysInMonth}`;
  }
  return null;
}

/** The earliest full date a partial date can denote, for ordering checks. */
function earliest(value: string): string {
  return value.length === 4 ? `${value}-01-01` : value.length === 7 ? `${value}-01` : value;
}

/**
 * Rules that span fields or need reference tables: calendar validity, no future dates, ranges in order,
 * known country and region codes, and a name on every missing-person report.
 */
export function checkRecordRules(kind: RecordKind, input: RecordInputDto, now = new Date()): FieldError[] {
  const errors: FieldError[] = [];
  const today = todayUtc(now);
  const record = input as unknown as Record<string, unknown>;

  const dateFields = kind === 'missing_report' ? ['dateOfBirth', 'lastSeenDate'] : ['dateOfBirth', 'foundDate'];
  for (const field of dateFields) {
    const value = record[field];
    if (typeof value !== 'string') continue;
    const problem = calendarProblem(value);
    if (problem) errors.push({ field, reason: problem });
    else if (earliest(value) > today) errors.push({ field, reason: 'must not be in the future' });
  }
  const eventField = kind === 'missing_report' ? 'lastSeenDate' : 'foundDate';
  const event = record[eventField];
  if (
    typeof input.dateOfBirth === 'string' &&
    typeof event === 'string' &&
    !errors.some((e) => e.field === 'dateOfBirth' || e.field === eventField) &&
    earliest(input.dateOfBirth) > event
  ) {
    errors.push({ field: eventField, reason: 'must not be before dateOfBirth' });
  }

  if (kind === 'suspected_victim') {
    const { estimatedAgeMin: min, estimatedAgeMax: max } = record as { estimatedAgeMin?: number; estimatedAgeMax?: number };
    if (typeof min === 'number' && typeof max === 'number' && min > max) {
      errors.push({ field: 'estimatedAgeMin', reason: 'must not be greater than estimatedAgeMax' });
    }
  } else if (!input.givenNames && !input.firstSurname && !input.secondSurname && !input.fullName) {
    errors.push({ field: 'givenNames', reason: 'a missing-person report needs a name: givenNames, firstSurname or fullName' });
  }

  if (input.nationality && !isIsoCountry(input.nationality)) {
    errors.push({ field: 'nationality', reason: 'is not an ISO 3166-1 alpha-2 country code' });
  }
  input.documents?.forEach((doc, i) => {
    if (doc.issuingCountry && !isIsoCountry(doc.issuingCountry)) {
      errors.push({ field: `documents[${i}].issuingCountry`, reason: 'is not an ISO 3166-1 alpha-2 country code' });
    }
  });
  errors.push(...controlCharacters(record, ''));
  const placeField = kind === 'missing_report' ? 'lastSeenPlace' : 'foundPlace';
  const place = record[placeField] as PlaceDto | undefined;
  if (place) errors.push(...checkPlace(place, placeField));
  return errors;
}

function checkPlace(place: PlaceDto, field: string): FieldError[] {
  const errors: FieldError[] = [];
  if (!isIsoCountry(place.country)) {
    errors.push({ field: `${field}.country`, reason: 'is not an ISO 3166-1 alpha-2 country code' });
  }
  if (place.admin1Code !== undefined && place.admin1Code !== null) {
    if (place.country === 'MX' || place.country === 'GT') {
      if (!findAdmin1(place.country, place.admin1Code)) {
        const what = place.country === 'MX' ? 'an INEGI state code (01–32)' : 'a Guatemalan department code (01–22)';
        errors.push({ field: `${field}.admin1Code`, reason: `is not ${what}` });
      }
    } else {
      errors.push({ field: `${field}.admin1Code`, reason: 'is only defined for places in MX or GT; use admin1 for other countries' });
    }
  }
  const hasLat = typeof place.lat === 'number';
  const hasLon = typeof place.lon === 'number';
  if (hasLat !== hasLon) errors.push({ field: `${field}.${hasLat ? 'lon' : 'lat'}`, reason: 'is required when the other coordinate is given' });
  return errors;
}

// NUL cannot be stored in PostgreSQL text; other C0 controls except tab and line breaks are never meaningful in a record.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/;

function controlCharacters(value: unknown, path: string): FieldError[] {
  if (typeof value === 'string') return CONTROL.test(value) ? [{ field: path, reason: 'must not contain control characters' }] : [];
  if (Array.isArray(value)) return value.flatMap((v, i) => controlCharacters(v, `${path}[${i}]`));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => controlCharacters(v, path ? `${path}.${k}` : k));
  }
  return [];
}
