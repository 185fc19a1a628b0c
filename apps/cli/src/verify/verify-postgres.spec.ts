import { Client } from 'pg';
import { PostgresEventStore } from '@accord/store';
import { createTestDatabase, describePg, type TestDatabase } from '@accord/store/postgres/testing/pg-test-db';
import { proposedEvents } from '@accord/store/testing/fixtures';
import { type CliIo, runCli } from '../cli';
import { commands } from '../commands';

/** `accord verify` on the store the API is configured with: ACCORD_EVENT_STORE=postgres. */
describePg('accord verify on PostgreSQL', () => {
  let db: TestDatabase;

  beforeEach(async () => {
    db = await createTestDatabase();
    const store = await PostgresEventStore.open({ url: db.url });
    for (let i = 0; i < 3; i++)
      await store.append(`case-${i}`, proposedEvents(2), { expectedRevision: 'no_stream' });
    await store.close();
  });

  afterEach(() => db.drop());

  async function verify(env: Record<string, string>): Promise<{ code: number; out: string; err: string }> {
    const out: string[] = [];
    const err: string[] = [];
    const io: CliIo = { out: (t) => out.push(t), err: (t) => err.push(t), env, cwd: process.cwd() };
    const code = await runCli(['verify', '--json'], commands, io);
    return { code, out: out.join('\n'), err: err.join('\n') };
  }

  const env = () => ({ ACCORD_EVENT_STORE: 'postgres', ACCORD_PG_URL: db.url });

  async function sql(statements: string[]): Promise<void> {
    const client = new Client({ connectionString: db.url });
    await client.connect();
    try {
      for (const statement of statements) await client.query(statement);
    } finally {
      await client.end();
    }
  }

  it('finds the ledger intact: chains and stored bytes, triggers in place', async () => {
    const { code, out } = await verify(env());
    expect(code).toBe(0);
    expect(JSON.parse(out)).toMatchObject({
      ok: true,
      streams: 3,
      events: 6,
      headPosition: 6,
      storageChecked: true,
      missingTriggers: [],
      ledger: expect.stringMatching(/^postgres postgres:\/\//),
    });
  });

  it('finds an edited row (once someone with the rights dropped the trigger), and warns of the trigger', async () => {
    await sql([
      'DROP TRIGGER events_no_update ON accord.events',
      `UPDATE accord.events SET envelope = replace(envelope, '"count":1', '"count":2') WHERE position = 3`,
    ]);
    const { code, out } = await verify(env());
    expect(code).toBe(1);
    expect(JSON.parse(out)).toMatchObject({
      ok: false,
      missingTriggers: ['events_no_update'],
      break: { streamId: 'case-1', revision: 0, position: 3, kind: 'hash_mismatch' },
    });
  });

  it('finds an index column edited apart from the bytes', async () => {
    await sql([
      'DROP TRIGGER events_no_update ON accord.events',
      "UPDATE accord.events SET type = 'Forged' WHERE position = 5",
    ]);
    const { code, out } = await verify(env());
    expect(code).toBe(1);
    expect(JSON.parse(out).break).toMatchObject({
      kind: 'storage',
      position: 5,
      reason: expect.stringMatching(/type/),
    });
  });

  it('exits 2 naming the problem when the store is misconfigured or unreachable, and creates nothing', async () => {
    expect(await verify({ ACCORD_EVENT_STORE: 'postgres' })).toMatchObject({
      code: 2,
      err: expect.stringMatching(/ACCORD_PG_URL/),
    });
    const emptyDb = await createTestDatabase();
    try {
      const { code, err } = await verify({ ACCORD_EVENT_STORE: 'postgres', ACCORD_PG_URL: emptyDb.url });
      expect(code).toBe(2);
      expect(err).toMatch(/cannot open the ledger/);
      const client = new Client({ connectionString: emptyDb.url });
      await client.connect();
      const { rows } = await client.query("SELECT 1 FROM pg_namespace WHERE nspname = 'accord'");
      await client.end();
      expect(rows).toEqual([]);
    } finally {
      await emptyDb.drop();
    }
  });
});
