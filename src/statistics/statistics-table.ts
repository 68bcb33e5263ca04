import { type FieldError, ValidationFailedError } from '../common/errors.js';
import {
  applicableDimensions,
  type Dimension,
  DIMENSIONS,
  isMedian,
  MAX_DIMENSIONS,
  type Measure,
  MEASURE_BASIS,
  MEASURES,
} from './definitions.js';
import { protectCounts, protectMedians, TOTAL } from './suppression.js';

/** One published entry: the dimension values (TOTAL where it sums over a dimension), the value or null when suppressed. */
export interface StatisticsEntry {
  key: string[];
  value: number | null;
  suppressed: boolean;
}

export interface StatisticsTable {
  measure: Measure;
  groupBy: string[];
  minCellSize: number;
  /** The cells (no TOTAL in the key). */
  cells: StatisticsEntry[];
  /** The margins: sums (or medians) over one or more dimensions, excluding the grand total. */
  totals: StatisticsEntry[];
  total: { value: number | null; suppressed: boolean };
}

export interface RawRow {
  key: string[];
  n: number;
  median: number | null;
}

/** Parses and validates `measure` and `groupBy` (comma-separated), naming the field and the reason. */
export function parseTableRequest(
  measureInput: string | undefined,
  groupByInput: string | undefined,
  maxDimensions = MAX_DIMENSIONS,
): { measure: Measure; groupBy: Dimension[] } {
  const errors: FieldError[] = [];
  const measure = (measureInput ?? 'people_reported') as Measure;
  if (!MEASURES.includes(measure)) errors.push({ field: 'measure', reason: `must be one of: ${MEASURES.join(', ')}` });
  const names =
    groupByInput === undefined || groupByInput.trim() === '' ? [] : groupByInput.split(',').map((s) => s.trim());
  const unknown = names.filter((n) => !(DIMENSIONS as readonly string[]).includes(n));
  if (unknown.length > 0)
    errors.push({ field: 'groupBy', reason: `unknown dimension "${unknown[0]}"; known: ${DIMENSIONS.join(', ')}` });
  else if (new Set(names).size !== names.length) errors.push({ field: 'groupBy', reason: 'names a dimension twice' });
  else if (names.length > maxDimensions)
    errors.push({ field: 'groupBy', reason: `at most ${maxDimensions} dimension${maxDimensions === 1 ? '' : 's'}` });
  else if (MEASURES.includes(measure)) {
    const wrong = names.find((n) => !applicableDimensions(measure).includes(n as Dimension));
    if (wrong)
      errors.push({
        field: 'groupBy',
        reason: `"${wrong}" does not apply to the measure ${measure} (it counts ${MEASURE_BASIS[measure]})`,
      });
  }
  if (errors.length > 0) throw new ValidationFailedError(errors);
  return { measure, groupBy: names as Dimension[] };
}

/** Applies small-cell protection to raw aggregates and shapes the published table. */
export function protectTable(
  measure: Measure,
  groupBy: string[],
  rows: RawRow[],
  minCellSize: number,
): StatisticsTable {
  const entries = isMedian(measure)
    ? protectMedians(rows, minCellSize).map((e) => ({
        key: e.key,
        value: e.median,
        suppressed: e.suppression !== null,
      }))
    : protectCounts(
        groupBy.length,
        rows.map((r) => ({ key: r.key, value: r.n })),
        minCellSize,
      ).map((e) => ({
        key: e.key,
        value: e.suppression ? null : e.value,
        suppressed: e.suppression !== null,
      }));
  const order = (a: StatisticsEntry, b: StatisticsEntry) => a.key.join('\u0000').localeCompare(b.key.join('\u0000'));
  const isGrand = (e: StatisticsEntry) => e.key.every((v) => v === TOTAL);
  const grand = entries.find(isGrand) ?? { key: [], value: isMedian(measure) ? null : 0, suppressed: false };
  return {
    measure,
    groupBy,
    minCellSize,
    cells: entries.filter((e) => e.key.length > 0 && !e.key.includes(TOTAL)).sort(order),
    totals: entries.filter((e) => e.key.includes(TOTAL) && !isGrand(e)).sort(order),
    total: { value: grand.value, suppressed: grand.suppressed },
  };
}
