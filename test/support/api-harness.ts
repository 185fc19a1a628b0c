import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import type { Role } from '@accord/events';
import { buildApp, type BuildOptions, type BuiltApp } from '@accord/api/app';
import { type ApiConfig, configFor } from '@accord/config';
import { issueToken } from '@accord/identity';
import { checkedAgent, contractFor } from './contract';
import { RULES_2021_V1 } from '@accord/domain';

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
  /** `auth(...)` headers for each member of `STAFF`. */
  readonly staff: Readonly<Record<StaffName, Record<string, string>>>;
  close(): Promise<void>;
}

/** The staff the API suites act as; their staff ids are the ones those suites' assertions name. */
export const STAFF = {
  courtClerk: ['COURT', 'clerk-1', 'clerk'],
  courtLead: ['COURT', 'chief-1', 'lead'],
  govClerk: ['GOV_OFFICE', 'clerk-2', 'clerk'],
  govLead: ['GOV_OFFICE', 'director-1', 'lead'],
  procClerk: ['PROCURATORATE', 'p-1', 'clerk'],
  procLead: ['PROCURATORATE', 'chief-2', 'lead'],
  auditor: ['PROCURATORATE', 'inspector-1', 'auditor'],
  organ: ['ORGAN:county-land-bureau', 'o-1', 'clerk'],
} as const satisfies Record<string, readonly [string, string, Role]>;
type StaffName = keyof typeof STAFF;

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
  // The suites written before rule set v2 pin v1, which the ledger keeps for its history; the v2
  // suites (api-rules-v2) pass the current rules.
  const built = await buildApp(config, { rules: RULES_2021_V1, ...options });
  await built.app.listen(0, '127.0.0.1');
  const url = await built.app.getUrl();
  const settings = { key: built.signingKey.key, issuer: config.jwt.issuer, audience: config.jwt.audience };
  const token = (agency: string, staffId: string, roles: Role | readonly Role[], ttlSeconds?: number) =>
    issueToken(settings, { agency, staffId, roles: typeof roles === 'string' ? [roles] : roles }, ttlSeconds);
  // Every answer the suites receive through `http` is checked against the published OpenAPI document.
  // Fetched under a staff id no suite uses: anonymously it would spend the loopback address's
  // allowance that the rate-limit suites count.
  const contract = contractFor(
    (
      await request(url)
        .get('/docs-json')
        .set('authorization', `Bearer ${token('COURT', 'contract-reader', 'auditor')}`)
        .expect(200)
    ).text,
  );
  const auth = (agency: string, staffId: string, roles: Role | readonly Role[]) => ({
    authorization: `Bearer ${token(agency, staffId, roles)}`,
  });
  const staff = {} as Record<StaffName, Record<string, string>>;
  for (const name of Object.keys(STAFF) as StaffName[]) {
    const [agency, staffId, role] = STAFF[name];
    staff[name] = auth(agency, staffId, role);
  }
  return {
    dataDir,
    config,
    built,
    url,
    http: checkedAgent(request(url), contract),
    token,
    auth,
    staff,
    async close() {
      await built.close();
      if (options.dataDir === undefined) fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
