import { validateRecordInput } from '../../records/record-validation.js';
import { toApiBody } from './api-body.js';
import { generateDataset } from './generator.js';

/** The generator's records are submitted through the real intake (demo, benchmarks): every one must be valid. */
describe('toApiBody', () => {
  const data = generateDataset({ seed: 7, reports: 400, victims: 250 });

  it.each([
    ['missing reports', 'missing_report' as const, data.reports],
    ['suspected victims', 'suspected_victim' as const, data.victims],
  ])('turns every generated %s into a valid submission', (_name, kind, records) => {
    const invalid = records
      .map((r) => ({ id: r.id, result: validateRecordInput(kind, toApiBody(r)) }))
      .filter((x) => !x.result.ok)
      .map((x) => ({ id: x.id, errors: x.result.ok ? [] : x.result.errors.map((e) => `${e.field}: ${e.reason}`) }));
    expect(invalid.slice(0, 5)).toEqual([]);
  });
});
