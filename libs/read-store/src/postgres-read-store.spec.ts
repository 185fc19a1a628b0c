import { Client } from 'pg';
import { join } from 'node:path';
import {
  closeCase,
  issueInvitation,
  recordOutcome,
  recorded,
  registerCase,
  replyToInvitation,
  resolving,
} from '@accord/domain/case/testing';
import { createTestDatabase, describePg, type TestDatabase } from '@accord/store/postgres/testing/pg-test-db';
import { dumpReadModels } from './dump';
import { PostgresReadStore } from './postgres-read-store';
import { Projector } from './projector';
import { CASES, PROJECTIONS } from './projections';
import {
  type CollectionSpec,
  ReadModelMissingError,
  ReadStoreBusyError,
  ReadStoreFencedError,
  ReadStoreUnavailableError,
} from './read-store';
import { rebuildReadModels } from './rebuild';
import { SqliteReadStore } from './sqlite-read-store';
import { tempLedger, writeCase } from './testing/ledger';

jest.setTimeout(120_000);

const things: CollectionSpec = {
  name: 'things',
  keyType: 'text',
  fields: [
    { name: 'kind', type: 'text', indexed: true },
    { name: 'rank', type: 'integer' },
    { name: 'tags', type: 'text' },
  ],
};
const thingsProjection = { name: 'things', version: 1, collections: [things] };

describePg('the PostgreSQL read store', () => {
  let db: TestDatabase;
  let ledger: Awaited<ReturnType<typeof tempLedger>>;
  const open: PostgresReadStore[] = [];
  const pg = (schema?: string) => {
    const store = new PostgresReadStore({ url: db.url, ...(schema === undefined ? {} : { schema }) });
    open.push(store);
    return store;
  };
  beforeEach(async () => {
    db = await createTestDatabase('accord_read');
    ledger = await tempLedger();
  });
  afterEach(async () => {
    for (const store of open.splice(0)) await store.close();
    await ledger.remove();
    await db.drop();
  });

  it('answers queries as SQLite does: bytewise text order, NULLs first ascending, token sets, counts, scans', async () => {
    const rows = [
      { id: 'b', kind: 'x', rank: 2, tags: '|A|B|' },
      { id: 'B', kind: 'y', rank: null, tags: '|B|' },
      { id: 'a', kind: null, rank: 1, tags: '' },
      { id: 'é', kind: 'x', rank: 3, tags: '|A|' },
    ];
    const answers = [];
    for (const store of [pg(), new SqliteReadStore(join(ledger.dir, 'things.db'))]) {
      await store.prepare([thingsProjection]);
      await store.commit([
        {
          projection: 'things',
          position: 4,
          from: 0,
          changes: rows.map(({ id, ...doc }) => ({
            op: 'put',
            collection: 'things',
            key: id,
            doc: { id, ...doc },
          })),
        },
      ]);
      const ids = (docs: { id: string }[]) => docs.map((d) => d.id);
      answers.push({
        byKey: ids(await store.find('things', { orderBy: [{ field: 'key', direction: 'asc' }] })),
        byRank: ids(await store.find('things', { orderBy: [{ field: 'rank', direction: 'asc' }] })),
        byRankDesc: ids(await store.find('things', { orderBy: [{ field: 'rank', direction: 'desc' }] })),
        hasA: ids(
          await store.find('things', {
            all: [{ field: 'tags', op: 'has', value: 'A' }],
            orderBy: [{ field: 'key', direction: 'asc' }],
          }),
        ),
        anyOf: await store.count('things', {
          any: [
            [
              { field: 'kind', op: 'null' },
              { field: 'rank', op: '>=', value: 3 },
            ],
          ],
        }),
        inNone: await store.count('things', { all: [{ field: 'kind', op: 'in', value: [] }] }),
        inSome: await store.count('things', { all: [{ field: 'kind', op: 'in', value: ['x', 'y'] }] }),
        limited: ids(
          await store.find('things', { orderBy: [{ field: 'key', direction: 'desc' }], limit: 2 }),
        ),
        scanned: (await collect(store.scan<{ id: string }>('things', 2))).map((d) => d.id),
        one: await store.get('things', 'é'),
        none: await store.get('things', 'zz'),
      });
      await store.close();
    }
    expect(answers[0]).toEqual(answers[1]);
    expect(answers[0]!.byKey).toEqual(['B', 'a', 'b', 'é']);
    expect(answers[0]!.byRank).toEqual(['B', 'a', 'b', 'é']);
  });

  it('a collection not created yet is missing (the API answers 503), checkpoints are empty', async () => {
    const reader = pg();
    await reader.attach(PROJECTIONS);
    await expect(reader.find(CASES)).rejects.toBeInstanceOf(ReadModelMissingError);
    await expect(reader.checkpoints()).resolves.toEqual([]);
  });

  it('a batch whose checkpoint moved under it is refused whole (another writer took over)', async () => {
    const store = pg();
    await store.prepare([thingsProjection]);
    const put = (key: string, position: number, from: number) =>
      store.commit([
        {
          projection: 'things',
          position,
          from,
          changes: [{ op: 'put', collection: 'things', key, doc: { id: key } }],
        },
      ]);
    await put('a', 5, 0);
    await expect(put('b', 9, 0)).rejects.toBeInstanceOf(ReadStoreFencedError);
    expect(await store.get('things', 'b')).toBeUndefined();
    expect((await store.checkpoints())[0]).toMatchObject({ projection: 'things', position: 5 });
  });

  it('one writer per projection: a second claim is refused, or waits as a standby and takes over on release', async () => {
    const first = await pg().claimWriter(['things']);
    await expect(pg().claimWriter(['things'])).rejects.toThrow(ReadStoreBusyError);
    await expect(pg().claimWriter(['things'])).rejects.toThrow(/another projector \(server backend \d+/);
    let waited = '';
    const standby = pg().claimWriter(['things'], { wait: true, onWaiting: (holder) => (waited = holder) });
    const order: string[] = [];
    const taken = standby.then((lease) => {
      order.push('standby active');
      return lease;
    });
    while (waited === '') await new Promise((resolve) => setImmediate(resolve));
    order.push('first released');
    await first.release();
    const second = await taken;
    expect(order).toEqual(['first released', 'standby active']);
    expect(waited).toMatch(/another projector/);
    await second.release();
  });

  it('an unreachable server is ReadStoreUnavailableError, and so is a database that was dropped', async () => {
    const nowhere = new PostgresReadStore({ url: 'postgres://postgres@127.0.0.1:1/none' });
    open.push(nowhere);
    await nowhere.attach(PROJECTIONS);
    await expect(nowhere.find(CASES)).rejects.toBeInstanceOf(ReadStoreUnavailableError);
    await expect(nowhere.claimWriter(['x'])).rejects.toBeInstanceOf(ReadStoreUnavailableError);
    const gone = await createTestDatabase('accord_read_gone');
    const store = new PostgresReadStore({ url: gone.url });
    open.push(store);
    await store.prepare(PROJECTIONS);
    await gone.drop();
    await expect(store.find(CASES)).rejects.toBeInstanceOf(ReadStoreUnavailableError);
  });

  it('projects a log into the same dump as SQLite, incrementally and by rebuild', async () => {
    for (let i = 0; i < 12; i += 1)
      await writeCase(
        ledger.store,
        `c-${i}`,
        i % 3 === 0
          ? recorded(registerCase(), issueInvitation())
          : resolving(
              issueInvitation(),
              replyToInvitation({}, { agency: 'GOV_OFFICE' }),
              recordOutcome({ outcome: 'DECIDED_WITHOUT_RESOLUTION' }),
              closeCase(),
            ),
      );
    const head = await ledger.store.headPosition();
    const live = pg('live');
    const projector = new Projector(ledger.store, live, PROJECTIONS, { batchSize: 5 });
    await projector.prepare();
    projector.start();
    await projector.waitFor(head);
    await projector.close();
    const rebuilt = pg('rebuilt');
    const indexes = async () => {
      const client = new Client({ connectionString: db.url });
      await client.connect();
      const { rows } = await client.query<{ indexname: string }>(
        `SELECT indexname FROM pg_indexes WHERE schemaname = 'rebuilt' AND indexname LIKE 'rm\\_%' AND indexname NOT LIKE '%\\_pkey' ORDER BY 1`,
      );
      await client.end();
      return rows.map((r) => r.indexname);
    };
    const during: string[][] = [];
    // The replay runs without the secondary indexes; they are built once at the end. Looked at
    // before each commit, which the replay waits for (a look from onProgress could land after it).
    const commit = rebuilt.commit.bind(rebuilt);
    rebuilt.commit = async (batches) => {
      during.push(await indexes());
      return commit(batches);
    };
    await rebuildReadModels(ledger.store, rebuilt, PROJECTIONS, { batchSize: 10 });
    expect(during.length).toBeGreaterThan(1);
    for (const names of during) expect(names).toEqual([]);
    expect(await indexes()).toEqual(
      expect.arrayContaining(['rm_audit_trail_caseid', 'rm_cases_registeredat']),
    );
    const sqlite = new SqliteReadStore(join(ledger.dir, 'read.db'));
    await rebuildReadModels(ledger.store, sqlite, PROJECTIONS);
    const expected = await dumpReadModels(sqlite, PROJECTIONS);
    await sqlite.close();
    expect(await dumpReadModels(live, PROJECTIONS)).toEqual(expected);
    expect(await dumpReadModels(rebuilt, PROJECTIONS)).toEqual(expected);
  });
});

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}
