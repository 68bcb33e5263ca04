import { getMetadataStorage } from 'class-validator';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { VOCABULARIES } from '../reference/vocabularies.js';
import { DocumentDto, MarkDto, MissingReportInputDto, PlaceDto, SuspectedVictimInputDto } from './dto/record-input.dto.js';

/** The data dictionary is the partners' reference: it must name every accepted field and every vocabulary value. */
const dictionary = readFileSync(join(process.cwd(), 'docs', 'data-dictionary.md'), 'utf8');

function fieldsOf(target: new () => object): string[] {
  const names = getMetadataStorage()
    .getTargetValidationMetadatas(target, '', true, false)
    .map((m) => m.propertyName);
  return [...new Set(names)];
}

const FIELDS = [
  ...fieldsOf(MissingReportInputDto).map((f) => ['missing report', f]),
  ...fieldsOf(SuspectedVictimInputDto).map((f) => ['suspected victim', f]),
  ...fieldsOf(MarkDto).map((f) => ['mark', `marks[].${f}`]),
  ...fieldsOf(DocumentDto).map((f) => ['document', `documents[].${f}`]),
  ...fieldsOf(PlaceDto).map((f) => ['place', f]),
];

describe('docs/data-dictionary.md', () => {
  it('lists a sensible number of fields', () => expect(FIELDS.length).toBeGreaterThan(40));

  it.each(FIELDS)('documents the %s field %s', (_kind, field) => {
    expect(dictionary).toContain(`| \`${field}\``);
  });

  it.each(Object.entries(VOCABULARIES).flatMap(([name, values]) => values.map((v) => [name, v])))(
    'documents the %s value %s',
    (_name, value) => {
      expect(dictionary).toContain(`| \`${value}\` |`);
    },
  );
});
