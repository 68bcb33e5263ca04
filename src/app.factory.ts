import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import { ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { NextFunction, Request, Response } from 'express';
import type { Writable } from 'node:stream';
import cookieParser from 'cookie-parser';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module.js';
import { flattenValidationErrors, UnsupportedMediaTypeError, ValidationFailedError } from './common/errors.js';
import { AllExceptionsFilter, toErrorBody } from './common/http-exception.filter.js';
import type { AppConfig } from './config/app-config.js';
import { STRICT_VALIDATION } from './records/record-validation.js';

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH']);

/** Refuses request bodies of the wrong media type with 415 before any handler reads them. */
function requireMediaType(req: Request, res: Response, next: NextFunction): void {
  const hasBody = Number(req.headers['content-length'] ?? 0) > 0 || req.headers['transfer-encoding'] !== undefined;
  if (!WRITE_METHODS.has(req.method) || !req.path.startsWith('/api/') || !hasBody) return next();
  const type = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  const multipart = req.path === '/api/v1/imports';
  const ok = multipart ? type === 'multipart/form-data' : type === 'application/json' || type.endsWith('+json');
  if (ok) return next();
  const expected = multipart ? 'multipart/form-data' : 'application/json';
  const error = new UnsupportedMediaTypeError(`The body must be sent as ${expected}`, [
    { field: 'Content-Type', reason: `must be ${expected}` },
  ]);
  res.status(415).json(toErrorBody(error));
}

/** Builds the HTTP application: the same for `npm start` and the end-to-end tests. */
export async function createApp(
  config: AppConfig,
  databaseUrl: string,
  options: { logs?: boolean; logStream?: Writable } = {},
): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, databaseUrl, options.logStream), {
    bodyParser: false,
    // The raw bytes of JSON bodies stay available (req.rawBody): signed inbound messages are verified over them.
    rawBody: true,
    bufferLogs: true,
    logger: options.logs === false ? false : undefined,
  });
  if (options.logs !== false) app.useLogger(app.get(Logger));
  app.set('trust proxy', 'loopback');
  app.disable('x-powered-by');
  // Security headers; the interactive docs page needs its inline scripts, so it alone goes without a CSP.
  const strictHeaders = helmet();
  const docsHeaders = helmet({ contentSecurityPolicy: false });
  app.use((req: Request, res: Response, next: NextFunction) => (req.path.startsWith('/api/docs') ? docsHeaders : strictHeaders)(req, res, next));
  app.use(requireMediaType);
  // The console's session cookie (src/auth/auth.guard.ts); API keys never use cookies.
  app.use(cookieParser());
  app.useBodyParser('json', { limit: config.BODY_LIMIT_BYTES, type: ['application/json', 'application/*+json'] });
  app.useGlobalFilters(new AllExceptionsFilter());
  app.useGlobalPipes(
    new ValidationPipe({
      ...STRICT_VALIDATION,
      transform: true,
      exceptionFactory: (errors) => new ValidationFailedError(flattenValidationErrors(errors)),
    }),
  );
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Cross-border missing persons matching service')
      .setDescription(
        'Intake of missing-person reports and suspected-victim records from Mexico and Guatemala. ' +
          'Every /api/v1 route needs `Authorization: Bearer <key>` (systems) or the review console\'s session cookie ' +
          '`cbmp_session` with the `X-CSRF-Token` header on unsafe methods (people; see /api/v1/session). Errors share one shape: ' +
          '`{ statusCode, error, message, errors?: [{ field, reason }] }`.',
      )
      .setVersion('1')
      .addBearerAuth()
      .addCookieAuth('cbmp_session')
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
  return app;
}
