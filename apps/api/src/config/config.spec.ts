import { ConfigError, loadConfig } from './config';

describe('loadConfig', () => {
  it('defaults everything for an embedded start', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 3000,
      host: '127.0.0.1',
      production: false,
      rateLimitPerMin: 60_000,
      logLevel: 'info',
    });
    expect(config.dataDir).toMatch(/data$/);
  });

  it('names every bad variable at once', () => {
    let error: unknown;
    try {
      loadConfig({
        PORT: 'eighty',
        ACCORD_RATE_LIMIT_PER_MIN: '0',
        LOG_LEVEL: 'loud',
        ACCORD_JWT_SECRET: 'short',
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    for (const name of ['PORT', 'ACCORD_RATE_LIMIT_PER_MIN', 'LOG_LEVEL', 'ACCORD_JWT_SECRET'])
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
