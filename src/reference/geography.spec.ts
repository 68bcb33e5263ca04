import {
  GT_DEPARTMENTS,
  GT_MUNICIPALITY_COUNTS,
  ISO_COUNTRY_COUNT,
  MX_STATES,
  admin1ByCurpCode,
  findAdmin1,
  haversineKm,
  isIsoCountry,
} from './geography.js';

describe('admin1 tables', () => {
  it.each([
    ['MX', MX_STATES, 32],
    ['GT', GT_DEPARTMENTS, 22],
  ] as const)('%s has %d entries with codes 01..N in order, in the right country and bounding box', (country, table, count) => {
    expect(table).toHaveLength(count);
    table.forEach((a, i) => {
      expect(a.country).toBe(country);
      expect(a.code).toBe(String(i + 1).padStart(2, '0'));
      expect(a.lat).toBeGreaterThan(country === 'MX' ? 14 : 13.7);
      expect(a.lat).toBeLessThan(country === 'MX' ? 33 : 17.9);
      expect(a.lon).toBeGreaterThan(country === 'MX' ? -118 : -92.3);
      expect(a.lon).toBeLessThan(country === 'MX' ? -86 : -88.2);
    });
  });

  it('has a unique CURP code for every Mexican state and none for Guatemala', () => {
    const codes = MX_STATES.map((s) => s.curpCode);
    expect(new Set(codes).size).toBe(32);
    codes.forEach((c) => expect(c).toMatch(/^[A-Z]{2}$/));
    GT_DEPARTMENTS.forEach((d) => expect(d.curpCode).toBeUndefined());
  });

  it('counts 340 Guatemalan municipalities (current division)', () => {
    expect(Object.values(GT_MUNICIPALITY_COUNTS).reduce((a, b) => a + b, 0)).toBe(340);
  });
});

describe('findAdmin1', () => {
  it.each([
    ['MX', '07', 'Chiapas'],
    ['MX', '09', 'Ciudad de México'],
    ['mx', '30', 'Veracruz de Ignacio de la Llave'],
    ['GT', '09', 'Quetzaltenango'],
    ['GT', '13', 'Huehuetenango'],
    [' gt ', '1', 'Guatemala'],
    ['GT', '22', 'Jutiapa'],
  ])('%j %j → %s', (country, code, name) => {
    expect(findAdmin1(country, code)?.name).toBe(name);
  });

  it.each([
    ['GT', '23'],
    ['MX', '33'],
    ['MX', '00'],
    ['US', '01'],
    ['MX', 'CS'],
  ])('%j %j → undefined', (country, code) => {
    expect(findAdmin1(country, code)).toBeUndefined();
  });
});

describe('admin1ByCurpCode', () => {
  it.each([
    ['CS', '07', 'Chiapas'],
    ['CL', '05', 'Coahuila de Zaragoza'],
    ['CM', '06', 'Colima'],
    ['CH', '08', 'Chihuahua'],
    ['DF', '09', 'Ciudad de México'],
    ['GT', '11', 'Guanajuato'],
    ['MC', '15', 'México'],
    ['QR', '23', 'Quintana Roo'],
    ['vz', '30', 'Veracruz de Ignacio de la Llave'],
  ])('%s → %s %s', (curp, code, name) => {
    expect(admin1ByCurpCode(curp)).toMatchObject({ country: 'MX', code, name });
  });

  it.each([['NE'], ['XX'], ['']])('%j → undefined', (code) => {
    expect(admin1ByCurpCode(code)).toBeUndefined();
  });
});

describe('isIsoCountry', () => {
  it('holds the 249 assigned codes', () => {
    expect(ISO_COUNTRY_COUNT).toBe(249);
  });

  it.each([['MX'], ['GT'], ['US'], ['HN'], ['SV'], ['BZ'], ['CU'], ['SS'], ['CW'], ['AX'], ['ZW']])('%s is a country', (c) => {
    expect(isIsoCountry(c)).toBe(true);
  });

  it.each([['mx'], ['MEX'], ['XK'], ['UK'], ['ZZ'], [''], [' MX']])('%j is not', (c) => {
    expect(isIsoCountry(c)).toBe(false);
  });
});

describe('haversineKm', () => {
  it.each([
    // [label, lat1, lon1, lat2, lon2, expected km, tolerance km]
    ['same point', 14.83, -91.52, 14.83, -91.52, 0, 0.001],
    ['one degree of latitude', 0, 0, 1, 0, 111.2, 0.1],
    ['quarter meridian', 0, 0, 90, 0, 10007.5, 1],
    ['antipodes (half circumference)', 0, 0, 0, 180, 20015.1, 1],
    ['Ciudad de Guatemala – Ciudad de México', 14.63, -90.51, 19.43, -99.13, 1052, 10],
    ['Tecún Umán – Tapachula', 14.679, -92.142, 14.905, -92.263, 28, 2],
  ])('%s', (_label, lat1, lon1, lat2, lon2, km, tol) => {
    expect(Math.abs(haversineKm(lat1, lon1, lat2, lon2) - km)).toBeLessThanOrEqual(tol);
    expect(Math.abs(haversineKm(lat2, lon2, lat1, lon1) - km)).toBeLessThanOrEqual(tol);
  });
});
