import * as path from 'node:path';
import { type EventStoreSelection, selectEventStore } from '@accord/store/store-selection';

/**
 * Everything the API reads from the environment, parsed and validated once at boot. A bad value
 * stops the boot with a message naming every bad variable at once, so an operator fixes them in
 * one pass.
 *
 * HOST defaults to 127.0.0.1: the ledger holds confidential case data (Art 17), so exposing it on
 * every interface must be a deliberate choice (set HOST=0.0.0.0 behind a proxy or in a container).
 */
export interface ApiConfig {
  readonly port: number;
  readonly host: string;
  /** Embedded data: the SQLite ledger, `api.db` (idempotency records) and the embedded `jwt.key`. */
  readonly dataDir: string;
  /** `production` refuses to create a signing key of its own: the key must come from configuration. */
  readonly production: boolean;
  readonly jwt: {
    readonly secret?: string;
    readonly keyFile?: string;
    readonly issuer: string;
    readonly audience: string;
  };
  /** Requests per minute per bearer token (per client address without one). */
  readonly rateLimitPerMin: number;
  readonly bodyLimitBytes: number;
  readonly logLevel: LogLevel;
  /** Where events live: the embedded SQLite ledger under dataDir (default), PostgreSQL or EventStoreDB. */
  readonly eventStore: EventStoreSelection;
}

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export const DEFAULTS = {
  port: 3000,
  host: '127.0.0.1',
  dataDir: './data',
  issuer: 'accord',
  audience: 'accord-api',
  // High enough that 64 busy clerks in the benchmark never see it; low enough to stop a runaway script.
  rateLimitPerMin: 60_000,
  bodyLimitBytes: 256 * 1024,
  logLevel: 'info' as LogLevel,
} as const;

/** Every variable the API reads, for docs and for the boot message. */
export const CONFIG_VARIABLES = [
  'PORT',
  'HOST',
  'ACCORD_DATA_DIR',
  'ACCORD_JWT_SECRET',
  'ACCORD_JWT_KEY_FILE',
  'ACCORD_JWT_ISSUER',
  'ACCORD_JWT_AUDIENCE',
  'ACCORD_RATE_LIMIT_PER_MIN',
  'ACCORD_BODY_LIMIT_BYTES',
  'LOG_LEVEL',
  'NODE_ENV',
  'ACCORD_EVENT_STORE',
  'ACCORD_PG_URL',
  'ACCORD_ESDB_URL',
] as const;

export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Minimum HS256 secret length: RFC 7518 §3.2 asks for a key at least as long as the hash (256 bits). */
export const MIN_SECRET_BYTES = 32;

export function loadConfig(env: NodeJS.ProcessEnv = process.env): ApiConfig {
  const problems: string[] = [];
  const text = (name: string): string | undefined => {
    const value = env[name];
    return value === undefined || value.trim() === '' ? undefined : value.trim();
  };
  const integer = (name: string, fallback: number, min: number, max: number): number => {
    const raw = text(name);
    if (raw === undefined) return fallback;
    if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
      problems.push(`${name}=${JSON.stringify(raw)}: expected an integer from ${min} to ${max}`);
      return fallback;
    }
    return Number(raw);
  };

  const port = integer('PORT', DEFAULTS.port, 0, 65535);
  const host = text('HOST') ?? DEFAULTS.host;
  const dataDir = path.resolve(text('ACCORD_DATA_DIR') ?? DEFAULTS.dataDir);
  const production = text('NODE_ENV') === 'production';

  const secret = text('ACCORD_JWT_SECRET');
  if (secret !== undefined && Buffer.byteLength(secret, 'utf8') < MIN_SECRET_BYTES) {
    problems.push(
      `ACCORD_JWT_SECRET: must be at least ${MIN_SECRET_BYTES} bytes (HS256 needs a 256-bit key)`,
    );
  }
  const keyFile = text('ACCORD_JWT_KEY_FILE');
  if (secret !== undefined && keyFile !== undefined) {
    problems.push('ACCORD_JWT_SECRET and ACCORD_JWT_KEY_FILE: set one, not both');
  }
  if (production && secret === undefined && keyFile === undefined) {
    problems.push(
      'ACCORD_JWT_SECRET or ACCORD_JWT_KEY_FILE: required when NODE_ENV=production (the embedded key is for development only)',
    );
  }

  const logLevel = (text('LOG_LEVEL') ?? DEFAULTS.logLevel) as LogLevel;
  if (!LOG_LEVELS.includes(logLevel)) {
    problems.push(`LOG_LEVEL=${JSON.stringify(logLevel)}: expected one of ${LOG_LEVELS.join(', ')}`);
  }

  const store = selectEventStore({
    kind: text('ACCORD_EVENT_STORE'),
    pgUrl: text('ACCORD_PG_URL'),
    esdbUrl: text('ACCORD_ESDB_URL'),
    dataDir,
  });
  problems.push(...store.problems);

  const config: ApiConfig = {
    port,
    host,
    dataDir,
    production,
    jwt: {
      secret,
      keyFile: keyFile === undefined ? undefined : path.resolve(keyFile),
      issuer: text('ACCORD_JWT_ISSUER') ?? DEFAULTS.issuer,
      audience: text('ACCORD_JWT_AUDIENCE') ?? DEFAULTS.audience,
    },
    rateLimitPerMin: integer('ACCORD_RATE_LIMIT_PER_MIN', DEFAULTS.rateLimitPerMin, 1, 100_000_000),
    bodyLimitBytes: integer('ACCORD_BODY_LIMIT_BYTES', DEFAULTS.bodyLimitBytes, 1024, 64 * 1024 * 1024),
    logLevel,
    eventStore: store.selection,
  };
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

/** A config for tests and the benchmark: defaults, the given data dir, and any overrides. */
export function configFor(dataDir: string, overrides: Partial<ApiConfig> = {}): ApiConfig {
  return {
    port: 0,
    host: '127.0.0.1',
    dataDir: path.resolve(dataDir),
    production: false,
    jwt: { issuer: DEFAULTS.issuer, audience: DEFAULTS.audience },
    rateLimitPerMin: DEFAULTS.rateLimitPerMin,
    bodyLimitBytes: DEFAULTS.bodyLimitBytes,
    logLevel: 'silent',
    eventStore: { kind: 'sqlite', dataDir: path.resolve(dataDir) },
    ...overrides,
  };
}
