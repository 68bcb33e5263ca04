/** Partial dates ('YYYY', 'YYYY-MM', 'YYYY-MM-DD') as day numbers and decimal-year intervals. */

const DAY_MS = 86_400_000;
export const DAYS_PER_YEAR = 365.2425;

export interface PartialDate {
  year: number;
  month: number; // 0 when absent
  day: number; // 0 when absent
}

export function parsePartialDate(value: string | null | undefined): PartialDate | null {
  if (!value) return null;
  const m = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?/.exec(value.trim());
  if (!m) return null;
  const year = Number(m[1]);
  const month = m[2] ? Number(m[2]) : 0;
  const day = m[3] ? Number(m[3]) : 0;
  if (year < 1850 || year > 2200 || month > 12 || day > 31) return null;
  return { year, month, day };
}

export function dayNumber(year: number, month: number, day: number): number {
  return Math.floor(Date.UTC(year, month - 1, day) / DAY_MS);
}

export function dayToYear(day: number): number {
  return 1970 + day / DAYS_PER_YEAR;
}

/** Interval [lo, hi) in decimal years covered by a partial date. */
export function partialDateInterval(d: PartialDate): [number, number] {
  if (d.month === 0) return [d.year, d.year + 1];
  if (d.day === 0) {
    const lo = dayToYear(dayNumber(d.year, d.month, 1));
    const hi = d.month === 12 ? d.year + 1 : dayToYear(dayNumber(d.year, d.month + 1, 1));
    return [lo, hi];
  }
  const x = dayToYear(dayNumber(d.year, d.month, d.day));
  return [x, x + 1 / DAYS_PER_YEAR];
}

/** Event date as a day number (a partial date is taken at the middle of its span), NaN if absent. */
export function eventDay(value: string | null | undefined): number {
  const d = parsePartialDate(value);
  if (!d) return NaN;
  if (d.month === 0) return dayNumber(d.year, 7, 1);
  if (d.day === 0) return dayNumber(d.year, d.month, 15);
  return dayNumber(d.year, d.month, d.day);
}
