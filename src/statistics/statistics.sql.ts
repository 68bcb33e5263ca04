import { type Dimension, DIMENSION_COLUMNS, isMedian, type Measure } from './definitions.js';

/**
 * The SQL of the statistics. Everything here is fixed text: a request chooses among these fragments by validated
 * names (definitions.ts), and no request value is ever interpolated.
 *
 * Person key: records are linked when a confirmed match joins them (report ↔ victim record) or when they carry the
 * same identity document with a valid check digit (CURP or DPI/CUI, normalized number); the person key of a record
 * is the smallest record id of its connected group (transitively). One person = one key.
 */
const PERSON_KEYS = `
  doc AS (
    SELECT r.id, (d->>'type') || ':' || (d->>'normalizedNumber') AS doc
    FROM person_records r CROSS JOIN LATERAL jsonb_array_elements(r.documents) d
    WHERE d->>'type' IN ('CURP', 'DPI') AND d->>'checkDigitValid' = 'true' AND coalesce(d->>'normalizedNumber', '') <> ''
  ),
  link AS (
    SELECT missing_report_id AS a, suspected_victim_id AS b FROM alerts WHERE status = 'confirmed'
    UNION
    SELECT x.id, y.id FROM doc x JOIN doc y ON x.doc = y.doc AND x.id <> y.id
  ),
  edge AS (SELECT a, b FROM link UNION SELECT b, a FROM link),
  reach (id, other) AS (
    SELECT id, id FROM person_records
    UNION
    SELECT reach.id, edge.b FROM reach JOIN edge ON edge.a = reach.other
  ),
  person AS (SELECT id, min(other::text) AS person_key FROM reach GROUP BY id)`;

/** Each record with its person key and the derived dimension values. */
const RECORDS = `
  base AS (
    SELECT r.id, r.kind, r.country, r.created_at, r.sex, r.nationality, p.person_key,
      CASE WHEN r.kind = 'missing_report' THEN r.last_seen_place ELSE r.found_place END AS place,
      CASE WHEN r.kind = 'missing_report' THEN r.last_seen_date ELSE r.found_date END AS event_date,
      CASE WHEN r.kind = 'missing_report' THEN coalesce(r.located, 'not_located') ELSE coalesce(r.condition, 'unknown') END AS condition,
      r.age_at_event, r.date_of_birth, r.estimated_age_min, r.estimated_age_max
    FROM person_records r JOIN person p ON p.id = r.id
  ),
  span AS (SELECT person_key, count(DISTINCT country) > 1 AS both_countries FROM base GROUP BY person_key),
  aged AS (
    SELECT b.*, s.both_countries,
      coalesce(
        b.age_at_event::int,
        CASE WHEN b.date_of_birth IS NOT NULL AND b.event_date IS NOT NULL THEN greatest(0, extract(year FROM age(b.event_date,
          CASE length(b.date_of_birth)
            WHEN 4 THEN to_date(b.date_of_birth || '-07-01', 'YYYY-MM-DD')
            WHEN 7 THEN to_date(b.date_of_birth || '-15', 'YYYY-MM-DD')
            ELSE to_date(b.date_of_birth, 'YYYY-MM-DD') END))::int) END,
        CASE WHEN b.estimated_age_min IS NOT NULL AND b.estimated_age_max IS NOT NULL
          THEN (b.estimated_age_min + b.estimated_age_max) / 2 ELSE coalesce(b.estimated_age_min, b.estimated_age_max)::int END
      ) AS age
    FROM base b JOIN span s ON s.person_key = b.person_key
  ),
  rec AS (
    SELECT id, kind, country, created_at, sex, person_key, condition,
      CASE WHEN place->>'country' IS NULL THEN 'unknown'
           WHEN coalesce(place->>'admin1Code', '') <> '' THEN (place->>'country') || '-' || (place->>'admin1Code')
           ELSE place->>'country' END AS region,
      coalesce(to_char(event_date, 'YYYY-MM'), 'unknown') AS month,
      CASE WHEN age IS NULL THEN 'unknown' WHEN age < 12 THEN '0-11' WHEN age < 18 THEN '12-17' WHEN age < 30 THEN '18-29'
           WHEN age < 45 THEN '30-44' WHEN age < 60 THEN '45-59' ELSE '60+' END AS age_group,
      CASE WHEN both_countries
             OR (place->>'country' IS NOT NULL AND place->>'country' <> country)
             OR (nationality IS NOT NULL AND place->>'country' IS NOT NULL AND nationality <> place->>'country')
           THEN 'true' ELSE 'false' END AS cross_border
    FROM aged
  )`;

/** One row per person: the attributes of the person's earliest-registered record (of the kinds counted). */
const people = (kinds: string) => `
  facts AS (
    SELECT DISTINCT ON (person_key) country, region, sex, age_group, month, kind, condition, cross_border,
      NULL::text AS alert_status, NULL::text AS route_from, NULL::text AS route_to, NULL::float8 AS days
    FROM rec WHERE kind IN (${kinds}) ORDER BY person_key, created_at, id
  )`;

/** Alerts with the missing report's attributes (where, who, when) and the victim record's condition. */
const ALERTS = `
  alert_rows AS (
    SELECT a.id, a.status, a.cross_border, a.created_at, rep.person_key,
      rep.country, rep.region, rep.sex, rep.age_group, rep.month, vic.condition, rep.created_at AS reported_at,
      vic.region AS found_region,
      (SELECT max(d.decided_at) FROM alert_decisions d WHERE d.alert_id = a.id AND d.decision = 'confirmed') AS confirmed_at,
      (SELECT min(d.decided_at) FROM alert_decisions d WHERE d.alert_id = a.id AND d.decision <> 'reversed') AS first_decided_at
    FROM alerts a JOIN rec rep ON rep.id = a.missing_report_id JOIN rec vic ON vic.id = a.suspected_victim_id
  )`;

const alertFacts = (where: string, days: string, onePerPerson: boolean) => `
  facts AS (
    SELECT ${onePerPerson ? 'DISTINCT ON (person_key)' : ''} country, region, sex, age_group, month, NULL::text AS kind, condition,
      CASE WHEN cross_border THEN 'true' ELSE 'false' END AS cross_border, status AS alert_status,
      region AS route_from, found_region AS route_to, ${days} AS days
    FROM alert_rows WHERE ${where}
    ${onePerPerson ? 'ORDER BY person_key, confirmed_at, id' : ''}
  )`;

const DAYS = (from: string, to: string) => `extract(epoch FROM (${to} - ${from})) / 86400.0`;

const FACTS: Record<Measure, string> = {
  people: people(`'missing_report', 'suspected_victim'`),
  people_reported: people(`'missing_report'`),
  suspected_victims: people(`'suspected_victim'`),
  alerts_raised: `${ALERTS},${alertFacts('TRUE', 'NULL::float8', false)}`,
  confirmed_matches: `${ALERTS},${alertFacts(`status = 'confirmed'`, 'NULL::float8', true)}`,
  median_days_to_confirmation: `${ALERTS},${alertFacts(`status = 'confirmed' AND confirmed_at IS NOT NULL`, DAYS('reported_at', 'confirmed_at'), true)}`,
  median_days_to_review: `${ALERTS},${alertFacts('first_decided_at IS NOT NULL', DAYS('created_at', 'first_decided_at'), false)}`,
};

function withFacts(measure: Measure): string {
  return `WITH RECURSIVE ${PERSON_KEYS},${RECORDS},${FACTS[measure]}`;
}

/**
 * Counts per cell (no margins: they are sums, added in TypeScript) for count measures; for medians, every cell
 * and margin (CUBE), with the number of values each median is taken over. Columns d0…dn, n, median.
 */
export function aggregateSql(measure: Measure, dimensions: (Dimension | 'routeFrom' | 'routeTo')[]): string {
  const column = (d: Dimension | 'routeFrom' | 'routeTo') =>
    d === 'routeFrom' ? 'route_from' : d === 'routeTo' ? 'route_to' : DIMENSION_COLUMNS[d];
  const selected = dimensions.map((d, i) =>
    isMedian(measure)
      ? `CASE WHEN GROUPING(${column(d)}) = 1 THEN 'total' ELSE ${column(d)} END AS d${i}`
      : `${column(d)} AS d${i}`,
  );
  const median = isMedian(measure)
    ? 'round((percentile_cont(0.5) WITHIN GROUP (ORDER BY days))::numeric, 1)::float8'
    : 'NULL::float8';
  const groupBy =
    dimensions.length === 0
      ? ''
      : isMedian(measure)
        ? `GROUP BY CUBE (${dimensions.map(column).join(', ')})`
        : `GROUP BY ${dimensions.map(column).join(', ')}`;
  return `${withFacts(measure)}
    SELECT ${[...selected, 'count(*)::int AS n', `${median} AS median`].join(', ')} FROM facts ${groupBy}`;
}
