import * as path from 'node:path';
import { type EventStoreSelection, selectEventStore } from '@accord/store/store-selection';
import { READ_STORE_KINDS, type ReadStoreKind, type ReadStoreSelection } from '@accord/read-store';

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
  /** Requests per minute per member of staff (agency + staff id), however many tokens they hold. */
  readonly rateLimitPerMin: number;
  /** Requests per minute per client address without a valid token (none, garbage, expired, forged). */
  readonly rateLimitAnonPerMin: number;
  /**
   * `/metrics` and `/health/ready` (counts per event type and refusal code, the head position) are
   * for operators: with a token configured they answer `Authorization: Bearer <token>` only;
   * without one, only an auditor's staff token. `/health` (liveness) stays public.
   */
  readonly ops: { readonly token?: string };
  /** Slow clients (issue 8 §7): Node's http server limits, in milliseconds. */
  readonly timeouts: {
    /** The whole request, body included: a body trickling in is cut off with 408. */
    readonly requestMs: number;
    /** The request line and headers. */
    readonly headersMs: number;
    /** A socket with no traffic at all (also between keep-alive requests). */
    readonly idleMs: number;
    /** How often Node checks the two above (its default is 30 s, longer than the limits themselves). */
    readonly checkIntervalMs: number;
  };
  readonly bodyLimitBytes: number;
  readonly logLevel: LogLevel;
  /** Where events live: the embedded SQLite ledger under dataDir (default), PostgreSQL or EventStoreDB. */
  readonly eventStore: EventStoreSelection;
  /** Where read models live: `<data>/read.db` (default) or PostgreSQL (schema `accord_read`). */
  readonly readStore: ReadStoreSelection;
  /**
   * The embedded ledger's commits: `off` on the API's own thread, `auto` on a writer thread while
   * the API's thread is busy, `on` always on the writer thread. Chosen by `bench:api` (README).
   */
  readonly sqliteWriterThread: SqliteWriterThread;
  /**
   * The embedded ledger's Merkle tree: `on` kept by a follower on a thread of its own, `off` by a
   * follower on the API's thread (bench:store, `treeCostRatio64`).
   */
  readonly treeThread: TreeThread;
}

export const READ_STORE_THREAD_MODES = ['on', 'off'] as const;
export type ReadStoreThread = (typeof READ_STORE_THREAD_MODES)[number];

export const TREE_THREAD_MODES = ['on', 'off'] as const;
export type TreeThread = (typeof TREE_THREAD_MODES)[number];

export const SQLITE_WRITER_THREAD_MODES = ['off', 'auto', 'on'] as const;
export type SqliteWriterThread = (typeof SQLITE_WRITER_THREAD_MODES)[number];

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
  // A person at a browser or a script with a broken token: enough to retry, not enough to guess.
  rateLimitAnonPerMin: 600,
  timeouts: { requestMs: 30_000, headersMs: 10_000, idleMs: 60_000, checkIntervalMs: 1_000 },
  bodyLimitBytes: 256 * 1024,
  logLevel: 'info' as LogLevel,
  readStore: 'sqlite' as const,
  // bench:api, same-run CPU per request: commands and reads each cost less with commits on the API's
  // own thread than handed to the writer thread (README, "The fast path").
  sqliteWriterThread: 'off' as SqliteWriterThread,
  // Hashing the tree on the appenders' thread cost them ~16% of their rate on 2 cores (README).
  treeThread: 'on' as TreeThread,
  // The projector applies the next batch while its commit thread writes this one (bench:projector).
  readStoreThread: 'on' as ReadStoreThread,
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
  'ACCORD_RATE_LIMIT_ANON_PER_MIN',
  'ACCORD_OPS_TOKEN',
  'ACCORD_REQUEST_TIMEOUT_MS',
  'ACCORD_HEADERS_TIMEOUT_MS',
  'ACCORD_IDLE_TIMEOUT_MS',
  'ACCORD_BODY_LIMIT_BYTES',
  'LOG_LEVEL',
  'ACCORD_READ_STORE',
  'ACCORD_READ_STORE_URL',
  'NODE_ENV',
  'ACCORD_EVENT_STORE',
  'ACCORD_PG_URL',
  'ACCORD_ESDB_URL',
  'ACCORD_SQLITE_WRITER_THREAD',
  'ACCORD_TREE_THREAD',
  'ACCORD_READ_STORE_THREAD',
] as const;

export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Minimum HS256 secret length: RFC 7518 §3.2 asks for a key at least as long as the hash (256 bits). */
export const MIN_SECRET_BYTES = 32;

/** What the projector process needs from the environment, validated exactly as for the API. */
export type ProjectorConfig = Pick<ApiConfig, 'dataDir' | 'eventStore' | 'readStore' | 'logLevel'>;

export function loadProjectorConfig(env: NodeJS.ProcessEnv = process.env): ProjectorConfig {
  // The signing key is the API's alone: the projector neither needs nor should demand it.
  const { dataDir, eventStore, readStore, logLevel } = loadConfig({
    ...env,
    NODE_ENV: undefined,
    ACCORD_JWT_SECRET: undefined,
    ACCORD_JWT_KEY_FILE: undefined,
  });
  return { dataDir, eventStore, readStore, logLevel };
}

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
  const choice = <T extends string>(name: string, modes: readonly T[], fallback: T): T => {
    const raw = text(name) ?? fallback;
    if (modes.includes(raw as T)) return raw as T;
    problems.push(`${name}=${JSON.stringify(raw)}: expected one of ${modes.join(', ')}`);
    return fallback;
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

  const opsToken = text('ACCORD_OPS_TOKEN');
  if (opsToken !== undefined && (opsToken.length < 32 || !/^[A-Za-z0-9._~+/-]+=*$/.test(opsToken)))
    problems.push(
      'ACCORD_OPS_TOKEN: at least 32 characters, usable in a Bearer header (letters, digits, ._~+/-)',
    );
  const requestMs = integer('ACCORD_REQUEST_TIMEOUT_MS', DEFAULTS.timeouts.requestMs, 1000, 3_600_000);
  const headersMs = integer('ACCORD_HEADERS_TIMEOUT_MS', DEFAULTS.timeouts.headersMs, 1000, 3_600_000);
  if (headersMs > requestMs)
    problems.push('ACCORD_HEADERS_TIMEOUT_MS: must not exceed ACCORD_REQUEST_TIMEOUT_MS');

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
  const selected = selectReadStore(
    text('ACCORD_READ_STORE'),
    text('ACCORD_READ_STORE_URL'),
    text('ACCORD_PG_URL'),
    dataDir,
    problems,
  );
  const readStoreThread = choice(
    'ACCORD_READ_STORE_THREAD',
    READ_STORE_THREAD_MODES,
    DEFAULTS.readStoreThread,
  );
  const readStore: ReadStoreSelection =
    selected.kind === 'sqlite' ? { ...selected, commitThread: readStoreThread === 'on' } : selected;

  const sqliteWriterThread = choice(
    'ACCORD_SQLITE_WRITER_THREAD',
    SQLITE_WRITER_THREAD_MODES,
    DEFAULTS.sqliteWriterThread,
  );
  const treeThread = choice('ACCORD_TREE_THREAD', TREE_THREAD_MODES, DEFAULTS.treeThread);

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
    rateLimitAnonPerMin: integer(
      'ACCORD_RATE_LIMIT_ANON_PER_MIN',
      DEFAULTS.rateLimitAnonPerMin,
      1,
      100_000_000,
    ),
    ops: opsToken === undefined ? {} : { token: opsToken },
    timeouts: {
      requestMs,
      headersMs,
      idleMs: integer('ACCORD_IDLE_TIMEOUT_MS', DEFAULTS.timeouts.idleMs, 1000, 3_600_000),
      checkIntervalMs: DEFAULTS.timeouts.checkIntervalMs,
    },
    bodyLimitBytes: integer('ACCORD_BODY_LIMIT_BYTES', DEFAULTS.bodyLimitBytes, 1024, 64 * 1024 * 1024),
    logLevel,
    eventStore: store.selection,
    readStore,
    sqliteWriterThread,
    treeThread,
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
    // Suites send hundreds of deliberately unauthenticated requests; the hostile suite sets its own.
    rateLimitAnonPerMin: DEFAULTS.rateLimitPerMin,
    ops: {},
    timeouts: DEFAULTS.timeouts,
    bodyLimitBytes: DEFAULTS.bodyLimitBytes,
    logLevel: 'silent',
    eventStore: { kind: 'sqlite', dataDir: path.resolve(dataDir) },
    readStore: { kind: DEFAULTS.readStore, dataDir: path.resolve(dataDir) },
    sqliteWriterThread: DEFAULTS.sqliteWriterThread,
    // Suites start hundreds of apps from TypeScript sources, where a thread loads the TypeScript
    // compiler (~0.7 s) before it does anything; the suites that test the thread turn it on.
    treeThread: 'off',
    ...overrides,
  };
}

/**
 * ACCORD_READ_STORE and its URL: ACCORD_READ_STORE_URL, else the event store's ACCORD_PG_URL (the
 * read models then sit in their own schema of the same database). The URL is never echoed.
 */
function selectReadStore(
  kind: string | undefined,
  url: string | undefined,
  pgUrl: string | undefined,
  dataDir: string,
  problems: string[],
): ReadStoreSelection {
  const chosen = (kind ?? DEFAULTS.readStore) as ReadStoreKind;
  if (!READ_STORE_KINDS.includes(chosen)) {
    problems.push(
      `ACCORD_READ_STORE=${JSON.stringify(kind)}: expected one of ${READ_STORE_KINDS.join(', ')}`,
    );
    return { kind: 'sqlite', dataDir };
  }
  if (chosen === 'sqlite') {
    if (url !== undefined)
      problems.push(
        'ACCORD_READ_STORE_URL: set, but ACCORD_READ_STORE is sqlite (set ACCORD_READ_STORE=postgres)',
      );
    return { kind: 'sqlite', dataDir };
  }
  const value = url ?? pgUrl;
  if (value === undefined) {
    problems.push(
      'ACCORD_READ_STORE_URL: required when ACCORD_READ_STORE=postgres (or ACCORD_PG_URL, shared with the event store), e.g. postgres://host/db',
    );
    return { kind: 'postgres', url: '' };
  }
  if (!/^postgres(ql)?:\/\/\S+$/i.test(value))
    problems.push(
      `${url === undefined ? 'ACCORD_PG_URL' : 'ACCORD_READ_STORE_URL'}: not a URL starting with postgres:// or postgresql://`,
    );
  return { kind: 'postgres', url: value };
}

/**
 * The data directory an operator chose: an explicit `--data`, else ACCORD_DATA_DIR, else ./data (an
 * empty value counts as unset), absolute from `cwd`. For tools that do not need the whole config.
 */
export function chosenDataDir(
  env: Readonly<Record<string, string | undefined>>,
  explicit?: string,
  cwd: string = process.cwd(),
): string {
  return path.resolve(cwd, explicit || env.ACCORD_DATA_DIR || DEFAULTS.dataDir);
}
