import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

/**
 * PostgreSQL for tests: this machine's server (127.0.0.1:5432, user postgres, trust auth) unless
 * ACCORD_TEST_PG_URL names another. Each test file works in fresh databases of its own, dropped at
 * the end.
 */
export const PG_ADMIN_URL = process.env.ACCORD_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

let reachable: boolean | undefined;

/** Jest collects suites synchronously, so the probe is a short synchronous child process. */
export function pgReachable(): boolean {
  reachable ??=
    spawnSync(
      process.execPath,
      [
        '-e',
        `const { Client } = require('pg'); const c = new Client({ connectionString: process.argv[1], connectionTimeoutMillis: 3000 });
         c.connect().then(() => c.end()).then(() => process.exit(0), () => process.exit(1));`,
        PG_ADMIN_URL,
      ],
      { stdio: 'ignore', timeout: 10_000 },
    ).status === 0;
  return reachable;
}

/**
 * `describe` when PostgreSQL answers. When it does not: under CI=true the file fails (a CI run
 * must never pass without these suites); elsewhere one line says they were not run.
 */
export function describePg(name: string, body: () => void): void {
  if (pgReachable()) {
    describe(name, body);
    return;
  }
  const message = `PostgreSQL is not reachable at ${redact(PG_ADMIN_URL)}`;
  if (process.env.CI === 'true')
    throw new Error(`${message}: CI=true needs it (start it or set ACCORD_TEST_PG_URL)`);
  console.log(`${message}: "${name}" not run (CI=true would fail here)`);
}

export interface TestDatabase {
  readonly name: string;
  readonly url: string;
  drop(): Promise<void>;
}

/** A fresh, uniquely named database. */
export async function createTestDatabase(prefix = 'accord_test'): Promise<TestDatabase> {
  const name = `${prefix}_${process.pid}_${randomBytes(6).toString('hex')}`;
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    // FORCE ends connections a failed test left open, so the drop never hangs on them.
    drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

async function admin(sql: string): Promise<void> {
  const client = new Client({ connectionString: PG_ADMIN_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

function redact(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.password = '';
    return parsed.toString();
  } catch {
    return '(unparsable URL)';
  }
}
