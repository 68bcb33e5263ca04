/**
 * The versioned models and the default one. The service stores `model.version` with every proposed match, so
 * an older model stays importable (MODEL_V1) for re-explaining old decisions.
 *
 * MODEL_DEFAULT is the model the engine's callers should use. It is switched to a newer version only when that
 * version evaluates better on the held-out evaluation seeds (docs/matching.md, "Measured figures").
 */
import type { MatchModel } from './model.js';
import { MODEL_V1 } from './model.v1.js';
import { MODEL_V2 } from './model.v2.js';
import { MODEL_V3 } from './model.v3.js';

export { MODEL_V1, MODEL_V2, MODEL_V3 };

export const MODELS: Readonly<Record<string, MatchModel>> = {
  [MODEL_V1.version]: MODEL_V1,
  [MODEL_V2.version]: MODEL_V2,
  [MODEL_V3.version]: MODEL_V3,
};

export const MODEL_DEFAULT: MatchModel = MODEL_V3;

/** A model by version ('2.0.0'), major ('2', 'v2') or 'default'. */
export function modelByName(name: string): MatchModel {
  if (name === 'default' || name === '') return MODEL_DEFAULT;
  const major = name.replace(/^v/i, '').split('.')[0];
  const found = Object.values(MODELS).find((m) => m.version === name || m.version.split('.')[0] === major);
  if (!found) throw new Error(`unknown model ${name} (known: ${Object.keys(MODELS).join(', ')})`);
  return found;
}
