import { plainToInstance, Transform } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  MinLength,
  registerDecorator,
  validateSync,
} from 'class-validator';
import { validateCronExpression } from 'cron';

/** A cron expression the scheduler accepts, or "off". */
function IsCronOrOff(): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isCronOrOff',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: 'must be a cron expression (e.g. "*/5 * * * *") or "off"' },
      validator: { validate: (value: unknown) => value === 'off' || (typeof value === 'string' && validateCronExpression(value).valid) },
    });
}

/** Environment variables the service reads, validated once at boot. */
export class AppConfig {
  @Transform(({ value }) => (value === undefined || value === '' ? 3000 : Number(value)))
  @IsInt({ message: 'must be an integer port number' })
  @Min(1, { message: 'must be between 1 and 65535' })
  @Max(65535, { message: 'must be between 1 and 65535' })
  PORT: number;

  /** External PostgreSQL server; when unset an embedded PostgreSQL is started under DATA_DIR. */
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/\S+$/, { message: 'must be a postgres:// connection URL' })
  DATABASE_URL?: string;

  @Transform(({ value }) => (value === undefined || value === '' ? './.data' : value))
  @IsString()
  DATA_DIR: string;

  /** Port of the embedded PostgreSQL (only used when DATABASE_URL is unset). */
  @Transform(({ value }) => (value === undefined || value === '' ? 54329 : Number(value)))
  @IsInt({ message: 'must be an integer port number' })
  @Min(1024, { message: 'must be between 1024 and 65535' })
  @Max(65535, { message: 'must be between 1024 and 65535' })
  EMBEDDED_PG_PORT: number;

  /** Sets the first admin key instead of generating one (automation). */
  @IsOptional()
  @IsString()
  @MinLength(24, { message: 'must be at least 24 characters' })
  BOOTSTRAP_ADMIN_KEY?: string;

  @Transform(({ value }) => (value === undefined || value === '' ? 'MX' : value))
  @IsIn(['MX', 'GT'], { message: 'must be MX or GT' })
  BOOTSTRAP_ADMIN_COUNTRY: 'MX' | 'GT';

  @Transform(({ value }) => (value === undefined || value === '' ? 'info' : value))
  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], { message: 'must be a pino log level' })
  LOG_LEVEL: string;

  /** Largest accepted JSON body, in bytes (bigger bodies get 413). */
  @Transform(({ value }) => (value === undefined || value === '' ? 5 * 1024 * 1024 : Number(value)))
  @IsInt({ message: 'must be an integer number of bytes' })
  @Min(1024, { message: 'must be at least 1024' })
  BODY_LIMIT_BYTES: number;

  /** When incremental matching runs start (cron syntax, server time), or "off". */
  @Transform(({ value }) => (value === undefined || value === '' ? '*/5 * * * *' : value))
  @IsCronOrOff()
  MATCHING_CRON: string;

  /**
   * Heap limit of the matching engine's worker thread, in MiB (V8's old generation). The engine keeps about
   * 5 MiB per 1,000 records live; the limit makes V8 collect its garbage before the process grows past it
   * (docs/performance.md). A run that needs more fails cleanly (the service keeps answering); raise it then.
   */
  @Transform(({ value }) => (value === undefined || value === '' ? 1024 : Number(value)))
  @IsInt({ message: 'must be an integer number of MiB' })
  @Min(256, { message: 'must be at least 256' })
  MATCHING_ENGINE_HEAP_MB: number;

  /** Largest accepted CSV upload, in bytes. */
  @Transform(({ value }) => (value === undefined || value === '' ? 200 * 1024 * 1024 : Number(value)))
  @IsInt({ message: 'must be an integer number of bytes' })
  @Min(1024, { message: 'must be at least 1024' })
  IMPORT_LIMIT_BYTES: number;

  /** How long a reviewer's claim on an alert lasts, in minutes. */
  @Transform(({ value }) => (value === undefined || value === '' ? 120 : Number(value)))
  @IsInt({ message: 'must be a whole number of minutes' })
  @Min(1, { message: 'must be between 1 and 10080' })
  @Max(10080, { message: 'must be between 1 and 10080' })
  CLAIM_TTL_MINUTES: number;

  /** Requests allowed per API key (or per client address without a key) per minute. */
  @Transform(({ value }) => (value === undefined || value === '' ? 600 : Number(value)))
  @IsInt({ message: 'must be a whole number' })
  @Min(1, { message: 'must be at least 1' })
  RATE_LIMIT_PER_MINUTE: number;

  /** Statistics: a cell (or total) counting fewer people than this is suppressed (docs/statistics.md). */
  @Transform(({ value }) => (value === undefined || value === '' ? 5 : Number(value)))
  @IsInt({ message: 'must be a whole number' })
  @Min(3, { message: 'must be between 3 and 100' })
  @Max(100, { message: 'must be between 3 and 100' })
  STATISTICS_MIN_CELL: number;

  /** When the monthly statistics snapshot is taken (cron syntax, server time), or "off". */
  @Transform(({ value }) => (value === undefined || value === '' ? '0 3 1 * *' : value))
  @IsCronOrOff()
  STATISTICS_SNAPSHOT_CRON: string;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration: ${problems.join('; ')}`);
    this.name = 'ConfigError';
  }
}

const KNOWN = [
  'PORT',
  'DATABASE_URL',
  'DATA_DIR',
  'EMBEDDED_PG_PORT',
  'BOOTSTRAP_ADMIN_KEY',
  'BOOTSTRAP_ADMIN_COUNTRY',
  'LOG_LEVEL',
  'BODY_LIMIT_BYTES',
  'IMPORT_LIMIT_BYTES',
  'MATCHING_CRON',
  'MATCHING_ENGINE_HEAP_MB',
  'CLAIM_TTL_MINUTES',
  'RATE_LIMIT_PER_MINUTE',
  'STATISTICS_MIN_CELL',
  'STATISTICS_SNAPSHOT_CRON',
] as const;

/** Reads and validates the configuration; throws ConfigError naming every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const raw: Record<string, string | undefined> = {};
  for (const key of KNOWN) raw[key] = env[key] === '' ? undefined : env[key];
  const config = plainToInstance(AppConfig, raw);
  const errors = validateSync(config, { forbidUnknownValues: false });
  if (errors.length > 0) {
    throw new ConfigError(
      errors.map((e) => `${e.property} ${Object.values(e.constraints ?? { invalid: 'is invalid' }).join(', ')}`),
    );
  }
  return config;
}

export const APP_CONFIG = Symbol('APP_CONFIG');
