import { normalizeGivenNames, normalizeName, normalizeSurname } from './normalize.js';
import { fold } from './text.js';

describe('N1 folding: case and accents, ñ kept apart', () => {
  it.each([
    { left: 'Pérez', expected: 'perez' },
    { left: 'MUÑOZ', expected: 'muñoz' },
    { left: 'Peña', expected: 'peña' },
    { left: "K'iche'", expected: 'kiche' },
    { left: 'Agüero', expected: 'aguero' },
    { left: '  José   Luis ', expected: 'jose luis' },
    { left: 'Pérez-López', expected: 'perez lopez' },
  ])('fold($left) = $expected', ({ left, expected }) => {
    expect(fold(left)).toBe(expected);
  });

  it('keeps Peña and Pena different at the exact level', () => {
    expect(fold('Peña')).not.toBe(fold('Pena'));
  });
});

describe('N2–N4, N7 given names: abbreviations, particles, compound split, placeholders', () => {
  it.each([
    { left: 'Ma. Guadalupe', words: ['maria', 'guadalupe'], weak: [true, false] },
    { left: 'MA GUADALUPE', words: ['maria', 'guadalupe'], weak: [true, false] },
    { left: 'Fco. Javier', words: ['francisco', 'javier'], weak: [false, false] },
    { left: 'J. Luis', words: ['jose', 'luis'], weak: [true, false] },
    { left: 'Gpe.', words: ['guadalupe'], weak: [false] },
    { left: 'María de los Ángeles', words: ['maria', 'angeles'], weak: [true, false] },
    { left: 'María', words: ['maria'], weak: [false] },
    { left: 'José Luis', words: ['jose', 'luis'], weak: [true, false] },
    { left: 'Juan Carlos', words: ['juan', 'carlos'], weak: [false, false] },
    { left: 'FNU', words: [], weak: [] },
    { left: 'N/N', words: [], weak: [] },
    { left: 'desconocido', words: [], weak: [] },
  ])('normalizeGivenNames($left)', ({ left, words, weak }) => {
    const g = normalizeGivenNames(left);
    expect(g.words).toEqual(words);
    expect(g.weak).toEqual(weak);
  });
});

describe('N2, N3, N5 surnames: abbreviations, particles, married form', () => {
  it.each([
    { left: 'Glez.', key: 'gonzalez', married: '' },
    { left: 'GLEZ', key: 'gonzalez', married: '' },
    { left: 'Hdez.', key: 'hernandez', married: '' },
    { left: 'Mtz.', key: 'martinez', married: '' },
    { left: 'De la Cruz', key: 'cruz', married: '' },
    { left: 'Delacruz', key: 'cruz', married: '' },
    { left: 'del Valle', key: 'valle', married: '' },
    { left: 'De los Santos', key: 'santos', married: '' },
    { left: 'López de García', key: 'lopez', married: 'garcia' },
    { left: 'Pérez de la Cruz', key: 'perezcruz', married: '' },
    { left: 'LNU', key: '', married: '' },
    { left: 'Delgado', key: 'delgado', married: '' },
  ])('normalizeSurname($left) → $key', ({ left, key, married }) => {
    const s = normalizeSurname(left);
    expect(s.key).toBe(key);
    expect(s.married).toBe(married);
  });
});

describe('N6, N8 whole names: hyphenated surnames, full-name split', () => {
  it.each([
    { left: { givenNames: 'Juan', firstSurname: 'Pérez-López' }, given: 'juan', first: 'perez', second: 'lopez', married: '' },
    { left: { givenNames: 'Juan', firstSurname: 'Pérez López' }, given: 'juan', first: 'perez', second: 'lopez', married: '' },
    { left: { fullName: 'María López Pérez de García' }, given: 'maria', first: 'lopez', second: 'perez', married: 'garcia' },
    { left: { fullName: 'María del Carmen Hernández Xol' }, given: 'maria carmen', first: 'hernandez', second: 'xol', married: '' },
    { left: { givenNames: 'Ana', firstSurname: null, secondSurname: 'Tzul' }, given: 'ana', first: 'tzul', second: '', married: '' },
    { left: { givenNames: 'Ana', firstSurname: 'Tzoc', secondSurname: 'López de García' }, given: 'ana', first: 'tzoc', second: 'lopez', married: 'garcia' },
  ])('normalizeName($left)', ({ left, given, first, second, married }) => {
    const n = normalizeName(left);
    expect(n.given.full).toBe(given);
    expect(n.first.key).toBe(first);
    expect(n.second.key).toBe(second);
    expect(n.married).toBe(married);
  });
});
