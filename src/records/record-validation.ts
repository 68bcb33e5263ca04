import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidatorOptions } from 'class-validator';
import { type FieldError, flattenValidationErrors } from '../common/errors.js';
import { MissingReportInputDto, type RecordInputDto, SuspectedVictimInputDto } from './dto/record-input.dto.js';
import { checkRecordRules } from './record-rules.js';
import type { RecordKind } from './record.types.js';

/** The validator options used for every request body: unknown fields are refused, never dropped. */
export const STRICT_VALIDATION: ValidatorOptions = {
  whitelist: true,
  forbidNonWhitelisted: true,
  forbidUnknownValues: true,
};

export const INPUT_CLASS = { missing_report: MissingReportInputDto, suspected_victim: SuspectedVictimInputDto } as const;

export type ValidatedInput = { ok: true; input: RecordInputDto } | { ok: false; errors: FieldError[] };

/** Validates one record as sent (JSON item, CSV row turned into an object): field rules, then cross-field rules. */
export function validateRecordInput(kind: RecordKind, plain: unknown, now = new Date()): ValidatedInput {
  if (plain === null || typeof plain !== 'object' || Array.isArray(plain)) {
    return { ok: false, errors: [{ field: 'body', reason: 'must be a JSON object' }] };
  }
  const input = plainToInstance(INPUT_CLASS[kind] as new () => RecordInputDto, plain);
  const fieldErrors = flattenValidationErrors(validateSync(input, STRICT_VALIDATION));
  if (fieldErrors.length > 0) return { ok: false, errors: fieldErrors };
  const ruleErrors = checkRecordRules(kind, input, now);
  return ruleErrors.length > 0 ? { ok: false, errors: ruleErrors } : { ok: true, input };
}
