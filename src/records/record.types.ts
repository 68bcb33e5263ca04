export const RECORD_KINDS = ['missing_report', 'suspected_victim'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

export interface StoredPlace {
  country: string;
  admin1Code?: string;
  admin1?: string;
  municipality?: string;
  lat?: number;
  lon?: number;
  description?: string;
}

export interface StoredMark {
  type: string;
  bodyRegion: string;
  side?: string;
  description: string;
}

export interface StoredDocument {
  type: 'CURP' | 'DPI' | 'PASSPORT' | 'OTHER';
  number: string;
  issuingCountry?: string;
  /** Derived: the number without spaces, dots and hyphens, upper case. */
  normalizedNumber: string;
  /** Derived: CURP and DPI check digits verified (true/false); null where the type has none. */
  checkDigitValid: boolean | null;
  /** Derived: why the check failed, when it did. */
  checkProblem: string | null;
}
