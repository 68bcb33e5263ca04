import {
  CURP_SKIPPED_PARTICLES,
  NAME_ABBREVIATIONS,
  NAME_PARTICLES,
  expandNameAbbreviation,
  isNameParticle,
  splitFullName,
  type SplitName,
} from './person-names.js';

const s = (
  givenNames: string | null,
  firstSurname: string | null,
  secondSurname: string | null,
  marriedSurname?: string,
): SplitName => (marriedSurname === undefined ? { givenNames, firstSurname, secondSurname } : { givenNames, firstSurname, secondSurname, marriedSurname });

describe('splitFullName', () => {
  it.each<[string, SplitName]>([
    ['Juan Pérez López', s('Juan', 'Pérez', 'López')],
    ['José Luis Hernández Hernández', s('José Luis', 'Hernández', 'Hernández')],
    ['María Guadalupe de los Ángeles Peña Muñoz', s('María Guadalupe de los Ángeles', 'Peña', 'Muñoz')],
    ['  Rosa   Tzul    Batz  ', s('Rosa', 'Tzul', 'Batz')],
    ["Ixchel K'iche' Ajú", s('Ixchel', "K'iche'", 'Ajú')],
    ['Sebastián Jerónimo Pablo', s('Sebastián', 'Jerónimo', 'Pablo')], // given names used as surnames
    ['Pedro', s('Pedro', null, null)],
    ['Pedro Caal', s('Pedro', 'Caal', null)],
    ['', s(null, null, null)],
    ['   ', s(null, null, null)],
    ['Juan de la Cruz Pérez', s('Juan', 'de la Cruz', 'Pérez')],
    ['Ana Sofía Pérez de la Cruz', s('Ana Sofía', 'Pérez', 'de la Cruz')],
    ['Luis del Valle de los Santos', s('Luis', 'del Valle', 'de los Santos')],
    ['Mario San Martín Quej', s('Mario', 'San Martín', 'Quej')],
    ['José Ortega y Gasset', s('José', 'Ortega y Gasset', null)], // "y" builds one composite surname
    ['José Ortega y Gasset López', s('José', 'Ortega y Gasset', 'López')],
    ['María del Carmen López', s('María del Carmen', 'López', null)],
    ['María del Carmen López Xol', s('María del Carmen', 'López', 'Xol')],
    ['Ma. del Pilar Gómez Reyes', s('Ma. del Pilar', 'Gómez', 'Reyes')],
    ['José de Jesús Caal Coc', s('José de Jesús', 'Caal', 'Coc')],
    ['Juan de Dios Chavajay', s('Juan de Dios', 'Chavajay', null)],
    ['MARIA DE LOS ANGELES RAMIREZ', s('MARIA DE LOS ANGELES', 'RAMIREZ', null)],
    ['María del Carmen', s('María del Carmen', null, null)],
    ['Pedro del Carmen Soto', s('Pedro', 'del Carmen', 'Soto')], // tail rule only after María/José
    ['Ana López de García', s('Ana', 'López', null, 'García')],
    ['María López Pérez de García', s('María', 'López', 'Pérez', 'García')],
    ['María del Carmen Puac Tzoc de Xum', s('María del Carmen', 'Puac', 'Tzoc', 'Xum')],
    ['Ana de García', s('Ana', 'de García', null)], // too short for a married form
    ['Ana López de la Cruz', s('Ana', 'López', 'de la Cruz')], // "de la" is a surname particle, not the married "de"
    ['Dolores Peña-Nieto Vázquez', s('Dolores', 'Peña-Nieto', 'Vázquez')],
    ['Juan Carlos Mc Donald Pérez', s('Juan Carlos', 'Mc Donald', 'Pérez')],
    ['Ángel Pérez de', s('Ángel', 'Pérez de', null)], // dangling particle stays with the previous word
    // Surnames first, then a comma (lists, spreadsheet exports).
    ['LÓPEZ PÉREZ, JUAN', s('JUAN', 'LÓPEZ', 'PÉREZ')],
    ['Hernández Xol, José Luis', s('José Luis', 'Hernández', 'Xol')],
    ['de la Cruz Pérez, María del Carmen', s('María del Carmen', 'de la Cruz', 'Pérez')],
    ['Caal,Pedro', s('Pedro', 'Caal', null)],
    ['López de García, Ana', s('Ana', 'López', null, 'García')],
    ['López Pérez de García, Ana', s('Ana', 'López', 'Pérez', 'García')],
    ['Pérez de la Cruz, Ana', s('Ana', 'Pérez', 'de la Cruz')],
    ['Juan Pérez,', s('Juan', 'Pérez', null)], // nothing after the comma: read as written
    [', Juan Pérez', s('Juan', 'Pérez', null)],
    ['Pérez, Juan, hijo', s('Pérez', 'Juan', 'hijo')], // two commas: not the inverted form
  ])('%j', (input, expected) => {
    expect(splitFullName(input)).toEqual(expected);
  });
});

describe('particles', () => {
  it('NAME_PARTICLES are lower case, unique and include every CURP-skipped particle', () => {
    expect(new Set(NAME_PARTICLES).size).toBe(NAME_PARTICLES.length);
    NAME_PARTICLES.forEach((p) => expect(p).toBe(p.toLowerCase()));
    CURP_SKIPPED_PARTICLES.forEach((p) => expect(NAME_PARTICLES).toContain(p));
  });

  it.each([
    ['de', true],
    ['DEL', true],
    ['La', true],
    ['y', true],
    ['Mc', true],
    ['von', true],
    ['San', true],
    ['Cruz', false],
    ['María', false],
    ['dela', false],
  ])('isNameParticle(%j) = %s', (word, expected) => {
    expect(isNameParticle(word)).toBe(expected);
  });

  it.each([['san'], ['santa']])('%s is a splitting particle but not skipped by CURP', (p) => {
    expect(NAME_PARTICLES).toContain(p);
    expect(CURP_SKIPPED_PARTICLES).not.toContain(p);
  });
});

describe('abbreviations', () => {
  it('keys are lower case and end with a dot', () => {
    Object.keys(NAME_ABBREVIATIONS).forEach((k) => expect(k).toMatch(/^[a-z]+\.$/));
  });

  it.each([
    ['Ma.', 'maría'],
    ['MA', 'maría'],
    ['GLEZ', 'gonzález'],
    ['Glez.', 'gonzález'],
    ['Hdez.', 'hernández'],
    ['HDZ', 'hernández'],
    ['Fco.', 'francisco'],
    ['Gpe.', 'guadalupe'],
    ['Mtz.', 'martínez'],
    ['Rguez.', 'rodríguez'],
    ['Gtz.', 'gutiérrez'],
    ['Fdez.', 'fernández'],
  ])('%j → %j', (token, full) => {
    expect(expandNameAbbreviation(token)).toBe(full);
  });

  it.each([['María'], ['Pz'], [''], ['.']])('%j is not an abbreviation', (token) => {
    expect(expandNameAbbreviation(token)).toBeUndefined();
  });
});
