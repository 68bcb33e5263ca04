import { stringify } from 'csv-stringify/sync';
import type { SeriesPoint } from './statistics-snapshots.service.js';
import type { StatisticsEntry, StatisticsTable } from './statistics-table.js';
import { TOTAL } from './suppression.js';

export const FORMATS = ['json', 'csv'] as const;
export type Format = (typeof FORMATS)[number];

/** A cell as JSON: one property per dimension, then `value` (null when suppressed) and `suppressed`. */
function named(groupBy: string[], entry: StatisticsEntry): Record<string, string | number | boolean | null> {
  const row: Record<string, string | number | boolean | null> = {};
  groupBy.forEach((d, i) => (row[d] = entry.key[i]));
  row.value = entry.value;
  row.suppressed = entry.suppressed;
  return row;
}

export function tableToJson(table: StatisticsTable, view: 'table' | 'routes') {
  return {
    view,
    measure: table.measure,
    groupBy: table.groupBy,
    minCellSize: table.minCellSize,
    cells: table.cells.map((e) => named(table.groupBy, e)),
    totals: table.totals.map((e) => named(table.groupBy, e)),
    total: table.total,
  };
}

const csvValue = (e: { value: number | null; suppressed: boolean }) => [
  e.suppressed ? '' : String(e.value ?? ''),
  e.suppressed ? 'true' : 'false',
];

/** CSV with a header row: measure, one column per dimension ("total" in margins), value (empty when suppressed), suppressed. */
export function tableToCsv(table: StatisticsTable): string {
  const rows: string[][] = [['measure', ...table.groupBy, 'value', 'suppressed']];
  for (const e of [...table.cells, ...table.totals]) rows.push([table.measure, ...e.key, ...csvValue(e)]);
  rows.push([table.measure, ...table.groupBy.map(() => TOTAL), ...csvValue(table.total)]);
  return stringify(rows);
}

export function seriesToJson(series: {
  measure: string;
  groupBy: string[];
  minCellSize: number;
  points: SeriesPoint[];
}) {
  return {
    view: 'series',
    measure: series.measure,
    groupBy: series.groupBy,
    minCellSize: series.minCellSize,
    points: series.points.map((p) => ({
      month: p.month,
      takenAt: p.takenAt,
      cells: p.cells.map((e) => named(series.groupBy, e)),
      totals: p.totals.map((e) => named(series.groupBy, e)),
      total: p.total,
    })),
  };
}

export function seriesToCsv(series: { measure: string; groupBy: string[]; points: SeriesPoint[] }): string {
  const rows: string[][] = [['month', 'measure', ...series.groupBy, 'value', 'suppressed']];
  for (const p of series.points) {
    for (const e of [...p.cells, ...p.totals]) rows.push([p.month, series.measure, ...e.key, ...csvValue(e)]);
    rows.push([p.month, series.measure, ...series.groupBy.map(() => TOTAL), ...csvValue(p.total)]);
  }
  return stringify(rows);
}
