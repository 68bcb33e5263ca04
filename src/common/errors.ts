import type { ValidationError } from 'class-validator';

/** One reason a request was refused, attached to the field (dotted path, array indexes in brackets). */
export interface FieldError {
  field: string;
  reason: string;
}

/** Errors features throw; the global filter maps each to its HTTP status, in one body shape. */
export abstract class AppError extends Error {
  abstract readonly status: number;
  constructor(
    message: string,
    readonly errors?: FieldError[],
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class ValidationFailedError extends AppError {
  readonly status = 400;
  constructor(errors: FieldError[], message = 'The request has invalid fields', details?: Record<string, unknown>) {
    super(message, errors, details);
  }
}

export class UnauthenticatedError extends AppError {
  readonly status = 401;
}

export class ForbiddenError extends AppError {
  readonly status = 403;
}

export class NotFoundError extends AppError {
  readonly status = 404;
}

export class ConflictError extends AppError {
  readonly status = 409;
}

/** 423: the account is locked after repeated failed sign-ins; details.lockedUntil says until when. */
export class LockedError extends AppError {
  readonly status = 423;
}

export class PayloadTooLargeError extends AppError {
  readonly status = 413;
}

export class TooManyRequestsError extends AppError {
  readonly status = 429;
}

export class UnsupportedMediaTypeError extends AppError {
  readonly status = 415;
}

/** Flattens class-validator's nested errors into `{ field, reason }` rows, with `marks[0].side` style paths. */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldError[] {
  const rows: FieldError[] = [];
  for (const error of errors) {
    const isIndex = /^\d+$/.test(error.property);
    const field = !error.property
      ? parent || 'body'
      : isIndex
        ? `${parent}[${error.property}]`
        : parent
          ? `${parent}.${error.property}`
          : error.property;
    const constraints = Object.entries(error.constraints ?? {});
    if (constraints.length > 0) {
      // One reason per field: the most basic one (wrong type before out of range).
      const [constraint, message] = constraints.sort((a, b) => rank(a[0]) - rank(b[0]))[0];
      rows.push({ field, reason: reasonFrom(constraint, message, error.property) });
    }
    if (error.children?.length) rows.push(...flattenValidationErrors(error.children, field));
  }
  return rows;
}

const BASIC_FIRST = ['whitelistValidation', 'unknownValue', 'isDefined', 'isArray', 'isString', 'isNumber', 'isInt', 'isIn', 'matches'];
function rank(constraint: string): number {
  const i = BASIC_FIRST.indexOf(constraint);
  return i === -1 ? BASIC_FIRST.length : i;
}

function reasonFrom(constraint: string, message: string, property: string): string {
  if (constraint === 'whitelistValidation') return 'is not a known field';
  if (constraint === 'unknownValue') return 'must be a JSON object';
  if (constraint === 'nestedValidation') return 'must be an object (or an array of objects) of the documented shape';
  // class-validator's default messages start with the property name; the field is named separately.
  return property && message.startsWith(`${property} `) ? message.slice(property.length + 1) : message;
}
