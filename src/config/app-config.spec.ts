import { ConfigError, loadConfig } from './app-config.js';

describe('loadConfig', () => {
  it('defaults', () => {
    expect(loadConfig({})).toMatchObject({ PORT: 3000, DATA_DIR: './.data', BOOTSTRAP_ADMIN_COUNTRY: 'MX', LOG_LEVEL: 'info', DATABASE_URL: undefined });
  });

  it.each([
    [{ PORT: '8080' }, { PORT: 8080 }],
    [{ DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/test' }, { DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/test' }],
    [{ DATA_DIR: '/var/lib/cbmp' }, { DATA_DIR: '/var/lib/cbmp' }],
    [{ BOOTSTRAP_ADMIN_COUNTRY: 'GT' }, { BOOTSTRAP_ADMIN_COUNTRY: 'GT' }],
    [{ PORT: '' }, { PORT: 3000 }],
    [{}, { MATCHING_CRON: '*/5 * * * *' }],
    [{ MATCHING_CRON: 'off' }, { MATCHING_CRON: 'off' }],
    [{ MATCHING_CRON: '0 */2 * * *' }, { MATCHING_CRON: '0 */2 * * *' }],
    [{}, { MATCHING_ENGINE_HEAP_MB: 896 }],
    [{ MATCHING_ENGINE_HEAP_MB: '3072' }, { MATCHING_ENGINE_HEAP_MB: 3072 }],
    [{}, { STATISTICS_MIN_CELL: 5, STATISTICS_SNAPSHOT_CRON: '0 3 1 * *' }],
    [{ STATISTICS_MIN_CELL: '10', STATISTICS_SNAPSHOT_CRON: 'off' }, { STATISTICS_MIN_CELL: 10, STATISTICS_SNAPSHOT_CRON: 'off' }],
    [{}, { IDENTIFICATION_SYSTEMS: [], DELIVERY_INTERVAL_MS: 5000, DELIVERY_MAX_ATTEMPTS: 10, SIGNATURE_TOLERANCE_SECONDS: 300 }],
    [
      { IDENTIFICATION_SYSTEMS: '[{"id":"snih","url":"https://snih.example/requests","secret":"0123456789abcdef0123456789abcdef","countries":["MX"]}]' },
      { IDENTIFICATION_SYSTEMS: [{ id: 'snih', url: 'https://snih.example/requests', secret: '0123456789abcdef0123456789abcdef', countries: ['MX'] }] },
    ],
    [{ DELIVERY_INTERVAL_MS: '0' }, { DELIVERY_INTERVAL_MS: 0 }],
    [{}, { SESSION_COOKIE_SECURE: true, SESSION_IDLE_MINUTES: 60, SESSION_MAX_HOURS: 12, PASSWORD_HASH_ROUNDS: 12 }],
    [{ SESSION_COOKIE_SECURE: 'false', SESSION_IDLE_MINUTES: '30', SESSION_MAX_HOURS: '8', PASSWORD_HASH_ROUNDS: '10' }, { SESSION_COOKIE_SECURE: false, SESSION_IDLE_MINUTES: 30, SESSION_MAX_HOURS: 8, PASSWORD_HASH_ROUNDS: 10 }],
  ])('reads %j', (env, expected) => {
    expect(loadConfig(env)).toMatchObject(expected);
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
    [{ BOOTSTRAP_ADMIN_KEY: 'short' }, 'BOOTSTRAP_ADMIN_KEY'],
    [{ BOOTSTRAP_ADMIN_COUNTRY: 'US' }, 'BOOTSTRAP_ADMIN_COUNTRY'],
    [{ LOG_LEVEL: 'verbose' }, 'LOG_LEVEL'],
    [{ EMBEDDED_PG_PORT: '80' }, 'EMBEDDED_PG_PORT'],
    [{ BODY_LIMIT_BYTES: '-1' }, 'BODY_LIMIT_BYTES'],
    [{ MATCHING_CRON: 'every five minutes' }, 'MATCHING_CRON'],
    [{ SESSION_COOKIE_SECURE: 'yes' }, 'SESSION_COOKIE_SECURE'],
    [{ SESSION_IDLE_MINUTES: '1' }, 'SESSION_IDLE_MINUTES'],
    [{ SESSION_MAX_HOURS: '100' }, 'SESSION_MAX_HOURS'],
    [{ PASSWORD_HASH_ROUNDS: '4' }, 'PASSWORD_HASH_ROUNDS'],
    [{ MATCHING_ENGINE_HEAP_MB: '128' }, 'MATCHING_ENGINE_HEAP_MB'],
    [{ MATCHING_ENGINE_HEAP_MB: 'lots' }, 'MATCHING_ENGINE_HEAP_MB'],
    [{ STATISTICS_MIN_CELL: '1' }, 'STATISTICS_MIN_CELL'],
    [{ STATISTICS_MIN_CELL: 'five' }, 'STATISTICS_MIN_CELL'],
    [{ STATISTICS_SNAPSHOT_CRON: 'monthly' }, 'STATISTICS_SNAPSHOT_CRON'],
    [{ IDENTIFICATION_SYSTEMS: 'not json' }, 'IDENTIFICATION_SYSTEMS'],
    [{ IDENTIFICATION_SYSTEMS: '[{"id":"snih","url":"https://x","secret":"short"}]' }, 'IDENTIFICATION_SYSTEMS'],
    [{ IDENTIFICATION_SYSTEMS: '[{"id":"snih","url":"ftp://x","secret":"0123456789abcdef0123456789abcdef"}]' }, 'IDENTIFICATION_SYSTEMS'],
    [{ DELIVERY_MAX_ATTEMPTS: '0' }, 'DELIVERY_MAX_ATTEMPTS'],
    [{ SIGNATURE_TOLERANCE_SECONDS: '5' }, 'SIGNATURE_TOLERANCE_SECONDS'],
  ])('refuses %j naming %s', (env, variable) => {
    let error: unknown;
    try {
      loadConfig(env);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems).toEqual([expect.stringMatching(new RegExp(`^${variable} `))]);
  });
});
