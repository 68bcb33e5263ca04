/**
 * Small-cell protection for count tables: primary suppression below a threshold, then secondary (complementary)
 * suppression until no suppressed entry can be derived exactly from the published ones by any combination of
 * additions and subtractions of published cells and totals. Pure functions, no framework imports.
 * The method and its limits are described in docs/statistics.md.
 */

/** The value a dimension takes in a total (a margin): "all values of this dimension". */
export const TOTAL = 'total';

export interface CountCell {
  /** One value per dimension, in the table's dimension order (never TOTAL). */
  key: string[];
  /** A non-negative integer count. */
  value: number;
}

export type Suppression = 'primary' | 'secondary' | null;

export interface ProtectedEntry {
  /** One value per dimension; TOTAL where the entry sums over that dimension (all TOTAL = the grand total). */
  key: string[];
  /** The true count. Never publish it when `suppression` is set: use `published`. */
  value: number;
  suppression: Suppression;
}

/** What may be shown for an entry: its value, or null when suppressed. */
export function published(entry: ProtectedEntry): number | null {
  return entry.suppression ? null : entry.value;
}

export interface TableEquation {
  /** The total (a margin or the grand total). */
  total: string;
  /** The entries that add up to it (along one dimension). */
  parts: string[];
}

const keyOf = (key: string[]) => JSON.stringify(key);

/**
 * Builds every entry of the table (cells and all margins, including the grand total) and the additive
 * equations linking them: for each total and each dimension it sums over, total = Σ entries along that dimension.
 */
export function buildTable(
  dimensions: number,
  cells: CountCell[],
): { entries: Map<string, { key: string[]; value: number }>; equations: TableEquation[] } {
  const entries = new Map<string, { key: string[]; value: number }>();
  const add = (key: string[], value: number) => {
    const k = keyOf(key);
    const entry = entries.get(k);
    if (entry) entry.value += value;
    else entries.set(k, { key, value });
  };
  add(Array<string>(dimensions).fill(TOTAL), 0);
  for (const cell of cells) {
    if (cell.key.length !== dimensions)
      throw new Error(`a cell has ${cell.key.length} values for ${dimensions} dimensions`);
    if (cell.key.includes(TOTAL)) throw new Error(`a cell value may not be "${TOTAL}"`);
    if (!Number.isInteger(cell.value) || cell.value < 0) throw new Error('cell values must be non-negative integers');
    for (let mask = 0; mask < 1 << dimensions; mask++) {
      add(
        cell.key.map((v, i) => (mask & (1 << i) ? TOTAL : v)),
        cell.value,
      );
    }
  }
  const groups = new Map<string, TableEquation>();
  for (const [k, entry] of entries) {
    entry.key.forEach((value, i) => {
      if (value === TOTAL) return;
      const total = keyOf(entry.key.map((v, j) => (j === i ? TOTAL : v)));
      const id = `${i}|${total}`;
      const equation = groups.get(id) ?? { total, parts: [] };
      equation.parts.push(k);
      groups.set(id, equation);
    });
  }
  return { entries, equations: [...groups.values()] };
}

/**
 * The suppressed entries whose value follows exactly from the published ones: solving the system of table
 * equations for the unknown (suppressed) entries, an entry is determined when every solution gives it the same
 * value, i.e. when no vector of the system's null space moves it. Gaussian elimination to reduced row echelon form.
 */
export function derivableEntries(equations: TableEquation[], suppressed: Set<string>): Set<string> {
  const unknowns = [...suppressed].sort();
  const column = new Map(unknowns.map((k, i) => [k, i]));
  const rows: number[][] = [];
  for (const eq of equations) {
    const members: [string, number][] = [[eq.total, -1], ...eq.parts.map((p): [string, number] => [p, 1])];
    if (!members.some(([k]) => column.has(k))) continue;
    const row = new Array<number>(unknowns.length).fill(0);
    for (const [k, c] of members) {
      const j = column.get(k);
      if (j !== undefined) row[j] += c;
    }
    rows.push(row);
  }
  const pivots: { row: number; col: number }[] = [];
  let r = 0;
  for (let c = 0; c < unknowns.length && r < rows.length; c++) {
    let best = r;
    for (let i = r + 1; i < rows.length; i++) if (Math.abs(rows[i][c]) > Math.abs(rows[best][c])) best = i;
    if (Math.abs(rows[best][c]) < 1e-9) continue;
    [rows[r], rows[best]] = [rows[best], rows[r]];
    const p = rows[r][c];
    for (let j = c; j < unknowns.length; j++) rows[r][j] /= p;
    for (let i = 0; i < rows.length; i++) {
      if (i === r || Math.abs(rows[i][c]) < 1e-12) continue;
      const f = rows[i][c];
      for (let j = c; j < unknowns.length; j++) rows[i][j] -= f * rows[r][j];
    }
    pivots.push({ row: r, col: c });
    r++;
  }
  const derivable = new Set<string>();
  for (const { row, col } of pivots) {
    // In reduced form the pivot row is zero on the other pivot columns; a non-zero on a free column leaves freedom.
    if (rows[row].every((v, j) => j === col || Math.abs(v) < 1e-9)) derivable.add(unknowns[col]);
  }
  return derivable;
}

/**
 * Protects a count table of any number of dimensions (each cell is added to every margin):
 *   1. primary suppression: every entry (cell or total) with 0 < value < threshold;
 *   2. secondary suppression, repeated until nothing suppressed is derivable:
 *      a. every equation (a total and its parts) with exactly one suppressed member gets a second one;
 *      b. the whole system is solved; while a suppressed entry is still determined (through several equations),
 *         one more published entry sharing an equation with it is suppressed, and (a), (b) run again.
 *      The entry chosen is a cell before a total, then the smallest non-zero value (the least information lost).
 * Zero entries are published (a zero is not a person). The result lists every cell and margin.
 */
export function protectCounts(dimensions: number, cells: CountCell[], threshold: number): ProtectedEntry[] {
  if (!Number.isInteger(threshold) || threshold < 1) throw new Error('threshold must be a positive integer');
  const { entries, equations } = buildTable(dimensions, cells);
  const suppression = new Map<string, Exclude<Suppression, null>>();
  for (const [k, e] of entries) if (e.value > 0 && e.value < threshold) suppression.set(k, 'primary');

  const totals = (k: string) => entries.get(k)!.key.filter((v) => v === TOTAL).length;
  const byEntry = new Map<string, TableEquation[]>();
  for (const eq of equations) for (const k of [eq.total, ...eq.parts]) byEntry.set(k, [...(byEntry.get(k) ?? []), eq]);
  const cheapest = (candidates: Iterable<string>): string | undefined => {
    let best: string | undefined;
    for (const k of candidates) {
      if (suppression.has(k) || entries.get(k)!.value === 0) continue;
      if (best === undefined) best = k;
      else {
        const [a, b] = [entries.get(k)!.value, entries.get(best)!.value];
        const [ta, tb] = [totals(k), totals(best)];
        if (ta < tb || (ta === tb && (a < b || (a === b && k < best)))) best = k;
      }
    }
    return best;
  };

  // Fast phase: an equation with exactly one suppressed member gives it by subtraction; suppress another member.
  const singleLines = (): boolean => {
    let changed = false;
    for (let progress = true; progress;) {
      progress = false;
      for (const eq of equations) {
        const members = [eq.total, ...eq.parts];
        if (members.filter((m) => suppression.has(m)).length !== 1) continue;
        const choice = cheapest(members);
        if (choice === undefined) continue;
        suppression.set(choice, 'secondary');
        progress = changed = true;
      }
    }
    return changed;
  };

  // Exact phase: solve the whole system; combinations of several equations can still pin an entry down.
  for (let guard = 0; guard <= entries.size; guard++) {
    singleLines();
    const derivable = derivableEntries(equations, new Set(suppression.keys()));
    if (derivable.size === 0) break;
    // One complement per round, the best over every derivable entry's equations, then solve again.
    const neighbours = [...derivable].flatMap((k) => (byEntry.get(k) ?? []).flatMap((eq) => [eq.total, ...eq.parts]));
    // A derivable entry whose own equations are all suppressed is pinned down through others: widen the search.
    const choice =
      cheapest(neighbours) ??
      cheapest(
        equations
          .filter((eq) => [eq.total, ...eq.parts].some((m) => suppression.has(m)))
          .flatMap((eq) => [eq.total, ...eq.parts]),
      );
    if (choice === undefined) break;
    suppression.set(choice, 'secondary');
  }

  return [...entries.entries()].map(([k, e]) => ({
    key: e.key,
    value: e.value,
    suppression: suppression.get(k) ?? null,
  }));
}

export interface MedianCell {
  key: string[];
  /** How many values the median is taken over. */
  n: number;
  median: number | null;
}

/** A median is published only when it is taken over at least `threshold` values (n itself is not published). */
export function protectMedians(
  cells: MedianCell[],
  threshold: number,
): { key: string[]; median: number | null; suppression: Suppression }[] {
  return cells.map((c) =>
    c.n < threshold || c.median === null
      ? { key: c.key, median: null, suppression: c.n > 0 ? 'primary' : null }
      : { key: c.key, median: c.median, suppression: null },
  );
}
