import { missingReport, suspectedVictim } from '../../test/factories/records.js';
import type { RecordKind } from './record.types.js';
import { validateRecordInput } from './record-validation.js';

const NOW = new Date('2026-11-28T12:00:00Z');

type Row = { name: string; kind: RecordKind; body: Record<string, unknown>; field: string; reason: RegExp };

const mr = (o: Record<string, unknown>) => missingReport(o);
const sv = (o: Record<string, unknown>) => suspectedVictim(o);

/** Every field family: one invalid value each, and the field and reason the 400 names. */
const INVALID: Row[] = [
  { name: 'unknown top-level field', kind: 'missing_report', body: mr({ apodo: 'x' }), field: 'apodo', reason: /not a known field/ },
  { name: 'victim field on a report', kind: 'missing_report', body: mr({ condition: 'alive' }), field: 'condition', reason: /not a known field/ },
  { name: 'report field on a victim', kind: 'suspected_victim', body: sv({ lastSeenDate: '2026-01-01' }), field: 'lastSeenDate', reason: /not a known field/ },
  { name: 'missing sourceRecordId', kind: 'missing_report', body: mr({ sourceRecordId: undefined }), field: 'sourceRecordId', reason: /./ },
  { name: 'empty given names', kind: 'missing_report', body: mr({ givenNames: '' }), field: 'givenNames', reason: /longer than or equal to 1/ },
  { name: 'report without any name', kind: 'missing_report', body: mr({ givenNames: undefined, firstSurname: undefined, secondSurname: undefined }), field: 'givenNames', reason: /needs a name/ },
  { name: 'aliases not a list', kind: 'missing_report', body: mr({ aliases: 'Chepe' }), field: 'aliases', reason: /array/ },
  { name: 'sex outside vocabulary', kind: 'missing_report', body: mr({ sex: 'F' }), field: 'sex', reason: /one of: female, male, unknown/ },
  { name: 'nationality lower case', kind: 'missing_report', body: mr({ nationality: 'gt' }), field: 'nationality', reason: /ISO 3166-1/ },
  { name: 'nationality not assigned', kind: 'missing_report', body: mr({ nationality: 'ZZ' }), field: 'nationality', reason: /ISO 3166-1/ },
  { name: 'height below 40', kind: 'missing_report', body: mr({ heightCm: 39 }), field: 'heightCm', reason: /between 40 and 250/ },
  { name: 'height above 250', kind: 'suspected_victim', body: sv({ heightCm: 251 }), field: 'heightCm', reason: /between 40 and 250/ },
  { name: 'height as text', kind: 'missing_report', body: mr({ heightCm: '160' }), field: 'heightCm', reason: /must be a number/ },
  { name: 'weight zero', kind: 'missing_report', body: mr({ weightKg: 0 }), field: 'weightKg', reason: /between 1 and 400/ },
  { name: 'build outside vocabulary', kind: 'missing_report', body: mr({ build: 'robusta' }), field: 'build', reason: /must be one of/ },
  { name: 'skin tone outside vocabulary', kind: 'missing_report', body: mr({ skinTone: 'morena' }), field: 'skinTone', reason: /must be one of/ },
  { name: 'hair colour outside vocabulary', kind: 'missing_report', body: mr({ hairColor: 'negro' }), field: 'hairColor', reason: /must be one of/ },
  { name: 'eye colour outside vocabulary', kind: 'missing_report', body: mr({ eyeColor: 'cafe' }), field: 'eyeColor', reason: /must be one of/ },
  { name: 'mark type unknown', kind: 'missing_report', body: mr({ marks: [{ type: 'tatuaje', bodyRegion: 'chest', description: 'x' }] }), field: 'marks[0].type', reason: /must be one of/ },
  { name: 'mark side unknown', kind: 'suspected_victim', body: sv({ marks: [{ type: 'scar', bodyRegion: 'chest', side: 'izq', description: 'x' }] }), field: 'marks[0].side', reason: /left, right, center/ },
  { name: 'mark region unknown', kind: 'missing_report', body: mr({ marks: [{ type: 'scar', bodyRegion: 'brazo', description: 'x' }] }), field: 'marks[0].bodyRegion', reason: /must be one of/ },
  { name: 'mark without description', kind: 'missing_report', body: mr({ marks: [{ type: 'scar', bodyRegion: 'chest' }] }), field: 'marks[0].description', reason: /./ },
  { name: 'unknown field inside a mark', kind: 'missing_report', body: mr({ marks: [{ type: 'scar', bodyRegion: 'chest', description: 'x', color: 'azul' }] }), field: 'marks[0].color', reason: /not a known field/ },
  { name: 'document type unknown', kind: 'missing_report', body: mr({ documents: [{ type: 'INE', number: '1' }] }), field: 'documents[0].type', reason: /CURP, DPI, PASSPORT, OTHER/ },
  { name: 'document issuing country unknown', kind: 'missing_report', body: mr({ documents: [{ type: 'PASSPORT', number: 'G12345678', issuingCountry: 'QQ' }] }), field: 'documents[0].issuingCountry', reason: /ISO 3166-1/ },
  { name: 'date of birth malformed', kind: 'missing_report', body: mr({ dateOfBirth: '14/03/2006' }), field: 'dateOfBirth', reason: /YYYY, YYYY-MM or YYYY-MM-DD/ },
  { name: 'date of birth impossible day', kind: 'missing_report', body: mr({ dateOfBirth: '2006-02-30' }), field: 'dateOfBirth', reason: /day outside/ },
  { name: 'date of birth impossible month', kind: 'missing_report', body: mr({ dateOfBirth: '2006-13' }), field: 'dateOfBirth', reason: /month outside/ },
  { name: 'date of birth in the future', kind: 'missing_report', body: mr({ dateOfBirth: '2027' }), field: 'dateOfBirth', reason: /future/ },
  { name: 'last seen in the future', kind: 'missing_report', body: mr({ lastSeenDate: '2026-11-29' }), field: 'lastSeenDate', reason: /future/ },
  { name: 'last seen before birth', kind: 'missing_report', body: mr({ dateOfBirth: '2010-05-01', lastSeenDate: '2009-01-01' }), field: 'lastSeenDate', reason: /before dateOfBirth/ },
  { name: 'found date in the future', kind: 'suspected_victim', body: sv({ foundDate: '2030-01-01' }), field: 'foundDate', reason: /future/ },
  { name: 'found date malformed', kind: 'suspected_victim', body: sv({ foundDate: '2026-5-2' }), field: 'foundDate', reason: /YYYY-MM-DD/ },
  { name: 'age at event negative', kind: 'missing_report', body: mr({ ageAtEvent: -1 }), field: 'ageAtEvent', reason: /between 0 and 120/ },
  { name: 'age at event fractional', kind: 'missing_report', body: mr({ ageAtEvent: 16.5 }), field: 'ageAtEvent', reason: /whole number/ },
  { name: 'estimated ages reversed', kind: 'suspected_victim', body: sv({ estimatedAgeMin: 30, estimatedAgeMax: 20 }), field: 'estimatedAgeMin', reason: /greater than estimatedAgeMax/ },
  { name: 'victim without condition', kind: 'suspected_victim', body: sv({ condition: undefined }), field: 'condition', reason: /alive, deceased/ },
  { name: 'victim condition outside vocabulary', kind: 'suspected_victim', body: sv({ condition: 'muerto' }), field: 'condition', reason: /alive, deceased/ },
  { name: 'place country unknown', kind: 'missing_report', body: mr({ lastSeenPlace: { country: 'XX' } }), field: 'lastSeenPlace.country', reason: /ISO 3166-1/ },
  { name: 'Mexican state code unknown', kind: 'suspected_victim', body: sv({ foundPlace: { country: 'MX', admin1Code: '33' } }), field: 'foundPlace.admin1Code', reason: /INEGI state code/ },
  { name: 'Guatemalan department code unknown', kind: 'missing_report', body: mr({ lastSeenPlace: { country: 'GT', admin1Code: '23' } }), field: 'lastSeenPlace.admin1Code', reason: /department code/ },
  { name: 'region code outside MX and GT', kind: 'missing_report', body: mr({ lastSeenPlace: { country: 'US', admin1Code: '01' } }), field: 'lastSeenPlace.admin1Code', reason: /only defined for places in MX or GT/ },
  { name: 'latitude out of range', kind: 'suspected_victim', body: sv({ foundPlace: { country: 'MX', lat: 91, lon: -92 } }), field: 'foundPlace.lat', reason: /between -90 and 90/ },
  { name: 'longitude out of range', kind: 'suspected_victim', body: sv({ foundPlace: { country: 'MX', lat: 15, lon: -181 } }), field: 'foundPlace.lon', reason: /between -180 and 180/ },
  { name: 'latitude without longitude', kind: 'suspected_victim', body: sv({ foundPlace: { country: 'MX', lat: 15 } }), field: 'foundPlace.lon', reason: /required when the other coordinate/ },
  { name: 'NUL character in a name', kind: 'missing_report', body: mr({ givenNames: 'Ana\u0000' }), field: 'givenNames', reason: /control characters/ },
  { name: 'control character in a mark', kind: 'suspected_victim', body: sv({ marks: [{ type: 'scar', bodyRegion: 'chest', description: 'x\u0007' }] }), field: 'marks[0].description', reason: /control characters/ },
  { name: 'country outside MX and GT', kind: 'missing_report', body: mr({ country: 'US' }), field: 'country', reason: /MX, GT/ },
];

describe('validateRecordInput: invalid input names the field and the reason', () => {
  it.each(INVALID)('$name → $field', ({ kind, body, field, reason }) => {
    const result = validateRecordInput(kind, JSON.parse(JSON.stringify(body)), NOW);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const error = result.errors.find((e) => e.field === field);
    expect(error).toBeDefined();
    expect(error!.reason).toMatch(reason);
  });
});

describe('validateRecordInput: valid input passes', () => {
  it.each([
    { name: 'full report', kind: 'missing_report' as const, body: mr({}) },
    { name: 'full victim', kind: 'suspected_victim' as const, body: sv({}) },
    { name: 'nameless deceased victim', kind: 'suspected_victim' as const, body: { sourceRecordId: 'x', condition: 'deceased' } },
    { name: 'report with only a full name', kind: 'missing_report' as const, body: { sourceRecordId: 'x', fullName: 'Juan de la Cruz Pérez' } },
    { name: 'year-only birth date, today as last seen', kind: 'missing_report' as const, body: mr({ dateOfBirth: '1990', lastSeenDate: '2026-11-28' }) },
    { name: 'place outside MX and GT without a code', kind: 'missing_report' as const, body: mr({ lastSeenPlace: { country: 'US', admin1: 'Texas' } }) },
    { name: 'line breaks and tabs in free text', kind: 'missing_report' as const, body: mr({ circumstances: 'Salió de casa.\r\n\tNo regresó.' }) },
    { name: 'explicit nulls for optional fields', kind: 'missing_report' as const, body: mr({ weightKg: null, circumstances: null }) },
  ])('$name', ({ kind, body }) => {
    const result = validateRecordInput(kind, JSON.parse(JSON.stringify(body)), NOW);
    expect(result).toMatchObject({ ok: true });
  });

  it.each([null, [], 'text', 42])('refuses a body that is not an object: %j', (body) => {
    expect(validateRecordInput('missing_report', body, NOW)).toEqual({ ok: false, errors: [{ field: 'body', reason: 'must be a JSON object' }] });
  });
});
