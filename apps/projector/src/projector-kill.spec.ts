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
import { dumpReadModels, PROJECTIONS, rebuildReadModels, SqliteReadStore } from '@accord/read-store';
import { spawnTypeScript } from '@accord/store/testing/spawn-ts';
import { projectorFor, tempLedger, writeCase } from '@accord/read-store/testing/ledger';

// Real files and (for the kill test) a child process: slow on a loaded machine, never timed.
jest.setTimeout(180_000);
describe.each([
  ['on its own thread', 'thread'],
  ['on the projector thread', 'inline'],
])('SIGKILL of the projector in the middle of a large batch, commits %s', (_, commits) => {
  let ledger: Awaited<ReturnType<typeof tempLedger>>;
  beforeAll(async () => {
    ledger = await tempLedger();
    const events = resolving(
      issueInvitation(),
      replyToInvitation({}, { agency: 'GOV_OFFICE' }),
      assessRisk({ level: 'MAJOR' }),
      recordOutcome({ outcome: 'DECIDED_WITHOUT_RESOLUTION' }),
      closeCase(),
    );
    for (let i = 0; i < 400; i += 1) await writeCase(ledger.store, `c-${i}`, events);
  });
  afterAll(() => ledger.remove());

  it('after a restart, the read models equal a clean rebuild: nothing applied twice, nothing skipped', async () => {
    const head = await ledger.store.headPosition();
    expect(head).toBeGreaterThan(3000);
    const committed = await killAfterFirstBatch(ledger.dir, 1500, commits);
    expect(committed[0]).toBeLessThan(head);

    const { readStore: restarted, projector } = await projectorFor(ledger.store, ledger.dir);
    // The checkpoint is a batch's end, the last one reported or (when the kill landed late, after a
    // later commit but before its line was read) one after it; what the cut batch wrote is gone.
    const checkpoints = (await restarted.checkpoints()).map((c) => c.position);
    expect(new Set(checkpoints).size).toBe(1);
    expect(checkpoints[0]).toBeGreaterThanOrEqual(committed[committed.length - 1]!);
    projector.start();
    await projector.waitFor(head);
    await projector.close();

    const clean = new SqliteReadStore(join(ledger.dir, 'clean.db'));
    await rebuildReadModels(ledger.store, clean, PROJECTIONS);
    expect(await dumpReadModels(restarted, PROJECTIONS)).toEqual(await dumpReadModels(clean, PROJECTIONS));
    await restarted.close();
    await clean.close();
  });
});

/** Runs the projector in a child process and SIGKILLs it as soon as its first batch is committed. */
function killAfterFirstBatch(dataDir: string, batchSize: number, commits: string): Promise<number[]> {
  const script = join(__dirname, 'testing', 'projector-child.ts');
  const child = spawnTypeScript(script, [dataDir, String(batchSize), commits]);
  const committed: number[] = [];
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  createInterface({ input: child.stdout }).on('line', (line) => {
    committed.push(Number(line));
    // The next batch is already being applied (with the commit thread: perhaps being written): kill
    // it mid-way.
    if (committed.length === 1) child.kill('SIGKILL');
  });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (signal === 'SIGKILL') resolve(committed);
      else reject(new Error(`projector child exited with ${code}: ${stderr}`));
    });
  });
}
