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

/** A target system of forensic comparison requests, which also signs the results it sends back. */
export interface IdentificationSystem {
  /** Short name, sent back by the system in the X-CBMP-System header of its results. */
  id: string;
  /** Where forensic comparison requests are POSTed. */
  url: string;
  /** Shared secret of the HMAC-SHA256 signatures, both directions (at least 32 characters). */
  secret: string;
  /** Requests go to the systems whose countries include the country of either record (all when absent). */
  countries?: ('MX' | 'GT')[];
}

/** Parses IDENTIFICATION_SYSTEMS; the problem, or the systems. */
export function parseIdentificationSystems(value: unknown): IdentificationSystem[] | string {
  if (value === undefined || value === null || value === '') return [];
  let parsed: unknown;
  try {
    parsed = typeof value === 'string' ? JSON.parse(value) : value;
  } catch {
    return 'must be a JSON array of { id, url, secret, countries? }';
  }
  if (!Array.isArray(parsed)) return 'must be a JSON array of { id, url, secret, countries? }';
  const seen = new Set<string>();
  for (const [i, s] of parsed.entries()) {
    if (!s || typeof s !== 'object') return `[${i}] must be an object { id, url, secret, countries? }`;
    const { id, url, secret, countries, ...rest } = s as Record<string, unknown>;
    if (Object.keys(rest).length > 0) return `[${i}] has unknown fields: ${Object.keys(rest).join(', ')}`;
    if (typeof id !== 'string' || !/^[a-z0-9][a-z0-9_-]{0,39}$/.test(id)) return `[${i}].id must be 1-40 lower-case letters, digits, - or _`;
    if (seen.has(id)) return `[${i}].id ${id} is repeated`;
    seen.add(id);
    if (typeof url !== 'string' || !/^https?:\/\/\S+$/.test(url)) return `[${i}].url must be an http(s) URL`;
    if (typeof secret !== 'string' || secret.length < 32) return `[${i}].secret must be at least 32 characters`;
    if (countries !== undefined && (!Array.isArray(countries) || countries.length === 0 || countries.some((c) => c !== 'MX' && c !== 'GT'))) {
      return `[${i}].countries must be a non-empty array of MX, GT`;
    }
  }
  return parsed as IdentificationSystem[];
}

function IsIdentificationSystems(): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isIdentificationSystems',
      target: target.constructor,
      propertyName: propertyName as string,
      // The transform leaves the problem (never the secret) in place of an invalid value.
      options: { message: (args) => (typeof args.value === 'string' ? args.value : 'must be a JSON array of { id, url, secret, countries? }') },
      validator: { validate: (value: unknown) => Array.isArray(value) },
    });
}

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
  @Transform(({ value }) => (value === undefined || value === '' ? 896 : Number(value)))
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
  /**
   * The human identification systems (JSON array of { id, url, secret, countries? }): where forensic comparison
   * requests go and whose signed results are accepted. Empty by default (no requests are sent). Never logged.
   */
  @Transform(({ value }) => parseIdentificationSystems(value))
  @IsIdentificationSystems()
  IDENTIFICATION_SYSTEMS: IdentificationSystem[];

  /** How often the outbox worker delivers due messages, in milliseconds; 0 turns the worker off. */
  @Transform(({ value }) => (value === undefined || value === '' ? 5000 : Number(value)))
  @IsInt({ message: 'must be a whole number of milliseconds' })
  @Min(0, { message: 'must be 0 (off) or more' })
  DELIVERY_INTERVAL_MS: number;

  /** Attempts before an outbox message is marked failed (an admin can retry it). */
  @Transform(({ value }) => (value === undefined || value === '' ? 10 : Number(value)))
  @IsInt({ message: 'must be a whole number' })
  @Min(1, { message: 'must be between 1 and 100' })
  @Max(100, { message: 'must be between 1 and 100' })
  DELIVERY_MAX_ATTEMPTS: number;

  /** First retry delay in seconds; it doubles at every attempt, up to DELIVERY_BACKOFF_CAP_SECONDS. */
  @Transform(({ value }) => (value === undefined || value === '' ? 10 : Number(value)))
  @IsInt({ message: 'must be a whole number of seconds' })
  @Min(1, { message: 'must be at least 1' })
  DELIVERY_BACKOFF_SECONDS: number;

  @Transform(({ value }) => (value === undefined || value === '' ? 3600 : Number(value)))
  @IsInt({ message: 'must be a whole number of seconds' })
  @Min(1, { message: 'must be at least 1' })
  DELIVERY_BACKOFF_CAP_SECONDS: number;

  /** How long one delivery attempt may take, in milliseconds. */
  @Transform(({ value }) => (value === undefined || value === '' ? 10000 : Number(value)))
  @IsInt({ message: 'must be a whole number of milliseconds' })
  @Min(100, { message: 'must be at least 100' })
  DELIVERY_TIMEOUT_MS: number;

  /**
   * Whether the console's session cookie carries `Secure` (sent over HTTPS only). On by default; turn it off only
   * for plain-HTTP development on localhost.
   */
  @Transform(({ value }) => (value === undefined || value === '' ? true : value === 'true' ? true : value === 'false' ? false : value))
  @IsIn([true, false], { message: 'must be true or false' })
  SESSION_COOKIE_SECURE: boolean;

  /** A console session ends after this many minutes without a request. */
  @Transform(({ value }) => (value === undefined || value === '' ? 60 : Number(value)))
  @IsInt({ message: 'must be a whole number of minutes' })
  @Min(5, { message: 'must be between 5 and 1440' })
  @Max(1440, { message: 'must be between 5 and 1440' })
  SESSION_IDLE_MINUTES: number;

  /** A console session ends this many hours after sign-in, however active. */
  @Transform(({ value }) => (value === undefined || value === '' ? 12 : Number(value)))
  @IsInt({ message: 'must be a whole number of hours' })
  @Min(1, { message: 'must be between 1 and 72' })
  @Max(72, { message: 'must be between 1 and 72' })
  SESSION_MAX_HOURS: number;

  /** bcrypt cost of account passwords (2^n rounds). */
  @Transform(({ value }) => (value === undefined || value === '' ? 12 : Number(value)))
  @IsInt({ message: 'must be a whole number' })
  @Min(10, { message: 'must be between 10 and 15' })
  @Max(15, { message: 'must be between 10 and 15' })
  PASSWORD_HASH_ROUNDS: number;

  /** Accepted clock difference of signed inbound messages, in seconds (older or newer timestamps get 401). */
  @Transform(({ value }) => (value === undefined || value === '' ? 300 : Number(value)))
  @IsInt({ message: 'must be a whole number of seconds' })
  @Min(10, { message: 'must be between 10 and 3600' })
  @Max(3600, { message: 'must be between 10 and 3600' })
  SIGNATURE_TOLERANCE_SECONDS: number;
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
  'SESSION_COOKIE_SECURE',
  'SESSION_IDLE_MINUTES',
  'SESSION_MAX_HOURS',
  'PASSWORD_HASH_ROUNDS',
  'LOG_LEVEL',
  'BODY_LIMIT_BYTES',
  'IMPORT_LIMIT_BYTES',
  'MATCHING_CRON',
  'MATCHING_ENGINE_HEAP_MB',
  'CLAIM_TTL_MINUTES',
  'RATE_LIMIT_PER_MINUTE',
  'STATISTICS_MIN_CELL',
  'STATISTICS_SNAPSHOT_CRON',
  'IDENTIFICATION_SYSTEMS',
  'DELIVERY_INTERVAL_MS',
  'DELIVERY_MAX_ATTEMPTS',
  'DELIVERY_BACKOFF_SECONDS',
  'DELIVERY_BACKOFF_CAP_SECONDS',
  'DELIVERY_TIMEOUT_MS',
  'SIGNATURE_TOLERANCE_SECONDS',
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
