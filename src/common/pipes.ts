import { ParseUUIDPipe } from '@nestjs/common';
import { ValidationFailedError } from './errors.js';

/** Route parameter `:id` as a UUID; anything else is a 400 naming the field, in the API's one error shape. */
export const uuidParam = new ParseUUIDPipe({
  exceptionFactory: () => new ValidationFailedError([{ field: 'id', reason: 'must be a UUID' }]),
});
