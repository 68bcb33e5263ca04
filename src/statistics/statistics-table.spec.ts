import { ValidationFailedError } from '../common/errors.js';
import { previousMonth } from './months.js';
import { tableToCsv } from './statistics-presenter.js';
import { parseTableRequest, protectTable } from './statistics-table.js';

describe('parseTableRequest', () => {
  it.each([
    [undefined, undefined, { measure: 'people_reported', groupBy: [] }],
    ['people', '', { measure: 'people', groupBy: [] }],
    ['suspected_victims', 'sex, ageGroup', { measure: 'suspected_victims', groupBy: ['sex', 'ageGroup'] }],
    [
      'alerts_raised',
      'alertStatus,crossBorder,region',
      { measure: 'alerts_raised', groupBy: ['alertStatus', 'crossBorder', 'region'] },
    ],
    ['median_days_to_review', 'country', { measure: 'median_days_to_review', groupBy: ['country'] }],
  ])('accepts measure=%s groupBy=%s', (measure, groupBy, expected) => {
    expect(parseTableRequest(measure, groupBy)).toEqual(expected);
  });

  it.each([
    ['nope', undefined, 3, [{ field: 'measure', reason: expect.stringMatching(/^must be one of: people, /) }]],
    [undefined, 'recordId', 3, [{ field: 'groupBy', reason: expect.stringMatching(/^unknown dimension "recordId"/) }]],
    [undefined, 'sex,sex', 3, [{ field: 'groupBy', reason: 'names a dimension twice' }]],
    [undefined, 'sex,region,ageGroup,month', 3, [{ field: 'groupBy', reason: 'at most 3 dimensions' }]],
    [undefined, 'sex,region', 1, [{ field: 'groupBy', reason: 'at most 1 dimension' }]],
    [
      'confirmed_matches',
      'kind',
      3,
      [{ field: 'groupBy', reason: expect.stringMatching(/"kind" does not apply to the measure confirmed_matches/) }],
    ],
    ['people', 'alertStatus', 3, [{ field: 'groupBy', reason: expect.stringMatching(/"alertStatus" does not apply/) }]],
    [
      'nope',
      'recordId',
      3,
      [
        { field: 'measure', reason: expect.any(String) },
        { field: 'groupBy', reason: expect.any(String) },
      ],
    ],
  ])('refuses measure=%s groupBy=%s (max %d)', (measure, groupBy, max, errors) => {
    let error: unknown;
    try {
      parseTableRequest(measure, groupBy, max);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ValidationFailedError);
    expect((error as ValidationFailedError).errors).toEqual(errors);
  });
});

describe('protectTable and the CSV export', () => {
  it('splits cells, margins and the grand total, and marks suppressed ones without their value', () => {
    const table = protectTable(
      'people_reported',
      ['sex', 'country'],
      [
        { key: ['female', 'GT'], n: 9, median: null },
        { key: ['female', 'MX'], n: 1, median: null },
        { key: ['male', 'GT'], n: 1, median: null },
        { key: ['male', 'MX'], n: 5, median: null },
      ],
      5,
    );
    expect(table.cells.every((c) => c.suppressed && c.value === null)).toBe(true);
    expect(table.totals).toEqual([
      { key: ['female', 'total'], value: 10, suppressed: false },
      { key: ['male', 'total'], value: 6, suppressed: false },
      { key: ['total', 'GT'], value: 10, suppressed: false },
      { key: ['total', 'MX'], value: 6, suppressed: false },
    ]);
    expect(table.total).toEqual({ value: 16, suppressed: false });
    expect(tableToCsv(table).trim().split('\n')).toEqual([
      'measure,sex,country,value,suppressed',
      'people_reported,female,GT,,true',
      'people_reported,female,MX,,true',
      'people_reported,male,GT,,true',
      'people_reported,male,MX,,true',
      'people_reported,female,total,10,false',
      'people_reported,male,total,6,false',
      'people_reported,total,GT,10,false',
      'people_reported,total,MX,6,false',
      'people_reported,total,total,16,false',
    ]);
  });

  it('an empty table is a published zero total', () => {
    expect(protectTable('people', [], [{ key: [], n: 0, median: null }], 5)).toEqual({
      measure: 'people',
      groupBy: [],
      minCellSize: 5,
      cells: [],
      totals: [],
      total: { value: 0, suppressed: false },
    });
  });

  it('a total under the threshold is suppressed too', () => {
    expect(protectTable('people', [], [{ key: [], n: 3, median: null }], 5).total).toEqual({
      value: null,
      suppressed: true,
    });
  });

  it('medians: published from the threshold on, margins included', () => {
    const table = protectTable(
      'median_days_to_review',
      ['country'],
      [
        { key: ['GT'], n: 4, median: 3 },
        { key: ['MX'], n: 6, median: 10 },
        { key: ['total'], n: 10, median: 7 },
      ],
      5,
    );
    expect(table.cells).toEqual([
      { key: ['GT'], value: null, suppressed: true },
      { key: ['MX'], value: 10, suppressed: false },
    ]);
    expect(table.total).toEqual({ value: 7, suppressed: false });
  });

  it('quotes CSV values that need it', () => {
    const table = protectTable('people', ['region'], [{ key: ['A, "B"'], n: 7, median: null }], 5);
    expect(tableToCsv(table).split('\n')[1]).toBe('people,"A, ""B""",7,false');
  });
});

describe('previousMonth', () => {
  it.each([
    ['2026-04-01T03:00:00Z', '2026-03'],
    ['2026-01-01T03:00:00Z', '2025-12'],
    ['2026-12-31T23:59:59Z', '2026-11'],
  ])('%s → %s', (now, month) => {
    expect(previousMonth(new Date(now))).toBe(month);
  });
});
