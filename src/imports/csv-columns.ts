import type { FieldError } from '../common/errors.js';
import type { RecordKind } from '../records/record.types.js';

/**
 * The CSV layout for commissions that work in spreadsheets. One row = one record; the header row names the
 * columns below (any order, any subset). Lists (aliases, languages) are separated by "|". Marks and documents
 * use numbered repeated columns: mark1.type, mark1.bodyRegion, mark1.side, mark1.description, mark2.type, …;
 * document1.type, document1.number, document1.issuingCountry, … Places use dotted columns:
 * lastSeenPlace.country, lastSeenPlace.admin1Code, … An empty cell means "not given".
 */
const COMMON_TEXT = [
  'sourceRecordId', 'country', 'givenNames', 'firstSurname', 'secondSurname', 'fullName', 'sex', 'nationality',
  'build', 'skinTone', 'hairColor', 'eyeColor', 'dateOfBirth',
] as const;
const COMMON_NUMBERS = ['heightCm', 'weightKg'] as const;
const LISTS = ['aliases', 'languages', 'fingerprintRecordIds'] as const;
const PLACE_PARTS = ['country', 'admin1Code', 'admin1', 'municipality', 'lat', 'lon', 'description'] as const;
const PLACE_NUMBERS = new Set(['lat', 'lon']);
const MARK_PARTS = ['type', 'bodyRegion', 'side', 'description'] as const;
const DOCUMENT_PARTS = ['type', 'number', 'issuingCountry'] as const;
export const LIST_SEPARATOR = '|';
export const MAX_REPEATS = 50;

const KIND_COLUMNS: Record<RecordKind, { text: string[]; numbers: string[]; place: string }> = {
  missing_report: { text: ['lastSeenDate', 'circumstances'], numbers: ['ageAtEvent'], place: 'lastSeenPlace' },
  suspected_victim: { text: ['condition', 'foundDate', 'identificationCaseId'], numbers: ['estimatedAgeMin', 'estimatedAgeMax'], place: 'foundPlace' },
};

type Column =
  | { kind: 'text' | 'number' | 'list'; field: string }
  | { kind: 'place'; field: string; part: string }
  | { kind: 'repeat'; field: 'marks' | 'documents'; index: number; part: string };

function classify(kind: RecordKind, header: string): Column | null {
  const k = KIND_COLUMNS[kind];
  if ((COMMON_TEXT as readonly string[]).includes(header) || k.text.includes(header)) return { kind: 'text', field: header };
  if ((COMMON_NUMBERS as readonly string[]).includes(header) || k.numbers.includes(header)) return { kind: 'number', field: header };
  if ((LISTS as readonly string[]).includes(header)) return { kind: 'list', field: header };
  const place = new RegExp(`^${k.place}\\.(\\w+)$`).exec(header);
  if (place && (PLACE_PARTS as readonly string[]).includes(place[1])) return { kind: 'place', field: k.place, part: place[1] };
  const repeat = /^(mark|document)(\d{1,2})\.(\w+)$/.exec(header);
  if (repeat) {
    const index = Number(repeat[2]);
    const parts: readonly string[] = repeat[1] === 'mark' ? MARK_PARTS : DOCUMENT_PARTS;
    if (index >= 1 && index <= MAX_REPEATS && parts.includes(repeat[3])) {
      return { kind: 'repeat', field: repeat[1] === 'mark' ? 'marks' : 'documents', index: index - 1, part: repeat[3] };
    }
  }
  return null;
}

export interface CsvLayout {
  columns: Column[];
}

/** Reads the header row; unknown or repeated column names are refused before any row is stored. */
export function readHeader(kind: RecordKind, headers: string[]): { layout: CsvLayout } | { errors: FieldError[] } {
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  const columns: Column[] = [];
  for (const raw of headers) {
    const header = raw.trim();
    const column = classify(kind, header);
    if (!column) errors.push({ field: `column "${header}"`, reason: `is not a known column for ${kind}` });
    else if (seen.has(header)) errors.push({ field: `column "${header}"`, reason: 'appears twice' });
    else columns.push(column);
    seen.add(header);
  }
  if (!seen.has('sourceRecordId')) errors.push({ field: 'column "sourceRecordId"', reason: 'is required' });
  return errors.length ? { errors } : { layout: { columns } };
}

function cellValue(value: string, numeric: boolean): string | number {
  if (!numeric) return value;
  const n = Number(value.trim().replace(',', '.'));
  // A cell that is not a number stays text, so validation names it ("must be a number").
  return value.trim() !== '' && Number.isFinite(n) ? n : value;
}

/** Turns one CSV row (cells in header order) into the same object a JSON client would send. */
export function rowToInput(layout: CsvLayout, cells: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const repeats: Record<'marks' | 'documents', Record<string, unknown>[]> = { marks: [], documents: [] };
  layout.columns.forEach((column, i) => {
    const value = cells[i] ?? '';
    if (value === '') return;
    switch (column.kind) {
      case 'text':
        out[column.field] = value;
        break;
      case 'number':
        out[column.field] = cellValue(value, true);
        break;
      case 'list':
        out[column.field] = value.split(LIST_SEPARATOR).map((v) => v.trim()).filter((v) => v !== '');
        break;
      case 'place':
        out[column.field] = { ...(out[column.field] as object), [column.part]: cellValue(value, PLACE_NUMBERS.has(column.part)) };
        break;
      case 'repeat':
        (repeats[column.field][column.index] ??= {})[column.part] = value;
        break;
    }
  });
  for (const field of ['marks', 'documents'] as const) {
    const items = repeats[field].filter((item) => item !== undefined);
    if (items.length) out[field] = items;
  }
  return out;
}

/** Names a validation error by its CSV column: marks[0].type → mark1.type. (Gaps in numbering are closed up.) */
export function columnName(field: string): string {
  return field.replace(/^(marks|documents)\[(\d+)\]/, (_m, f: string, i: string) => `${f === 'marks' ? 'mark' : 'document'}${Number(i) + 1}`);
}
