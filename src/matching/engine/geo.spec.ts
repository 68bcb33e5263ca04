import { isRouteTown } from './geo.js';
import { fold } from './text.js';

describe('isRouteTown', () => {
  it.each([
    ['Tapachula', true],
    ['Ciudad Hidalgo', true],
    ['Suchiate', true], // the municipality of Ciudad Hidalgo
    ['Centro', true], // Villahermosa's municipality
    ['Guatemala', true], // Ciudad de Guatemala's municipality
    ['Othón P. Blanco', true], // Chetumal
    ['Juchitán de Zaragoza', true],
    ['Salcajá', false],
    ['Momostenango', false],
    ['San Juan Ostuncalco', false],
  ])('%s → %s', (municipality, expected) => {
    expect(isRouteTown(fold(municipality))).toBe(expected);
  });
});
