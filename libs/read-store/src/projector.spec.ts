import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { hostname } from 'node:os';
import * as path from 'node:path';
import type { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';
import {
  assessRisk,
  closeCase,
  issueInvitation,
  PARTY_A,
  recordOutcome,
  recorded,
  registerCase,
  replyToInvitation,
  resolving,
} from '@accord/domain/case/testing';
import { dumpReadModels } from './dump';
import { type Projection } from './projection';
import { Projector } from './projector';
import {
  AUDIT_TRAIL,
  CASES,
  type AuditRow,
  type CaseRow,
  DEADLINES,
  type DeadlineRow,
  PROJECTIONS,
} from './projections';
import { registerParty } from './queries';
import { type BatchWrite, ReadStoreBusyError, ReadStoreFencedError } from './read-store';
import { rebuildReadModels } from './rebuild';
import { processIdentity } from './process-identity';
import { READ_STORE_PAGE_SIZE } from './sqlite-commit';
import { SqliteReadStore } from './sqlite-read-store';
import { projectorFor, stored, tempLedger, writeCase } from './testing/ledger';

// Real files and (for the kill test) a child process: slow on a loaded machine, never timed.
jest.setTimeout(180_000);
describe('projections over a real SQLite ledger', () => {
  let ledger: Awaited<ReturnType<typeof tempLedger>>;
  beforeEach(async () => {
    ledger = await tempLedger();
  });
  afterEach(async () => {
    await ledger.remove();
  });

  const run = async (file = 'read.db', batchSize = 100) => {
    const { readStore, projector } = await projectorFor(ledger.store, ledger.dir, file, batchSize);
    projector.start();
    await projector.waitFor(await ledger.store.headPosition());
    await projector.close();
    return readStore;
  };

  it('given case events → case, deadline, register and audit rows', async () => {
    await writeCase(
      ledger.store,
      'c-1',
      resolving(
        issueInvitation(),
        replyToInvitation({}, { agency: 'GOV_OFFICE' }),
        assessRisk({ level: 'MAJOR' }),
      ),
    );
    // The same person in another case, the number typed with a lower-case x and spaces.
    const other = {
      ...PARTY_A,
      partyId: 'p-9',
      idNumber: ` ${PARTY_A.idNumber.slice(0, 6)} ${PARTY_A.idNumber.slice(6)}`,
    };
    await writeCase(ledger.store, 'c-2', recorded(registerCase({ parties: [other] }), issueInvitation()));
    await ledger.store.append(
      'access-log',
      [stored({ type: 'SomeFutureAccessEvent', data: { caseId: 'c-1' } })],
      {
        expectedRevision: 'any',
      },
    );
    const read = await run();

    const c1 = (await read.get<CaseRow>(CASES, 'c-1'))!;
    expect(c1).toMatchObject({
      stage: 'RESOLUTION_OPEN',
      riskLevel: 'MAJOR',
      participantsSet: '|COURT|GOV_OFFICE|',
      inviteesSet: '',
    });
    expect(await read.get<CaseRow>(CASES, 'c-2')).toMatchObject({
      stage: 'REGISTERED',
      inviteesSet: '|GOV_OFFICE|',
    });

    const deadlines = await read.find<DeadlineRow>(DEADLINES, {
      orderBy: [{ field: 'key', direction: 'asc' }],
    });
    expect(deadlines.map((d) => [d.kind, d.caseId, d.status, d.closedBy, d.owner])).toEqual([
      ['INVITATION_REPLY', 'c-1', 'closed', 'replied', 'GOV_OFFICE'],
      ['INVITATION_REPLY', 'c-2', 'open', null, 'GOV_OFFICE'],
      ['RISK_ESCALATION', 'c-1', 'open', null, 'COURT'],
    ]);

    const party = (await registerParty(read, `RESIDENT_ID-${PARTY_A.idNumber}`))!;
    expect(party.filings.map((f) => [f.caseId, f.casePartyId])).toEqual([
      ['c-1', PARTY_A.partyId],
      ['c-2', 'p-9'],
    ]);

    const audit = await read.find<AuditRow>(AUDIT_TRAIL, { orderBy: [{ field: 'key', direction: 'asc' }] });
    expect(audit).toHaveLength(await ledger.store.headPosition());
    expect(audit[audit.length - 1]).toMatchObject({
      type: 'SomeFutureAccessEvent',
      caseId: 'c-1',
      access: { caseId: 'c-1' },
    });
    expect(await read.count(AUDIT_TRAIL, { all: [{ field: 'caseId', op: '=', value: 'c-2' }] })).toBe(2);
    expect(
      (await read.checkpoints()).every((c) => c.position === audit.length && c.status === 'running'),
    ).toBe(true);
    await read.close();
  });

  it('an unknown type stops the projections that read its stream, at that event; the others go on', async () => {
    await writeCase(ledger.store, 'c-1', recorded(registerCase()));
    const bad = await ledger.store.append('party-x', [stored({ type: 'PartyTeleported', data: {} })], {
      expectedRevision: 'any',
    });
    await writeCase(ledger.store, 'c-2', recorded(registerCase()));
    const read = await run('read.db', 1000);
    const byName = Object.fromEntries((await read.checkpoints()).map((c) => [c.projection, c]));
    expect(byName['register']).toMatchObject({
      status: 'stuck',
      stuckAt: bad.position,
      position: bad.position - 1,
    });
    expect(byName['register']!.error).toMatch(/unknown event type PartyTeleported/);
    expect(byName['audit']).toMatchObject({ status: 'stuck', stuckAt: bad.position });
    expect(byName['case-status']).toMatchObject({ status: 'running', position: bad.position + 1 });
    expect(await read.get(CASES, 'c-2')).toBeDefined();
    await read.close();
  });

  it('a projection that throws stops alone; after the fix (a new version) it rebuilds on start', async () => {
    await writeCase(ledger.store, 'c-1', recorded(registerCase(), issueInvitation()));
    let broken = true;
    const fragile: Projection = {
      name: 'fragile',
      version: 1,
      collections: [{ name: 'fragile', keyType: 'integer', fields: [] }],
      apply(event, tx) {
        if (broken && event.type === 'InvitationIssued') throw new Error('cannot count invitations');
        tx.put('fragile', event.position, { type: event.type });
      },
    };
    const file = path.join(ledger.dir, 'read.db');
    const first = new Projector(ledger.store, new SqliteReadStore(file), [fragile, ...PROJECTIONS]);
    await first.prepare();
    first.start();
    await first.waitFor(2);
    await first.close();
    const read = first.readStore;
    expect((await read.checkpoints()).find((c) => c.projection === 'fragile')).toMatchObject({
      status: 'stuck',
      position: 1,
      stuckAt: 2,
    });
    expect((await read.checkpoints()).find((c) => c.projection === 'case-status')).toMatchObject({
      status: 'running',
      position: 2,
    });
    expect(await read.count('fragile')).toBe(1);
    await read.close();

    broken = false;
    const fixed = new Projector(ledger.store, new SqliteReadStore(file), [
      { ...fragile, version: 2 },
      ...PROJECTIONS,
    ]);
    expect(await fixed.prepare()).toEqual(['fragile']);
    fixed.start();
    await fixed.waitFor(2);
    await fixed.close();
    expect(await fixed.readStore.count('fragile')).toBe(2);
    await fixed.readStore.close();
  });

  it('incremental projection (small live batches) equals a rebuild in one pass, and two rebuilds are identical', async () => {
    const { readStore: live, projector } = await projectorFor(ledger.store, ledger.dir, 'live.db', 3);
    projector.start();
    for (let i = 0; i < 6; i += 1) {
      await writeCase(
        ledger.store,
        `c-${i}`,
        resolving(
          issueInvitation(),
          replyToInvitation({}, { agency: 'GOV_OFFICE' }),
          recordOutcome({ outcome: 'DECIDED_WITHOUT_RESOLUTION' }),
          closeCase(),
        ),
      );
      await projector.waitFor(await ledger.store.headPosition());
    }
    await projector.close();
    const rebuilt = await run('rebuilt.db', 1000);
    const again = await run('again.db', 7);
    expect(await dumpReadModels(rebuilt, PROJECTIONS)).toEqual(await dumpReadModels(live, PROJECTIONS));
    expect(await dumpReadModels(again, PROJECTIONS)).toEqual(await dumpReadModels(rebuilt, PROJECTIONS));
    for (const s of [live, rebuilt, again]) await s.close();
  });
});

describe('one writer per SQLite read store', () => {
  it('a second projector (or a rebuild) on the same file is refused, naming the process; the file is free after close', async () => {
    const ledger = await tempLedger();
    await writeCase(ledger.store, 'c-1', recorded(registerCase()));
    const { readStore, projector } = await projectorFor(ledger.store, ledger.dir);
    const other = new SqliteReadStore(path.join(ledger.dir, 'read.db'));
    const second = new Projector(ledger.store, other, PROJECTIONS);
    await expect(second.prepare()).rejects.toThrow(
      new RegExp(`being written by process ${process.pid} on .*: stop it first`),
    );
    await expect(rebuildReadModels(ledger.store, other, PROJECTIONS)).rejects.toBeInstanceOf(
      ReadStoreBusyError,
    );
    await other.close();
    await projector.close();
    await readStore.close();
    const after = new SqliteReadStore(path.join(ledger.dir, 'read.db'));
    const result = await rebuildReadModels(ledger.store, after, PROJECTIONS);
    expect(result.head).toBe(1);
    expect(await after.count(CASES)).toBe(1);
    await after.close();
    await ledger.remove();
  });

  it('a lock whose process is gone is taken over, even when its pid now belongs to another process; a live holder is refused', async () => {
    const ledger = await tempLedger();
    const file = path.join(ledger.dir, 'read.db');
    const store = new SqliteReadStore(file);
    await (await store.claimWriter([])).release();
    // A process that lives throughout, whose pid the rows below borrow.
    const child = spawn(process.execPath, ['-e', 'setTimeout(() => undefined, 60_000)'], { stdio: 'ignore' });
    await once(child, 'spawn');
    const pid = child.pid!;
    const db = new Database(file);
    const lockBy = (identity: string | null) =>
      db
        .prepare(
          'INSERT OR REPLACE INTO writer_lock (id, pid, host, token, since, identity) VALUES (1, ?, ?, ?, ?, ?)',
        )
        .run(pid, hostname(), 'earlier', '2026-01-01T00:00:00.000Z', identity);
    try {
      expect(processIdentity(pid)).toBeDefined();
      // Written by the process that lives now: refused, naming it.
      lockBy(processIdentity(pid)!);
      await expect(store.claimWriter([])).rejects.toThrow(new RegExp(`process ${pid} on `));
      // Written before a restart by a process whose pid the live one was given since: stale.
      lockBy(`an-earlier-boot/${processIdentity(pid)!.split('/')[1]}`);
      await (await store.claimWriter([])).release();
      // Written by an earlier process of this boot with the same pid: stale too.
      lockBy(`${processIdentity(pid)!.split('/')[0]}/1`);
      await (await store.claimWriter([])).release();
      // A row from before identities were kept is judged by its pid: a live one is refused.
      lockBy(null);
      await expect(store.claimWriter([])).rejects.toBeInstanceOf(ReadStoreBusyError);
      // Once that process is gone, its row is taken over.
      child.kill('SIGKILL');
      await once(child, 'exit');
      const lease = await store.claimWriter([]);
      const row = db.prepare('SELECT pid, identity FROM writer_lock').get() as {
        pid: number;
        identity: string;
      };
      expect(row).toEqual({ pid: process.pid, identity: processIdentity(process.pid) });
      await lease.release();
    } finally {
      child.kill('SIGKILL');
      db.close();
      await store.close();
      await ledger.remove();
    }
  });

  it('a read store file whose lock table predates process identities gets the column on the next claim', async () => {
    const ledger = await tempLedger();
    const file = path.join(ledger.dir, 'read.db');
    const old = new Database(file);
    old.exec(`CREATE TABLE writer_lock (
      id INTEGER PRIMARY KEY CHECK (id = 1), pid INTEGER NOT NULL, host TEXT NOT NULL,
      token TEXT NOT NULL, since TEXT NOT NULL)`);
    old.close();
    const store = new SqliteReadStore(file);
    const lease = await store.claimWriter([]);
    const db = new Database(file, { readonly: true });
    expect(db.prepare('SELECT identity FROM writer_lock').get()).toEqual({
      identity: processIdentity(process.pid),
    });
    db.close();
    await lease.release();
    await store.close();
    await ledger.remove();
  });
});

describe('the embedded read store file', () => {
  it('is made with 16 KB pages; a file made with another page size keeps it and stays readable', async () => {
    const ledger = await tempLedger();
    await writeCase(ledger.store, 'c-1', recorded(registerCase()));
    const made = new SqliteReadStore(path.join(ledger.dir, 'read.db'));
    await rebuildReadModels(ledger.store, made, PROJECTIONS);
    await made.close();
    const pageSize = (file: string) => {
      const db = new Database(file, { readonly: true });
      try {
        return db.pragma('page_size', { simple: true }) as number;
      } finally {
        db.close();
      }
    };
    expect(pageSize(path.join(ledger.dir, 'read.db'))).toBe(READ_STORE_PAGE_SIZE);
    const old = path.join(ledger.dir, 'old.db');
    const before = new Database(old);
    before.pragma('page_size = 4096');
    before.pragma('journal_mode = WAL');
    before.close();
    const reopened = new SqliteReadStore(old);
    const result = await rebuildReadModels(ledger.store, reopened, PROJECTIONS);
    expect(result.head).toBe(1);
    expect(await reopened.count(CASES)).toBe(1);
    await reopened.close();
    expect(pageSize(old)).toBe(4096);
    await ledger.remove();
  });
});

describe('applying the next batch while this one commits', () => {
  let ledger: Awaited<ReturnType<typeof tempLedger>>;
  beforeAll(async () => {
    ledger = await tempLedger();
    // Eight events a case and batches of 3: most batches continue documents the one before wrote.
    for (let i = 0; i < 12; i += 1)
      await writeCase(
        ledger.store,
        `c-${i}`,
        resolving(
          issueInvitation(),
          replyToInvitation({}, { agency: 'GOV_OFFICE' }),
          assessRisk({ level: 'MAJOR' }),
          recordOutcome({ outcome: 'DECIDED_WITHOUT_RESOLUTION' }),
          closeCase(),
        ),
      );
  });
  afterAll(() => ledger.remove());

  const inline = async (file: string) => {
    const store = new SqliteReadStore(path.join(ledger.dir, file));
    await rebuildReadModels(ledger.store, store, PROJECTIONS, { batchSize: 1000 });
    return store;
  };

  it('reads what the batch before wrote while its commit is still under way (a slow store), and ends equal to a rebuild', async () => {
    const sqlite = new SqliteReadStore(path.join(ledger.dir, 'slow.db'));
    let overlapped = 0;
    let committing = false;
    const slow = Object.assign(Object.create(sqlite) as SqliteReadStore, {
      async commit(batches: readonly BatchWrite[]) {
        committing = true;
        await new Promise((resolve) => setTimeout(resolve, 5));
        await sqlite.commit(batches);
        committing = false;
      },
      async get<T>(collection: string, key: string | number): Promise<T | undefined> {
        if (committing) overlapped += 1;
        return sqlite.get<T>(collection, key);
      },
    });
    const projector = new Projector(ledger.store, slow, PROJECTIONS, { batchSize: 3 });
    await projector.prepare();
    projector.start();
    await projector.waitFor(await ledger.store.headPosition());
    await projector.close();
    expect(overlapped).toBeGreaterThan(0);
    const rebuilt = await inline('slow-rebuilt.db');
    expect(await dumpReadModels(sqlite, PROJECTIONS)).toEqual(await dumpReadModels(rebuilt, PROJECTIONS));
    await sqlite.close();
    await rebuilt.close();
  });

  it('on the commit thread: incremental, rebuilt (indexes deferred, then restored) and inline all equal', async () => {
    const live = new SqliteReadStore(path.join(ledger.dir, 'thread-live.db'), { commitThread: true });
    const projector = new Projector(ledger.store, live, PROJECTIONS, { batchSize: 3 });
    await projector.prepare();
    projector.start();
    await projector.waitFor(await ledger.store.headPosition());
    await projector.close();

    const file = path.join(ledger.dir, 'thread-rebuilt.db');
    const rebuilt = new SqliteReadStore(file, { commitThread: true });
    const indexes = () =>
      (
        new Database(file, { readonly: true })
          .prepare(`SELECT name FROM sqlite_master WHERE type = 'index' AND name LIKE 'rm_%'`)
          .all() as { name: string }[]
      ).map((r) => r.name);
    const during: string[][] = [];
    await rebuildReadModels(ledger.store, rebuilt, PROJECTIONS, {
      batchSize: 5,
      onProgress: () => during.push(indexes()),
    });
    expect(during.length).toBeGreaterThan(1);
    for (const names of during) expect(names).toEqual([]);
    expect(indexes()).toEqual(expect.arrayContaining(['rm_audit_trail_caseId', 'rm_cases_registeredAt']));

    const reference = await inline('thread-inline.db');
    const expected = await dumpReadModels(reference, PROJECTIONS);
    expect(await dumpReadModels(live, PROJECTIONS)).toEqual(expected);
    expect(await dumpReadModels(rebuilt, PROJECTIONS)).toEqual(expected);
    for (const s of [live, rebuilt, reference]) await s.close();
  });

  it('a fenced batch on the commit thread is refused whole, as ReadStoreFencedError', async () => {
    const store = new SqliteReadStore(path.join(ledger.dir, 'fenced.db'), { commitThread: true });
    await store.prepare(PROJECTIONS);
    const doc = { position: 1 };
    await expect(
      store.commit([
        { projection: 'audit', changes: [], position: 3, from: 0 },
        {
          projection: 'case-status',
          changes: [{ op: 'put', collection: CASES, key: 'c-x', doc }],
          position: 9,
          from: 5,
        },
      ]),
    ).rejects.toEqual(new ReadStoreFencedError('case-status', 5, 0));
    expect(await store.get(CASES, 'c-x')).toBeUndefined();
    expect((await store.checkpoints()).find((c) => c.projection === 'audit')?.position).toBe(0);
    await store.close();
  });
});

describe('the commit thread dying', () => {
  it('fails every commit after it, and stops the projector loudly, with nothing written', async () => {
    const ledger = await tempLedger();
    try {
      for (let i = 0; i < 4; i += 1) await writeCase(ledger.store, `c-${i}`, recorded(registerCase()));
      const store = new SqliteReadStore(path.join(ledger.dir, 'dying.db'), { commitThread: true });
      await store.prepare(PROJECTIONS);
      // Reached into on purpose: nothing else can make a healthy thread die on cue.
      const worker = (store as unknown as { thread: { worker: Worker } }).thread.worker;
      await worker.terminate();
      const batch = { projection: 'audit', changes: [], position: 1, from: 0 };
      await expect(store.commit([batch])).rejects.toThrow(/commit thread exited/);
      await expect(store.commit([batch])).rejects.toThrow(/commit thread exited/);

      const errors: string[] = [];
      const projector = new Projector(ledger.store, store, PROJECTIONS, {
        log: { info: () => undefined, error: (line) => errors.push(line) },
      });
      await projector.prepare();
      projector.start();
      // Released by the failure, not left hanging.
      await projector.waitFor(await ledger.store.headPosition());
      await expect(projector.close()).rejects.toThrow(/commit thread exited/);
      expect(errors).toEqual([expect.stringMatching(/^projector stopped writing the read store: .*exited/)]);
      expect(Math.max(...(await store.checkpoints()).map((c) => c.position))).toBe(0);
      await store.close();
    } finally {
      await ledger.remove();
    }
  });
});
