import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import {
  CheckpointStore,
  Cosigner,
  generateSignerKey,
  MerkleLog,
  takeCheckpoint,
  TreeFollower,
} from '@accord/merkle';
import { PostgresEventStore } from '@accord/store';
import { createTestDatabase, describePg, type TestDatabase } from '@accord/store/postgres/testing/pg-test-db';
import { proposedEvents } from '@accord/store/testing/fixtures';
import { type CliIo, runCli } from '../cli';
import { commands } from '../commands';

/** `accord verify` on the store the API is configured with: ACCORD_EVENT_STORE=postgres. */
describePg('accord verify on PostgreSQL', () => {
  let db: TestDatabase;
  // Where verify records its run (`<cwd>/data/verify-runs.jsonl` with no ACCORD_DATA_DIR): never the
  // checkout's own ./data, which is a developer's embedded ledger.
  let cwd: string;

  beforeEach(async () => {
    cwd = mkdtempSync(join(tmpdir(), 'accord-verify-pg-'));
    db = await createTestDatabase();
    const store = await PostgresEventStore.open({ url: db.url });
    for (let i = 0; i < 3; i++)
      await store.append(`case-${i}`, proposedEvents(2), { expectedRevision: 'no_stream' });
    await store.close();
  });

  afterEach(async () => {
    await db.drop();
    rmSync(cwd, { recursive: true, force: true });
  });

  async function verify(
    env: Record<string, string>,
    args: string[] = [],
  ): Promise<{ code: number; out: string; err: string }> {
    const out: string[] = [];
    const err: string[] = [];
    const io: CliIo = { out: (t) => out.push(t), err: (t) => err.push(t), env, cwd };
    const code = await runCli(['verify', '--json', ...args], commands, io);
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

  it('checks a signed checkpoint: the tree rebuilt on verify’s thread, a deleted signed event named', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'accord-verify-pg-'));
    try {
      const store = await PostgresEventStore.open({ url: db.url });
      const log = new MerkleLog(join(dir, 'merkle.db'));
      await new TreeFollower(store, log).catchUp();
      const keys = ['COURT', 'PROCURATORATE', 'GOV_OFFICE'].map(generateSignerKey);
      const { note } = takeCheckpoint({
        log,
        cosigners: keys.map((k) => new Cosigner(k, join(dir, `${k.name}.jsonl`))),
        store: new CheckpointStore(join(dir, 'checkpoints')),
        now: new Date().toISOString(),
      });
      log.close();
      await store.close();
      writeFileSync(join(dir, 'checkpoint.note'), note);
      writeFileSync(join(dir, 'trusted-keys.txt'), keys.map((k) => k.text).join('\n'));
      const args = [
        '--checkpoint',
        join(dir, 'checkpoint.note'),
        '--trusted-keys',
        join(dir, 'trusted-keys.txt'),
      ];

      const intact = await verify(env(), args);
      expect(intact.code).toBe(0);
      expect(JSON.parse(intact.out)).toMatchObject({
        ok: true,
        sqliteIntegrity: [],
        checkpoint: { ok: true, treeSize: 6, ledgerEvents: 6, break: null },
      });

      // The last event of a stream: the chains cannot see it go, the checkpoint can.
      await sql([
        'DROP TRIGGER events_no_delete ON accord.events',
        'DELETE FROM accord.events WHERE position = 6',
      ]);
      const cut = await verify(env(), args);
      expect(cut.code).toBe(1);
      expect(JSON.parse(cut.out)).toMatchObject({
        ok: false,
        chainsOk: true,
        checkpoint: {
          ok: false,
          ledgerEvents: 5,
          break: {
            leaf: 5,
            reason: 'the ledger has 5 events but the checkpoint covers 6: events are missing',
          },
        },
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
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
