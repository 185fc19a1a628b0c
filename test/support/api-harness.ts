import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import type { Role } from '@accord/events';
import { buildApp, type BuildOptions, type BuiltApp } from '@accord/api/app';
import { type ApiConfig, configFor } from '@accord/api/config/config';
import { issueToken } from '@accord/api/identity/tokens';

export interface ApiHarness {
  readonly dataDir: string;
  readonly config: ApiConfig;
  readonly built: BuiltApp;
  /** `http://127.0.0.1:<port>` of the real server. */
  readonly url: string;
  readonly http: TestAgent;
  /** A token signed with the app's own key. */
  token(agency: string, staffId: string, roles: Role | readonly Role[], ttlSeconds?: number): string;
  /** `{ Authorization: 'Bearer …' }` for `.set(...)`. */
  auth(agency: string, staffId: string, roles: Role | readonly Role[]): Record<string, string>;
  close(): Promise<void>;
}

export interface StartOptions extends BuildOptions {
  /** Reuse a data dir (e.g. to restart on the same ledger); it is then left in place on close. */
  readonly dataDir?: string;
}

/** The real app, listening on port 0, on a fresh temp data dir (its own ledger, api.db and jwt.key). */
export async function startApi(
  overrides: Partial<ApiConfig> = {},
  options: StartOptions = {},
): Promise<ApiHarness> {
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'accord-api-'));
  const config = configFor(dataDir, overrides);
  const built = await buildApp(config, options);
  await built.app.listen(0, '127.0.0.1');
  const url = await built.app.getUrl();
  const settings = { key: built.signingKey.key, issuer: config.jwt.issuer, audience: config.jwt.audience };
  const token = (agency: string, staffId: string, roles: Role | readonly Role[], ttlSeconds?: number) =>
    issueToken(settings, { agency, staffId, roles: typeof roles === 'string' ? [roles] : roles }, ttlSeconds);
  return {
    dataDir,
    config,
    built,
    url,
    http: request(url),
    token,
    auth: (agency, staffId, roles) => ({ authorization: `Bearer ${token(agency, staffId, roles)}` }),
    async close() {
      await built.close();
      if (options.dataDir === undefined) fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
