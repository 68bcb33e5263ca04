// The console's formatting helpers are plain ES modules served to the browser; they run the same under Node.
// @ts-expect-error -- a browser module without type declarations
import * as format from './public/format.js';

const { distanceKm, evidenceValue, levelLabel, comparisonLabel, partialDate, percent, placeText, signed } =
  format as Record<string, (...args: never[]) => string | number>;

describe('console formatting', () => {
  it.each([
    [{ lat: 14.8347, lon: -91.5181 }, { lat: 14.9, lon: -92.26 }, 80, 81], // Quetzaltenango → Tapachula
    [{ lat: 14.9, lon: -92.26 }, { lat: 18.1344, lon: -94.459 }, 425, 430], // Tapachula → Coatzacoalcos
    [{ lat: 15, lon: -92 }, { lat: 15, lon: -92 }, 0, 0],
  ])('distance %j → %j is between %d and %d km', (a, b, min, max) => {
    const km = (distanceKm as (a: object, b: object) => number)(a, b);
    expect(km).toBeGreaterThanOrEqual(min);
    expect(km).toBeLessThanOrEqual(max);
  });

  it.each([
    [0.5, '50 %'],
    [0.9234, '92.3 %'],
    [0.99997, '> 99.9 %'],
    [1, '100 %'],
    [0.0004, '< 0.1 %'],
    [0, '0 %'],
  ])('probability %d reads %s (never a rounded certainty)', (p, text) => {
    expect((percent as (p: number) => string)(p)).toBe(text);
  });

  it.each([
    ['2006', '2006'],
    ['2006-04', 'abril de 2006'],
    ['2006-04-02', '2 de abril de 2006'],
  ])('record date %s reads %s', (value, text) => {
    expect((partialDate as (v: string) => string)(value)).toBe(text);
  });

  it('signs weights with a true minus sign', () => {
    expect((signed as (n: number) => string)(-13.42)).toBe('−13.4');
    expect((signed as (n: number) => string)(5)).toBe('+5.0');
  });

  it('names comparisons and levels in Spanish, per comparison where the same level means something else', () => {
    expect((comparisonLabel as (c: string) => string)('marks_detail')).toBe('Señas particulares (detalle)');
    expect((levelLabel as (c: string, l: string) => string)('given_name', 'nickname')).toMatch(/^hipocorístico/);
    expect((levelLabel as (c: string, l: string) => string)('height', 'else')).toBe('diferencia de más de 12 cm');
    expect((levelLabel as (c: string, l: string) => string)('place', 'else')).toBe('a más de 300 km');
    expect((levelLabel as (c: string, l: string) => string)('new_comparison', 'new_level')).toBe('new_level');
  });

  it('turns the engine notation of compared values into Spanish', () => {
    const value = evidenceValue as (c: string, t: string) => string;
    expect(value('age_detail', 'born 2006-04-02')).toBe('nació 2 de abril de 2006');
    expect(value('age', 'estimated 17–23 y when found')).toBe('17–23 años (estimada) al localizarla');
    expect(value('time_alive', 'last seen 2025-09-16')).toBe('vista 16 de septiembre de 2025');
    expect(value('marks', 'tattoo forearm left "rosa con el nombre Lupita"')).toBe(
      'tattoo · forearm left: “rosa con el nombre Lupita”',
    ); // labels not loaded here
    expect(value('given_name', 'maria jose · alias: Majo')).toBe('maria jose · alias: Majo');
    expect(value('sex', '—')).toBe('—');
  });

  it('writes a place as municipality, state or department, country', () => {
    expect(
      (placeText as (p: object) => string)({ country: 'GT', admin1: 'Quetzaltenango', municipality: 'Salcajá' }),
    ).toBe('Salcajá, Quetzaltenango, Guatemala');
  });
});
