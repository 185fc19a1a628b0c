import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import {
  assessRisk,
  closeCase,
  issueInvitation,
  recordOutcome,
  replyToInvitation,
  resolving,
} from '@accord/domain/case/testing';
import {
  dumpReadModels,
  PostgresReadStore,
  PROJECTIONS,
  rebuildReadModels,
  SqliteReadStore,
} from '@accord/read-store';
import { tempLedger, writeCase } from '@accord/read-store/testing/ledger';
import { PostgresEventStore } from '@accord/store';
import { createTestDatabase, describePg, type TestDatabase } from '@accord/store/postgres/testing/pg-test-db';
import { spawnTypeScript } from '@accord/store/testing/spawn-ts';

// Two child processes through ts-node on a loaded machine: slow, never timed.
jest.setTimeout(300_000);

const CASE_EVENTS = resolving(
  issueInvitation(),
  replyToInvitation({}, { agency: 'GOV_OFFICE' }),
  assessRisk({ level: 'MAJOR' }),
  recordOutcome({ outcome: 'DECIDED_WITHOUT_RESOLUTION' }),
  closeCase(),
);

describePg('the projector on PostgreSQL: one active, one hot standby', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;
  const children: ChildProcess[] = [];
  beforeEach(async () => {
    db = await createTestDatabase('accord_handover');
    store = await PostgresEventStore.open({ url: db.url });
  });
  afterEach(async () => {
    for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
    await store.close();
    await db.drop();
  });

  it('SIGKILL of the active projector mid-stream: the standby takes over, and the read models equal a clean rebuild', async () => {
    let written = 0;
    const write = async (cases: number) => {
      for (let i = 0; i < cases; i += 1, written += 1) await writeCase(store, `c-${written}`, CASE_EVENTS);
    };
    await write(20);
    const active = projectorChild(db.url, 40);
    children.push(active.child);
    await active.seen('active');
    const standby = projectorChild(db.url, 40);
    children.push(standby.child);
    await standby.seen('standby');

    // The log keeps growing while the active one works; it dies after its next committed batch.
    const writing = write(300);
    await active.seen('batch');
    active.child.kill('SIGKILL');
    await active.exited;
    await standby.seen('active');
    await writing;
    const head = await store.headPosition();
    await standby.seen(`batch ${head}`);

    const killedAt = active.batches[active.batches.length - 1]!;
    expect(killedAt).toBeLessThan(head);
    // The standby continued from exactly where the active one's last commit left off.
    expect(standby.batches[0]!).toBeGreaterThan(killedAt);
    expect(standby.lines.indexOf('standby')).toBeLessThan(standby.lines.indexOf('active'));
    standby.child.kill('SIGTERM');
    await standby.exited;

    const live = new PostgresReadStore({ url: db.url });
    await live.attach(PROJECTIONS);
    const checkpoints = await live.checkpoints();
    expect(checkpoints.map((c) => [c.position, c.status])).toEqual(PROJECTIONS.map(() => [head, 'running']));
    const scratch = await tempLedger();
    const clean = new SqliteReadStore(join(scratch.dir, 'clean.db'));
    await rebuildReadModels(store, clean, PROJECTIONS);
    expect(await dumpReadModels(live, PROJECTIONS)).toEqual(await dumpReadModels(clean, PROJECTIONS));
    await clean.close();
    await live.close();
    await scratch.remove();
  });
});

/** A projector process; its `standby` / `active` / `batch N` lines, and a wait for one of them. */
function projectorChild(url: string, batchSize: number) {
  const child = spawnTypeScript(join(__dirname, 'testing', 'projector-pg-child.ts'), [
    url,
    String(batchSize),
  ]);
  const lines: string[] = [];
  const batches: number[] = [];
  const waiting: { prefix: string; resolve: () => void }[] = [];
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  createInterface({ input: child.stdout }).on('line', (line) => {
    lines.push(line);
    if (line.startsWith('batch ')) batches.push(Number(line.slice(6)));
    for (const w of waiting.filter((w) => line.startsWith(w.prefix))) {
      waiting.splice(waiting.indexOf(w), 1);
      w.resolve();
    }
  });
  const exited = new Promise<void>((resolve) => child.on('close', () => resolve()));
  const seen = (prefix: string): Promise<void> =>
    lines.some((l) => l.startsWith(prefix))
      ? Promise.resolve()
      : Promise.race([
          new Promise<void>((resolve) => waiting.push({ prefix, resolve })),
          exited.then(() => {
            throw new Error(`projector exited before "${prefix}": ${stderr}`);
          }),
        ]);
  return { child, lines, batches, seen, exited };
}
