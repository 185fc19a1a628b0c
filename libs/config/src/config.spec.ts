import { ConfigError, DEFAULTS, loadConfig } from './config';

describe('loadConfig', () => {
  it('defaults everything for an embedded start', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 3000,
      host: '127.0.0.1',
      production: false,
      rateLimitPerMin: 60_000,
      logLevel: 'info',
      readStore: { kind: 'sqlite' },
    });
    expect(config.dataDir).toMatch(/data$/);
  });

  it('places the SQLite commits by ACCORD_SQLITE_WRITER_THREAD, refusing other values', () => {
    expect(loadConfig({}).sqliteWriterThread).toBe(DEFAULTS.sqliteWriterThread);
    for (const mode of ['off', 'auto', 'on'] as const)
      expect(loadConfig({ ACCORD_SQLITE_WRITER_THREAD: mode }).sqliteWriterThread).toBe(mode);
    expect(() => loadConfig({ ACCORD_SQLITE_WRITER_THREAD: 'sometimes' })).toThrow(
      /ACCORD_SQLITE_WRITER_THREAD="sometimes": expected one of off, auto, on/,
    );
  });

  it('places the Merkle tree follower by ACCORD_TREE_THREAD (on by default), refusing other values', () => {
    expect(loadConfig({}).treeThread).toBe('on');
    expect(loadConfig({ ACCORD_TREE_THREAD: 'off' }).treeThread).toBe('off');
    expect(() => loadConfig({ ACCORD_TREE_THREAD: 'yes' })).toThrow(
      /ACCORD_TREE_THREAD="yes": expected one of on, off/,
    );
  });

  it('names every bad variable at once', () => {
    let error: unknown;
    try {
      loadConfig({
        PORT: 'eighty',
        ACCORD_RATE_LIMIT_PER_MIN: '0',
        LOG_LEVEL: 'loud',
        ACCORD_JWT_SECRET: 'short',
        ACCORD_READ_STORE: 'mongo',
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    for (const name of [
      'PORT',
      'ACCORD_RATE_LIMIT_PER_MIN',
      'LOG_LEVEL',
      'ACCORD_JWT_SECRET',
      'ACCORD_READ_STORE',
    ])
      expect(problems).toContain(name);
  });

  it('demands a configured key in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/ACCORD_JWT_SECRET or ACCORD_JWT_KEY_FILE/);
    expect(loadConfig({ NODE_ENV: 'production', ACCORD_JWT_SECRET: 'k'.repeat(32) }).production).toBe(true);
  });

  it('validates the security variables (issue 8): ops token length, timeouts, per-address limit', () => {
    let error: unknown;
    try {
      loadConfig({
        ACCORD_OPS_TOKEN: 'short',
        ACCORD_REQUEST_TIMEOUT_MS: '5000',
        ACCORD_HEADERS_TIMEOUT_MS: '9000',
        ACCORD_RATE_LIMIT_ANON_PER_MIN: '0',
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    expect(problems).toContain('ACCORD_OPS_TOKEN');
    expect(problems).toContain('ACCORD_HEADERS_TIMEOUT_MS');
    expect(problems).toContain('ACCORD_RATE_LIMIT_ANON_PER_MIN');
    const ok = loadConfig({ ACCORD_OPS_TOKEN: 'x'.repeat(32), ACCORD_RATE_LIMIT_ANON_PER_MIN: '30' });
    expect(ok).toMatchObject({ ops: { token: 'x'.repeat(32) }, rateLimitAnonPerMin: 30 });
    expect(loadConfig({}).ops).toEqual({});
  });
});

describe('loadConfig: the read store', () => {
  const problems = (env: NodeJS.ProcessEnv): string => {
    try {
      loadConfig(env);
    } catch (e) {
      return (e as ConfigError).problems.join('\n');
    }
    return '';
  };

  it('postgres takes ACCORD_READ_STORE_URL, else the ledger URL ACCORD_PG_URL, and never echoes it', () => {
    expect(
      loadConfig({ ACCORD_READ_STORE: 'postgres', ACCORD_READ_STORE_URL: 'postgres://r@db/read' }).readStore,
    ).toEqual({ kind: 'postgres', url: 'postgres://r@db/read' });
    expect(
      loadConfig({
        ACCORD_EVENT_STORE: 'postgres',
        ACCORD_PG_URL: 'postgres://a@db/ledger',
        ACCORD_READ_STORE: 'postgres',
      }).readStore,
    ).toEqual({ kind: 'postgres', url: 'postgres://a@db/ledger' });
    expect(problems({ ACCORD_READ_STORE: 'postgres' })).toMatch(
      /ACCORD_READ_STORE_URL: required when ACCORD_READ_STORE=postgres/,
    );
    const bad = problems({ ACCORD_READ_STORE: 'postgres', ACCORD_READ_STORE_URL: 'mysql://u:secret@db/x' });
    expect(bad).toMatch(/ACCORD_READ_STORE_URL: not a URL starting with postgres:\/\//);
    expect(bad).not.toContain('secret');
    expect(problems({ ACCORD_READ_STORE_URL: 'postgres://db/x' })).toMatch(
      /ACCORD_READ_STORE_URL: set, but ACCORD_READ_STORE is sqlite/,
    );
  });
});

describe('loadConfig: the event store', () => {
  it('defaults to the embedded SQLite ledger under the data dir', () => {
    const config = loadConfig({ ACCORD_DATA_DIR: '/tmp/accord-x' });
    expect(config.eventStore).toEqual({ kind: 'sqlite', dataDir: '/tmp/accord-x' });
  });

  it('selects PostgreSQL with ACCORD_PG_URL, EventStoreDB with ACCORD_ESDB_URL', () => {
    expect(
      loadConfig({ ACCORD_EVENT_STORE: 'postgres', ACCORD_PG_URL: 'postgres://accord@db:5432/accord' })
        .eventStore,
    ).toEqual({ kind: 'postgres', url: 'postgres://accord@db:5432/accord' });
    expect(
      loadConfig({ ACCORD_EVENT_STORE: 'esdb', ACCORD_ESDB_URL: 'esdb://node1:2113,node2:2113?tls=true' })
        .eventStore,
    ).toEqual({ kind: 'esdb', url: 'esdb://node1:2113,node2:2113?tls=true' });
  });

  it('names each bad store value, never echoing a URL that may hold a password', () => {
    const problems = (env: Record<string, string>) => {
      try {
        loadConfig(env);
        return '';
      } catch (error) {
        return (error as ConfigError).problems.join('\n');
      }
    };
    expect(problems({ ACCORD_EVENT_STORE: 'mysql' })).toMatch(
      /ACCORD_EVENT_STORE="mysql": expected one of sqlite, postgres, esdb/,
    );
    expect(problems({ ACCORD_EVENT_STORE: 'postgres' })).toMatch(
      /ACCORD_PG_URL: required when ACCORD_EVENT_STORE=postgres/,
    );
    expect(problems({ ACCORD_EVENT_STORE: 'esdb' })).toMatch(
      /ACCORD_ESDB_URL: required when ACCORD_EVENT_STORE=esdb/,
    );
    const bad = problems({
      ACCORD_EVENT_STORE: 'postgres',
      ACCORD_PG_URL: 'mysql://root:s3cret@db/x',
      PORT: 'x',
    });
    expect(bad).toMatch(/ACCORD_PG_URL: not a URL starting with postgres:\/\/ or postgresql:\/\//);
    expect(bad).toMatch(/PORT/);
    expect(bad).not.toContain('s3cret');
    expect(problems({ ACCORD_EVENT_STORE: 'esdb', ACCORD_ESDB_URL: 'http://x' })).toMatch(
      /ACCORD_ESDB_URL: not a URL/,
    );
  });
});
