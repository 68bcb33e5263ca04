import { columnName, readHeader, rowToInput } from './csv-columns.js';
import { detectDelimiter, detectEncoding } from './csv-decoding.js';

describe('readHeader', () => {
  it.each([
    { kind: 'missing_report' as const, headers: ['sourceRecordId', 'givenNames', 'lastSeenPlace.admin1Code', 'mark1.type', 'document2.number'], errors: [] },
    { kind: 'suspected_victim' as const, headers: ['sourceRecordId', 'condition', 'foundPlace.lat', 'estimatedAgeMin'], errors: [] },
    { kind: 'missing_report' as const, headers: ['sourceRecordId', 'condition'], errors: ['column "condition"'] },
    { kind: 'suspected_victim' as const, headers: ['sourceRecordId', 'lastSeenPlace.country'], errors: ['column "lastSeenPlace.country"'] },
    { kind: 'missing_report' as const, headers: ['sourceRecordId', 'mark0.type', 'mark51.type', 'mark1.color'], errors: ['column "mark0.type"', 'column "mark51.type"', 'column "mark1.color"'] },
    { kind: 'missing_report' as const, headers: ['givenNames'], errors: ['column "sourceRecordId"'] },
    { kind: 'missing_report' as const, headers: ['sourceRecordId', 'givenNames', 'givenNames'], errors: ['column "givenNames"'] },
    { kind: 'suspected_victim' as const, headers: ['sourceRecordId', 'condition', 'fingerprintRecordIds'], errors: [] },
    { kind: 'missing_report' as const, headers: ['sourceRecordId', 'familyReferenceSamples'], errors: ['column "familyReferenceSamples"'] },
  ])('$headers → $errors', ({ kind, headers, errors }) => {
    const result = readHeader(kind, headers);
    expect('errors' in result ? result.errors.map((e) => e.field) : []).toEqual(errors);
  });
});

describe('rowToInput', () => {
  const header = [
    'sourceRecordId', 'givenNames', 'aliases', 'heightCm', 'lastSeenPlace.country', 'lastSeenPlace.lat', 'lastSeenPlace.lon',
    'mark1.type', 'mark1.bodyRegion', 'mark1.description', 'mark2.type', 'mark2.bodyRegion', 'mark2.description',
    'document1.type', 'document1.number',
  ];
  const layout = (() => {
    const r = readHeader('missing_report', header);
    if ('errors' in r) throw new Error('bad header');
    return r.layout;
  })();

  it.each([
    {
      name: 'all columns',
      cells: ['A1', "K'iche' Peña", 'Chepe| Pepe ', '152,5', 'GT', '14.84', '-91.52', 'tattoo', 'forearm', 'rosa', 'scar', 'face', 'ceja', 'DPI', '1234 56789 0101'],
      expected: {
        sourceRecordId: 'A1',
        givenNames: "K'iche' Peña",
        aliases: ['Chepe', 'Pepe'],
        heightCm: 152.5,
        lastSeenPlace: { country: 'GT', lat: 14.84, lon: -91.52 },
        marks: [{ type: 'tattoo', bodyRegion: 'forearm', description: 'rosa' }, { type: 'scar', bodyRegion: 'face', description: 'ceja' }],
        documents: [{ type: 'DPI', number: '1234 56789 0101' }],
      },
    },
    {
      name: 'empty cells are absent',
      cells: ['A2', '', '', '', '', '', '', '', '', '', '', '', '', '', ''],
      expected: { sourceRecordId: 'A2' },
    },
    {
      name: 'a number cell that is not a number stays text for validation to name',
      cells: ['A3', '', '', 'alto', '', '', '', '', '', '', '', '', '', '', ''],
      expected: { sourceRecordId: 'A3', heightCm: 'alto' },
    },
  ])('$name', ({ cells, expected }) => {
    expect(rowToInput(layout, cells)).toEqual(expected);
  });
});

describe('columnName', () => {
  it.each([
    ['marks[0].type', 'mark1.type'],
    ['documents[2].number', 'document3.number'],
    ['lastSeenPlace.admin1Code', 'lastSeenPlace.admin1Code'],
    ['heightCm', 'heightCm'],
  ])('%s → %s', (field, column) => expect(columnName(field)).toBe(column));
});

describe('detectEncoding', () => {
  it.each([
    ['plain ASCII', Buffer.from('a,b\n1,2\n'), true, 'utf-8'],
    ['UTF-8 accents', Buffer.from('Peña,Ajú\n', 'utf8'), true, 'utf-8'],
    ['Latin-1 accents', Buffer.from('Pe\xf1a,Aj\xfa\n', 'latin1'), true, 'windows-1252'],
    ['UTF-8 cut inside a character at the sample end', Buffer.from('Peña', 'utf8').subarray(0, 3), false, 'utf-8'],
    ['the same cut when the file really ends there', Buffer.from('Peña', 'utf8').subarray(0, 3), true, 'windows-1252'],
  ])('%s', (_name, bytes, complete, expected) => expect(detectEncoding(bytes, complete)).toBe(expected));
});

describe('detectDelimiter', () => {
  it.each([
    ['a,b,c', ','],
    ['a;b;c', ';'],
    ['a\tb\tc', '\t'],
    ['"a;b",c', ','],
    ['single', ','],
  ])('%j → %j', (line, expected) => expect(detectDelimiter(line)).toBe(expected));
});

describe('fingerprintRecordIds in CSV', () => {
  it('is a list separated by |', () => {
    const r = readHeader('suspected_victim', ['sourceRecordId', 'condition', 'fingerprintRecordIds']);
    if ('errors' in r) throw new Error('bad header');
    expect(rowToInput(r.layout, ['S1', 'deceased', 'AFIS-1| INE-2 '])).toMatchObject({ fingerprintRecordIds: ['AFIS-1', 'INE-2'] });
  });
});
