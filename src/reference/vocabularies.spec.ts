import {
  BODY_REGION,
  BUILD,
  CONDITION,
  EYE_COLOR,
  HAIR_COLOR,
  MARK_TYPE,
  SEX,
  SIDE,
  SKIN_TONE,
  VOCABULARIES,
  VOCABULARY_LABELS_ES,
} from './vocabularies.js';

const all: Array<[string, readonly string[]]> = [
  ['SEX', SEX],
  ['BUILD', BUILD],
  ['SKIN_TONE', SKIN_TONE],
  ['HAIR_COLOR', HAIR_COLOR],
  ['EYE_COLOR', EYE_COLOR],
  ['MARK_TYPE', MARK_TYPE],
  ['BODY_REGION', BODY_REGION],
  ['SIDE', SIDE],
  ['CONDITION', CONDITION],
];

describe('vocabularies', () => {
  it('VOCABULARIES and VOCABULARY_LABELS_ES list exactly the nine vocabularies', () => {
    const names = all.map(([n]) => n).sort();
    expect(Object.keys(VOCABULARIES).sort()).toEqual(names);
    expect(Object.keys(VOCABULARY_LABELS_ES).sort()).toEqual(names);
  });

  it.each(all)('%s: unique snake_case values, each with exactly one non-empty Spanish label', (name, values) => {
    expect(VOCABULARIES[name]).toBe(values);
    expect(new Set(values).size).toBe(values.length);
    values.forEach((v) => expect(v).toMatch(/^[a-z]+(_[a-z]+)*$/));
    const labels = VOCABULARY_LABELS_ES[name];
    expect(Object.keys(labels).sort()).toEqual([...values].sort());
    Object.values(labels).forEach((l) => expect(l.trim().length).toBeGreaterThan(0));
  });

  it.each([
    ['SEX', 'unknown', 'Se desconoce'],
    ['BUILD', 'heavy', 'Robusta'],
    ['SKIN_TONE', 'brown', 'Morena'],
    ['HAIR_COLOR', 'gray', 'Canoso'],
    ['EYE_COLOR', 'dark_brown', 'Café oscuro'],
    ['MARK_TYPE', 'tattoo', 'Tatuaje'],
    ['BODY_REGION', 'forearm', 'Antebrazo'],
    ['SIDE', 'left', 'Izquierdo'],
    ['CONDITION', 'deceased', 'Sin vida'],
  ])('%s.%s is labelled %j', (vocab, value, label) => {
    expect(VOCABULARY_LABELS_ES[vocab][value]).toBe(label);
  });

  it.each([
    ['SEX', ['female', 'male', 'unknown']],
    ['SIDE', ['left', 'right', 'center']],
    ['CONDITION', ['alive', 'deceased']],
    ['MARK_TYPE', ['tattoo', 'scar', 'birthmark', 'piercing', 'amputation', 'other']],
  ])('%s has the agreed values', (vocab, values) => {
    expect([...VOCABULARIES[vocab]]).toEqual(values);
  });
});
