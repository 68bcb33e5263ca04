/**
 * The statistics' dimensions and measures: the only names a request may use. Each dimension maps to a column of
 * the fact sets built in statistics.sql.ts (fixed SQL, never built from the request). docs/statistics.md defines them.
 */

export const DIMENSIONS = [
  'country',
  'region',
  'sex',
  'ageGroup',
  'month',
  'kind',
  'condition',
  'crossBorder',
  'alertStatus',
] as const;
export type Dimension = (typeof DIMENSIONS)[number];

/** The fact-set column of each dimension. */
export const DIMENSION_COLUMNS: Record<Dimension, string> = {
  country: 'country',
  region: 'region',
  sex: 'sex',
  ageGroup: 'age_group',
  month: 'month',
  kind: 'kind',
  condition: 'condition',
  crossBorder: 'cross_border',
  alertStatus: 'alert_status',
};

export const AGE_GROUPS = ['0-11', '12-17', '18-29', '30-44', '45-59', '60+', 'unknown'] as const;

export const COUNT_MEASURES = [
  'people',
  'people_reported',
  'suspected_victims',
  'alerts_raised',
  'confirmed_matches',
] as const;
export const MEDIAN_MEASURES = ['median_days_to_confirmation', 'median_days_to_review'] as const;
export const MEASURES = [...COUNT_MEASURES, ...MEDIAN_MEASURES] as const;
export type Measure = (typeof MEASURES)[number];

export const isMedian = (m: Measure): boolean => (MEDIAN_MEASURES as readonly string[]).includes(m);

/** Which fact set a measure is computed on: people (one row per person) or alerts. */
export const MEASURE_BASIS: Record<Measure, 'people' | 'alerts'> = {
  people: 'people',
  people_reported: 'people',
  suspected_victims: 'people',
  alerts_raised: 'alerts',
  confirmed_matches: 'alerts',
  median_days_to_confirmation: 'alerts',
  median_days_to_review: 'alerts',
};

/** Dimensions that have no meaning for a basis: `kind` for alerts (an alert has both kinds), `alertStatus` for people. */
export const NOT_APPLICABLE: Record<'people' | 'alerts', Dimension[]> = { people: ['alertStatus'], alerts: ['kind'] };

export const applicableDimensions = (m: Measure): Dimension[] =>
  DIMENSIONS.filter((d) => !NOT_APPLICABLE[MEASURE_BASIS[m]].includes(d));

export const MAX_DIMENSIONS = 3;

/** Largest table (non-empty cells) protected per request: secondary suppression solves a linear system over it. */
export const MAX_CELLS = 5000;

export const MEASURE_DESCRIPTIONS: Record<Measure, string> = {
  people: 'People known to the service (either kind), each counted once',
  people_reported: 'People reported missing, each counted once however many reports and updates',
  suspected_victims: 'People recorded as suspected victims (found alive or dead), each counted once',
  alerts_raised: 'Candidate-match alerts raised (pairs of a report and a victim record), in any status',
  confirmed_matches: 'People reported missing and found through a confirmed match, each counted once',
  median_days_to_confirmation: 'Median days from the registration of the report to the confirmation of its match',
  median_days_to_review: 'Median days an alert waited from being raised to its first reviewer decision',
};
