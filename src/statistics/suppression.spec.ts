import {
  buildTable,
  type CountCell,
  derivableEntries,
  protectCounts,
  protectMedians,
  published,
  TOTAL,
} from './suppression.js';

/**
 * An attacker who knows the published cells and totals and subtracts: any equation (a total and the entries that
 * add up to it) with exactly one unknown entry gives that entry; what is learnt is used again until nothing more
 * follows. Independent of the linear algebra in derivableEntries. Answers the recovered entries and their values.
 */
function subtractionAttack(dimensions: number, cells: CountCell[], threshold: number): Map<string, number> {
  const result = protectCounts(dimensions, cells, threshold);
  const known = new Map<string, number>();
  for (const e of result) {
    const p = published(e);
    if (p !== null) known.set(JSON.stringify(e.key), p);
  }
  const { equations } = buildTable(dimensions, cells);
  const recovered = new Map<string, number>();
  for (let progress = true; progress;) {
    progress = false;
    for (const eq of equations) {
      const members = [eq.total, ...eq.parts];
      const unknown = members.filter((m) => !known.has(m));
      if (unknown.length !== 1) continue;
      const [u] = unknown;
      const partsSum = eq.parts.filter((p) => p !== u).reduce((s, p) => s + known.get(p)!, 0);
      const value = u === eq.total ? partsSum : known.get(eq.total)! - partsSum;
      known.set(u, value);
      recovered.set(u, value);
      progress = true;
    }
  }
  return recovered;
}

/** Brute force for tiny tables: every non-negative integer filling of the suppressed entries consistent with all equations. */
function feasibleValues(
  dimensions: number,
  cells: CountCell[],
  threshold: number,
  max: number,
): Map<string, Set<number>> {
  const result = protectCounts(dimensions, cells, threshold);
  const { equations } = buildTable(dimensions, cells);
  const hidden = result.filter((e) => e.suppression).map((e) => JSON.stringify(e.key));
  const known = new Map(result.filter((e) => !e.suppression).map((e) => [JSON.stringify(e.key), e.value]));
  const seen = new Map(hidden.map((h) => [h, new Set<number>()]));
  const values = new Map(known);
  const walk = (i: number) => {
    if (i === hidden.length) {
      if (equations.every((eq) => values.get(eq.total) === eq.parts.reduce((s, p) => s + values.get(p)!, 0))) {
        for (const h of hidden) seen.get(h)!.add(values.get(h)!);
      }
      return;
    }
    for (let v = 0; v <= max; v++) {
      values.set(hidden[i], v);
      walk(i + 1);
    }
  };
  walk(0);
  return seen;
}

const c = (value: number, ...key: string[]): CountCell => ({ key, value });
const find = (entries: ReturnType<typeof protectCounts>, ...key: string[]) =>
  entries.find((e) => JSON.stringify(e.key) === JSON.stringify(key))!;

describe('protectCounts', () => {
  // [case, dimensions, cells, threshold, expected suppression per entry key (entries not listed: published)]
  const cases: [string, number, CountCell[], number, Record<string, 'primary' | 'secondary'>][] = [
    ['nothing small: all published', 1, [c(7, 'female'), c(9, 'male')], 5, {}],
    [
      'one small cell: the smallest other cell goes too (else total − other = cell)',
      1,
      [c(3, 'female'), c(20, 'male'), c(8, 'unknown')],
      5,
      { '["female"]': 'primary', '["unknown"]': 'secondary' },
    ],
    [
      'two small cells protect each other',
      1,
      [c(3, 'female'), c(2, 'male'), c(30, 'unknown')],
      5,
      { '["female"]': 'primary', '["male"]': 'primary' },
    ],
    ['threshold is inclusive: 5 is published', 1, [c(5, 'female'), c(5, 'male')], 5, {}],
    [
      'a single small cell and its total: both primary, nothing else to protect',
      1,
      [c(2, 'female')],
      5,
      { '["female"]': 'primary', '["total"]': 'primary' },
    ],
    ['zeros are never suppressed', 1, [c(0, 'female'), c(12, 'male')], 5, {}],
    [
      '2×2 with one small cell: a rectangle is suppressed (row, column and the opposite corner)',
      2,
      [c(3, 'GT', 'female'), c(10, 'GT', 'male'), c(12, 'MX', 'female'), c(15, 'MX', 'male')],
      5,
      {
        '["GT","female"]': 'primary',
        '["GT","male"]': 'secondary',
        '["MX","female"]': 'secondary',
        '["MX","male"]': 'secondary',
      },
    ],
  ];
  it.each(cases)('%s', (_name, dims, cells, threshold, expected) => {
    const entries = protectCounts(dims, cells, threshold);
    const actual = Object.fromEntries(
      entries.filter((e) => e.suppression).map((e) => [JSON.stringify(e.key), e.suppression]),
    );
    expect(actual).toEqual(expected);
  });

  it('lists every cell and every margin, the totals being the true sums', () => {
    const entries = protectCounts(2, [c(3, 'GT', 'female'), c(10, 'GT', 'male'), c(12, 'MX', 'female')], 5);
    expect(entries.map((e) => e.key.join('/')).sort()).toEqual(
      ['GT/female', 'GT/male', 'MX/female', 'GT/total', 'MX/total', 'total/female', 'total/male', 'total/total'].sort(),
    );
    expect(find(entries, 'GT', TOTAL).value).toBe(13);
    expect(find(entries, TOTAL, 'female').value).toBe(15);
    expect(find(entries, TOTAL, TOTAL).value).toBe(25);
    expect(published(find(entries, 'GT', 'female'))).toBeNull();
  });

  it('suppresses a small margin too (a row total of 4 made of a 2 and a 2)', () => {
    const entries = protectCounts(
      2,
      [c(2, 'GT', 'female'), c(2, 'GT', 'male'), c(30, 'MX', 'female'), c(40, 'MX', 'male')],
      5,
    );
    expect(find(entries, 'GT', TOTAL).suppression).toBe('primary');
  });

  // The subtraction attack, on tables where a naive "suppress the small cells" leaks.
  const attacks: [string, number, CountCell[]][] = [
    ['1-D: grand total minus the other cells', 1, [c(1, 'female'), c(40, 'male'), c(6, 'unknown')]],
    [
      "2-D: row total minus the row's other cells",
      2,
      [c(4, 'GT', 'female'), c(9, 'GT', 'male'), c(20, 'MX', 'female'), c(25, 'MX', 'male'), c(7, 'MX', 'unknown')],
    ],
    [
      '2-D: chained — a complement found through its column must not reveal the first cell',
      2,
      [
        c(2, 'GT-09', '0-11'),
        c(6, 'GT-09', '12-17'),
        c(8, 'GT-09', '18-29'),
        c(7, 'MX-07', '0-11'),
        c(3, 'MX-07', '12-17'),
        c(11, 'MX-07', '18-29'),
        c(9, 'MX-30', '0-11'),
        c(10, 'MX-30', '12-17'),
        c(12, 'MX-30', '18-29'),
      ],
    ],
    [
      '3-D: sex × age group × country',
      3,
      [
        c(1, 'female', '0-11', 'GT'),
        c(8, 'female', '0-11', 'MX'),
        c(6, 'female', '12-17', 'GT'),
        c(9, 'female', '12-17', 'MX'),
        c(7, 'male', '0-11', 'GT'),
        c(12, 'male', '0-11', 'MX'),
        c(10, 'male', '12-17', 'GT'),
        c(2, 'male', '12-17', 'MX'),
      ],
    ],
  ];
  it.each(attacks)('no suppressed entry is recovered by subtraction: %s', (_name, dims, cells) => {
    const entries = protectCounts(dims, cells, 5);
    expect(entries.some((e) => e.suppression === 'primary')).toBe(true);
    expect(subtractionAttack(dims, cells, 5).size).toBe(0);
    const { equations } = buildTable(dims, cells);
    expect(
      derivableEntries(equations, new Set(entries.filter((e) => e.suppression).map((e) => JSON.stringify(e.key)))).size,
    ).toBe(0);
  });

  it('the attacker is real: with primary suppression alone, it recovers the hidden cell exactly', () => {
    const cells = [c(1, 'female'), c(40, 'male'), c(6, 'unknown')];
    const { equations } = buildTable(1, cells);
    expect(derivableEntries(equations, new Set(['["female"]']))).toEqual(new Set(['["female"]']));
  });

  it('brute force: every suppressed entry of a small 2-D table keeps at least two possible values', () => {
    const cells = [
      c(3, 'GT', 'female'),
      c(6, 'GT', 'male'),
      c(7, 'MX', 'female'),
      c(2, 'MX', 'male'),
      c(8, 'MX', 'unknown'),
    ];
    const feasible = feasibleValues(2, cells, 5, 20);
    expect(feasible.size).toBeGreaterThan(0);
    for (const [entry, values] of feasible) {
      expect({ entry, possible: values.size > 1 }).toEqual({ entry, possible: true });
      expect(values.has(cells.find((x) => JSON.stringify(x.key) === entry)?.value ?? -1) || entry.includes(TOTAL)).toBe(
        true,
      );
    }
  });

  it('refuses cells that do not fit the table', () => {
    expect(() => protectCounts(2, [c(3, 'GT')], 5)).toThrow(/dimensions/);
    expect(() => protectCounts(1, [c(-1, 'GT')], 5)).toThrow(/non-negative/);
    expect(() => protectCounts(1, [c(3, TOTAL)], 5)).toThrow(/total/);
  });
});

describe('protectMedians', () => {
  it.each([
    [{ key: ['GT'], n: 4, median: 12 }, 5, { median: null, suppression: 'primary' }],
    [{ key: ['GT'], n: 5, median: 12 }, 5, { median: 12, suppression: null }],
    [{ key: ['GT'], n: 0, median: null }, 5, { median: null, suppression: null }],
  ] as const)('%j with threshold %d', (cell, threshold, expected) => {
    expect(protectMedians([cell as never], threshold)[0]).toEqual({ key: cell.key, ...expected });
  });
});
