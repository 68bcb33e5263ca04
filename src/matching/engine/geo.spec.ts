import { admin1OfCapital, isRouteTown, routePointNamed } from './geo.js';
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

describe('places written as a municipality alone', () => {
  it.each([
    { country: 'GT', name: 'Huehuetenango', code: '13' },
    { country: 'GT', name: 'Xela', code: '09' },
    { country: 'MX', name: 'Tuxtla Gutiérrez', code: '07' },
    { country: 'MX', name: 'Chetumal', code: '23' },
    { country: '', name: 'Cobán', code: '16' },
    { country: 'MX', name: 'Hidalgo', code: null }, // a state's name, not a capital: many municipalities bear it
    { country: 'MX', name: 'Juárez', code: null },
  ])('$name ($country) → capital of $code', ({ country, name, code }) => {
    expect(admin1OfCapital(country, fold(name))?.code ?? null).toBe(code);
  });

  it.each([
    { country: 'MX', name: 'Tapachula', found: true },
    { country: '', name: 'Tecún Umán', found: true },
    { country: 'GT', name: 'Tapachula', found: false }, // in Mexico, not Guatemala
    { country: 'MX', name: 'Zapopan', found: false },
  ])('route point named $name ($country): $found', ({ country, name, found }) => {
    expect(routePointNamed(country, fold(name)) !== undefined).toBe(found);
  });
});
