import {
  checkCui,
  checkCurp,
  checkDocument,
  checkPassport,
  curpCheckDigit,
  cuiCheckRemainder,
  normalizeDocumentNumber,
  type DocumentType,
} from './identity-documents.js';

describe('normalizeDocumentNumber', () => {
  it.each([
    ['sabc-560626.mdf lrn01', 'SABC560626MDFLRN01'],
    ['  1234 56789 0101 ', '1234567890101'],
    ['g\t1234–5678', 'G12345678'],
    ['', ''],
  ])('%j → %j', (raw, expected) => {
    expect(normalizeDocumentNumber(raw)).toBe(expected);
  });
});

describe('checkCurp: valid CURPs (published test vectors)', () => {
  it.each([
    ['SABC560626MDFLRN01'], // instructivo example
    ['BOXW310820HNERXN09'], // born abroad (NE)
    ['HELO990501HVZRPN09'],
    ['MASI050805MVZRLRA8'], // born after 1999: letter differentiator
    ['COME721110MVZNRR03'],
    ['TEAM470622HVZZPR07'],
    ['GARS700923HSPLXL06'],
    ['sabc 560626 mdflrn01'], // lower case with spaces
    ['GOMJ040229HCSRRNA0'], // 29 Feb 2004 (leap year, 2000s because of letter A)
    ['GOMJ000229HCSRRNA2'], // 29 Feb 2000 (letter → 2000, a leap year; with a digit it would be 1900)
    ['PEXA900101XGTRRN09'], // sex X
  ])('%s is valid', (curp) => {
    expect(checkCurp(curp)).toEqual({
      normalizedNumber: curp.toUpperCase().replace(/\s/g, ''),
      checkDigitValid: true,
      problem: null,
    });
  });
});

describe('checkCurp: invalid CURPs', () => {
  it.each([
    ['SABC560626MDFLRN09', 'check digit mismatch'], // wrong check digit
    ['SABC560627MDFLRN01', 'check digit mismatch'], // one digit of the date changed
    ['SABD560626MDFLRN01', 'check digit mismatch'], // one letter changed
    ['SABC560626MDFLRN0', 'must be 18 characters'],
    ['SABC560626MDFLRN011', 'must be 18 characters'],
    ['', 'must be 18 characters'],
    ['SABC560626MZZLRN01', 'unknown state code'],
    ['SABC560626MGTLRN01', 'check digit mismatch'], // GT = Guanajuato: a valid code, so only the digit fails
    ['SABC561326MDFLRN01', 'invalid birth date'], // month 13
    ['SABC560230MDFLRN01', 'invalid birth date'], // 30 February
    ['SABC560600MDFLRN01', 'invalid birth date'], // day 00
    ['GOMJ010229HCSRRNA9', 'invalid birth date'], // 29 Feb 2001 is not a date
    ['GOMJ000229HCSRRN10', 'invalid birth date'], // digit differentiator → 1900, not a leap year (check digit correct)
    ['SBBC560626MDFLRN01', 'name letters (positions 1-4) are malformed'], // 2nd char must be a vowel or X
    ['SABC5606X6MDFLRN01', 'birth date must be 6 digits (YYMMDD)'],
    ['SABC560626QDFLRN01', 'unknown sex code'],
    ['SABC560626MDFLAN01', 'internal consonants (positions 14-16) are malformed'],
    ['SABC560626MDFLRN0A', 'check digit must be a digit'],
    ['SAÑC560626MDFLRN01', 'name letters (positions 1-4) are malformed'], // Ñ is always written X
  ])('%s → %s', (curp, problem) => {
    const r = checkCurp(curp);
    expect(r.checkDigitValid).toBe(false);
    expect(r.problem).toBe(problem);
  });
});

describe('curpCheckDigit', () => {
  it.each([
    ['SABC560626MDFLRN0', 1],
    ['MASI050805MVZRLRA', 8],
    ['GARS700923HSPLXL0', 6],
  ])('%s → %d', (first17, digit) => {
    expect(curpCheckDigit(first17)).toBe(digit);
  });
});

describe('checkCui: valid CUIs', () => {
  it.each([
    ['1234 56789 0101'],
    ['1587564440904'], // Quetzaltenango
    ['1580352240101'], // Guatemala, Guatemala
    ['1234-56789-0514'], // Escuintla municipality 14 (Sipacate, created after older validators)
    ['1234567891333'], // Huehuetenango municipality 33 (Petatán)
    ['1234567892205'], // Jutiapa
  ])('%s is valid', (cui) => {
    expect(checkCui(cui)).toEqual({
      normalizedNumber: cui.replace(/[\s-]/g, ''),
      checkDigitValid: true,
      problem: null,
    });
  });
});

describe('checkCui: invalid CUIs', () => {
  it.each([
    ['1680352240101', 'check digit mismatch'], // first digit changed
    ['1234567800101', 'check digit mismatch'],
    ['0000000660101', 'check digit mismatch'], // remainder 10: no digit can match
    ['123456789010', 'must be 13 digits'],
    ['12345678901011', 'must be 13 digits'],
    ['123456789O101', 'must contain only digits'], // letter O instead of zero
    ['1234567892301', 'unknown department code'],
    ['1234567890001', 'unknown department code'],
    ['1234567890100', 'municipality code out of range for department'],
    ['1234567890118', 'municipality code out of range for department'], // Guatemala has 17
    ['1234567891334', 'municipality code out of range for department'], // Huehuetenango has 33
    ['1234567891806', 'municipality code out of range for department'], // Izabal has 5
  ])('%s → %s', (cui, problem) => {
    const r = checkCui(cui);
    expect(r.checkDigitValid).toBe(false);
    expect(r.problem).toBe(problem);
  });
});

describe('cuiCheckRemainder', () => {
  it.each([
    ['12345678', 9],
    ['15875644', 4],
    ['16803522', 7],
    ['00000006', 10],
  ])('%s → %d', (first8, r) => {
    expect(cuiCheckRemainder(first8)).toBe(r);
  });
});

describe('checkPassport', () => {
  it.each([
    ['G12345678', undefined, 'G12345678', null],
    ['g-1234 5678', 'MX', 'G12345678', null],
    ['L898902C3', 'GT', 'L898902C3', null],
    ['123456', undefined, '123456', null],
    ['ABCDEF123456', undefined, 'ABCDEF123456', null],
    ['12345', undefined, '12345', 'must be 6 to 12 letters or digits'],
    ['ABCDEF1234567', undefined, 'ABCDEF1234567', 'must be 6 to 12 letters or digits'],
    ['AB#123456', undefined, 'AB#123456', 'must be 6 to 12 letters or digits'],
    ['G12345678', 'mx', 'G12345678', 'unknown issuing country'],
    ['G12345678', 'ZZ', 'G12345678', 'unknown issuing country'],
  ])('%j issued by %j', (num, country, normalized, problem) => {
    expect(checkPassport(num, country)).toEqual({ normalizedNumber: normalized, checkDigitValid: null, problem });
  });
});

describe('checkDocument dispatches by type', () => {
  it.each<[DocumentType, string, string | undefined, boolean | null, string | null]>([
    ['CURP', 'SABC560626MDFLRN01', undefined, true, null],
    ['CURP', 'SABC560626MDFLRN09', 'MX', false, 'check digit mismatch'],
    ['DPI', '1580352240101', 'GT', true, null],
    ['DPI', '1580352240199', undefined, false, 'municipality code out of range for department'],
    ['PASSPORT', 'G12345678', 'MX', null, null],
    ['PASSPORT', 'G1', undefined, null, 'must be 6 to 12 letters or digits'],
    ['OTHER', 'lic. 12-345', undefined, null, null],
    ['OTHER', ' - ', undefined, null, 'empty document number'],
  ])('%s %j', (type, num, country, valid, problem) => {
    const r = checkDocument(type, num, country);
    expect(r.checkDigitValid).toBe(valid);
    expect(r.problem).toBe(problem);
  });

  it('normalises OTHER numbers the same way', () => {
    expect(checkDocument('OTHER', 'lic. 12-345').normalizedNumber).toBe('LIC12345');
  });
});
