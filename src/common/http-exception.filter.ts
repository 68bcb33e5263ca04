import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { STATUS_CODES } from 'node:http';
import { AppError, type FieldError } from './errors.js';

export interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
  errors?: FieldError[];
  details?: Record<string, unknown>;
}

/** The one place errors become HTTP: every error the API returns has the ErrorBody shape. */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const response = ctx.getResponse<Response>();
    const request = ctx.getRequest<Request>();
    const body = toErrorBody(exception);
    if (body.statusCode >= 500) {
      // Only the error's type and stack: messages from drivers can quote submitted values.
      const err = exception instanceof Error ? exception : new Error('non-error thrown');
      this.logger.error({ err: { type: err.name, stack: err.stack?.split('\n').slice(1, 6).join('\n') }, path: request.path }, 'unhandled error');
    }
    if (response.headersSent) return;
    response.status(body.statusCode).json(body);
  }
}

const TOO_LARGE: ErrorBody = {
  statusCode: 413,
  error: STATUS_CODES[413]!,
  message: 'The request body is larger than the limit',
  errors: [{ field: 'body', reason: 'is too large' }],
};
const NOT_JSON: ErrorBody = {
  statusCode: 400,
  error: STATUS_CODES[400]!,
  message: 'The request body is not valid JSON',
  errors: [{ field: 'body', reason: 'is not valid JSON' }],
};

export function toErrorBody(exception: unknown): ErrorBody {
  if (exception instanceof AppError) {
    return {
      statusCode: exception.status,
      error: STATUS_CODES[exception.status] ?? 'Error',
      message: exception.message,
      ...(exception.errors ? { errors: exception.errors } : {}),
      ...(exception.details ? { details: exception.details } : {}),
    };
  }
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    const res = exception.getResponse();
    const message = typeof res === 'string' ? res : String((res as { message?: unknown }).message ?? exception.message);
    // Nest wraps the body parser's errors: name the body as the field, like every other 4xx.
    if (status === 413) return TOO_LARGE;
    if (status === 400 && /JSON/i.test(message)) return NOT_JSON;
    return { statusCode: status, error: STATUS_CODES[status] ?? 'Error', message };
  }
  const bodyParser = exception as { type?: string; status?: number; expose?: boolean };
  if (bodyParser?.type === 'entity.too.large') return TOO_LARGE;
  if (bodyParser?.type === 'entity.parse.failed') return NOT_JSON;
  if (bodyParser?.expose && typeof bodyParser.status === 'number' && bodyParser.status >= 400 && bodyParser.status < 500) {
    return { statusCode: bodyParser.status, error: STATUS_CODES[bodyParser.status] ?? 'Error', message: 'The request could not be read' };
  }
  return { statusCode: HttpStatus.INTERNAL_SERVER_ERROR, error: STATUS_CODES[500]!, message: 'Internal error' };
}
