import { DataSource } from 'typeorm';
import { AlertWriter } from '../../src/alerts/alert-writer.service.js';
import { MODEL_DEFAULT } from '../../src/matching/engine/index.js';
import type { ScoredPair } from '../../src/matching/pipeline/match-session.js';
import type { TestApp } from './test-app.js';

/**
 * Raises alerts through the real AlertWriter, as a matching run would, from scores the test chooses (the engine
 * itself is tested elsewhere). Returns a function that (re)scores a pair and answers its alert id.
 */
export async function alertRaiser(t: TestApp) {
  const ds = t.app.get(DataSource);
  const writer = t.app.get(AlertWriter);
  const [{ id: runId }] = await ds.query(
    `INSERT INTO matching_runs (mode, trigger, model_version, status) VALUES ('full', 'api', $1, 'succeeded') RETURNING id`,
    [MODEL_DEFAULT.version],
  );
  const countries = new Map<string, string>();
  return async (reportId: string, victimId: string, options: { weight?: number; probability?: number; minor?: boolean } = {}): Promise<string> => {
    for (const id of [reportId, victimId]) {
      if (!countries.has(id)) countries.set(id, (await ds.query(`SELECT country FROM person_records WHERE id = $1`, [id]))[0].country);
    }
    const weight = options.weight ?? 10;
    const probability = options.probability ?? 0.9;
    const pair: ScoredPair = {
      reportId,
      victimId,
      reportVersion: 1,
      victimVersion: 1,
      weight,
      probability,
      rules: ['surname1_given'],
      evidence: { leftId: reportId, rightId: victimId, modelVersion: MODEL_DEFAULT.version, priorWeight: -13, matchWeight: weight, matchProbability: probability, excluded: false, exclusionReason: null, comparisons: [] },
      minor: options.minor ?? false,
      foundDate: '2026-05-02',
      reportCountry: countries.get(reportId)!,
      victimCountry: countries.get(victimId)!,
    };
    await writer.apply(runId, [pair], MODEL_DEFAULT.thresholds.review, MODEL_DEFAULT.version);
    const [{ id }] = await ds.query(`SELECT id FROM alerts WHERE missing_report_id = $1 AND suspected_victim_id = $2`, [reportId, victimId]);
    return id as string;
  };
}
