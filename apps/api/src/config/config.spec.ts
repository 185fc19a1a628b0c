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
      readStore: 'sqlite',
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
});
