/**
 * Structure and check-digit verification for the identity documents people carry across the Mexico–Guatemala
 * border: the Mexican CURP, the Guatemalan CUI (the number printed on the DPI card) and passports.
 *
 * Every checker is total: it never throws, it returns the normalised number plus a verdict. A failed check is a
 * signal for investigators, not a reason to reject a record (the number may be a transcription of a real document).
 * The algorithms are described in docs/reference-data.md.
 */
import { CURP_BORN_ABROAD, GT_MUNICIPALITY_COUNTS, admin1ByCurpCode, isIsoCountry } from './geography.js';

export type DocumentType = 'CURP' | 'DPI' | 'PASSPORT' | 'OTHER';

export const DOCUMENT_TYPES: readonly DocumentType[] = ['CURP', 'DPI', 'PASSPORT', 'OTHER'];

export interface DocumentCheck {
  /** Upper case, with whitespace, hyphens and dots removed. */
  normalizedNumber: string;
  /** CURP/DPI: whether structure and check digit are valid. PASSPORT/OTHER: null (no checksum to verify). */
  checkDigitValid: boolean | null;
  /** Short English reason when something is wrong, otherwise null. */
  problem: string | null;
}

/** Upper-cases and drops the separators people type inside document numbers (spaces, hyphens, dots). */
export function normalizeDocumentNumber(value: string): string {
  return (value ?? '').toUpperCase().replace(/[\s.\-\u2010-\u2015]/g, '');
}

const ok = (n: string, checkDigitValid: boolean | null): DocumentCheck => ({
  normalizedNumber: n,
  checkDigitValid,
  problem: null,
});
const bad = (n: string, problem: string, checkDigitValid: boolean | null = false): DocumentCheck => ({
  normalizedNumber: n,
  checkDigitValid,
  problem,
});

// ---------------------------------------------------------------------------------------------------------------
// CURP
// ---------------------------------------------------------------------------------------------------------------

/** Character values for the CURP check digit: digits 0-9, then A..N, Ñ, O..Z (so A=10, Ñ=24, Z=36). */
const CURP_VALUES = '0123456789ABCDEFGHIJKLMNÑOPQRSTUVWXYZ';

/** Check digit (0-9) computed over the first 17 characters of a CURP, or null if a character has no value. */
export function curpCheckDigit(first17: string): number | null {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = CURP_VALUES.indexOf(first17.charAt(i));
    if (v < 0) return null;
    sum += v * (18 - i);
  }
  return (10 - (sum % 10)) % 10;
}

const isValidDate = (y: number, m: number, d: number): boolean => {
  if (m < 1 || m > 12 || d < 1) return false;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate(); // day 0 of next month = last day of month m
  return d <= days;
};

/**
 * Verifies a Mexican CURP: 18 characters, letter/vowel pattern, a real birth date (century taken from the
 * homonymy character: digit → 1900s, letter → 2000s), sex H/M/X, a RENAPO state code (or NE, born abroad),
 * three internal consonants, and the check digit.
 */
export function checkCurp(value: string): DocumentCheck {
  const n = normalizeDocumentNumber(value);
  if (n.length !== 18) return bad(n, 'must be 18 characters');
  if (!/^[A-Z][AEIOUX][A-Z]{2}$/.test(n.slice(0, 4))) return bad(n, 'name letters (positions 1-4) are malformed');
  if (!/^\d{6}$/.test(n.slice(4, 10))) return bad(n, 'birth date must be 6 digits (YYMMDD)');
  if (!/^[HMX]$/.test(n.charAt(10))) return bad(n, 'unknown sex code');
  const state = n.slice(11, 13);
  if (state !== CURP_BORN_ABROAD && !admin1ByCurpCode(state)) return bad(n, 'unknown state code');
  if (!/^[B-DF-HJ-NP-TV-Z]{3}$/.test(n.slice(13, 16))) return bad(n, 'internal consonants (positions 14-16) are malformed');
  const differentiator = n.charAt(16);
  if (!/^[A-Z0-9]$/.test(differentiator)) return bad(n, 'homonymy differentiator (position 17) is malformed');
  if (!/^\d$/.test(n.charAt(17))) return bad(n, 'check digit must be a digit');
  const century = /\d/.test(differentiator) ? 1900 : 2000;
  const yy = Number(n.slice(4, 6));
  if (!isValidDate(century + yy, Number(n.slice(6, 8)), Number(n.slice(8, 10)))) return bad(n, 'invalid birth date');
  const expected = curpCheckDigit(n.slice(0, 17));
  if (expected === null || expected !== Number(n.charAt(17))) return bad(n, 'check digit mismatch');
  return ok(n, true);
}

// ---------------------------------------------------------------------------------------------------------------
// CUI (Código Único de Identificación) — the DPI number
// ---------------------------------------------------------------------------------------------------------------

/**
 * Remainder used as the CUI check digit: the eight correlative digits weighted 2..9, summed, modulo 11.
 * A remainder of 10 cannot be written as one digit, so such correlatives are never issued.
 */
export function cuiCheckRemainder(first8: string): number {
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number(first8.charAt(i)) * (i + 2);
  return sum % 11;
}

/**
 * Verifies a Guatemalan CUI (DPI number), printed as `NNNN NNNNN NNNN`: 13 digits = 8 correlative digits,
 * a check digit, the department (01-22) and the municipality within it (01..number of municipalities today).
 */
export function checkCui(value: string): DocumentCheck {
  const n = normalizeDocumentNumber(value);
  if (!/^\d*$/.test(n)) return bad(n, 'must contain only digits');
  if (n.length !== 13) return bad(n, 'must be 13 digits');
  const dept = n.slice(9, 11);
  const munis = GT_MUNICIPALITY_COUNTS[dept];
  if (munis === undefined) return bad(n, 'unknown department code');
  const muni = Number(n.slice(11, 13));
  if (muni < 1 || muni > munis) return bad(n, 'municipality code out of range for department');
  const r = cuiCheckRemainder(n.slice(0, 8));
  if (r === 10 || r !== Number(n.charAt(8))) return bad(n, 'check digit mismatch');
  return ok(n, true);
}

// ---------------------------------------------------------------------------------------------------------------
// Passports and other documents
// ---------------------------------------------------------------------------------------------------------------

/**
 * Passport numbers: no issuer publishes a checksum for the bare number, so only the shape is checked
 * (6-12 letters or digits). When given, the issuing country must be an upper-case ISO 3166-1 alpha-2 code.
 */
export function checkPassport(value: string, issuingCountry?: string): DocumentCheck {
  const n = normalizeDocumentNumber(value);
  if (!/^[A-Z0-9]{6,12}$/.test(n)) return bad(n, 'must be 6 to 12 letters or digits', null);
  if (issuingCountry !== undefined && issuingCountry !== null && !isIsoCountry(issuingCountry)) {
    return bad(n, 'unknown issuing country', null);
  }
  return ok(n, null);
}

/** Dispatches on the document type. OTHER is only normalised (an empty number is reported). */
export function checkDocument(type: DocumentType, number: string, issuingCountry?: string): DocumentCheck {
  switch (type) {
    case 'CURP':
      return checkCurp(number);
    case 'DPI':
      return checkCui(number);
    case 'PASSPORT':
      return checkPassport(number, issuingCountry);
    case 'OTHER': {
      const n = normalizeDocumentNumber(number);
      return n.length === 0 ? bad(n, 'empty document number', null) : ok(n, null);
    }
    default:
      return bad(normalizeDocumentNumber(number), 'unknown document type', null);
  }
}
