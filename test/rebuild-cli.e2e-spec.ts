import { join } from 'node:path';
import { issueInvitation, recorded, registerCase } from '@accord/domain/case/testing';
import { CASES, dumpReadModels, PROJECTIONS, SqliteReadStore } from '@accord/read-store';
import { projectorFor, tempLedger, writeCase } from '@accord/read-store/testing/ledger';
import { rebuildHeapFlags } from '../apps/cli/src/heap';
import { runAccord, spawnAccord } from './support/cli-run';

// Each run spawns the real CLI through ts-node, which takes tens of seconds on a loaded machine.
jest.setTimeout(240_000);

describe('accord rebuild', () => {
  let ledger: Awaited<ReturnType<typeof tempLedger>>;
  beforeAll(async () => {
    ledger = await tempLedger();
    for (let i = 0; i < 20; i += 1)
      await writeCase(ledger.store, `c-${i}`, recorded(registerCase(), issueInvitation()));
  });
  afterAll(() => ledger.remove());

  it('the real binary runs the rebuild again under a bounded heap, with the same arguments and exit code', async () => {
    const result = await spawnAccord(['rebuild', '--data', ledger.dir, '--projection', 'audit']);
    expect(result.stderr).not.toMatch(/Error/);
    expect(result).toMatchObject({ code: 0, stdout: expect.stringMatching(/^rebuilt audit: 40 events/) });
    const refused = await spawnAccord(['rebuild', '--data', ledger.dir], { ACCORD_REBUILD_HEAP_MB: 'lots' });
    expect(refused).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('ACCORD_REBUILD_HEAP_MB="lots": expected a whole number of MB'),
    });
  });

  it('the heap bound: 128 MB (and a 32 MB young generation) unless set, off, or already bounded by whoever started node', () => {
    const young = '--max-semi-space-size=32';
    expect(rebuildHeapFlags({}, [])).toEqual(['--max-old-space-size=128', young]);
    expect(rebuildHeapFlags({ ACCORD_REBUILD_HEAP_MB: '256' }, [])).toEqual([
      '--max-old-space-size=256',
      young,
    ]);
    expect(rebuildHeapFlags({ ACCORD_REBUILD_HEAP_MB: 'off' }, [])).toEqual([]);
    expect(rebuildHeapFlags({}, ['--max-old-space-size=64'])).toEqual([]);
    expect(rebuildHeapFlags({ NODE_OPTIONS: '--max-old-space-size=512' }, [])).toEqual([]);
    expect(rebuildHeapFlags({}, ['--max-semi-space-size=8'])).toEqual(['--max-old-space-size=128']);
    expect(() => rebuildHeapFlags({ ACCORD_REBUILD_HEAP_MB: '8' }, [])).toThrow(/>= 32/);
  });

  it('replays the ledger into read.db, equal to what incremental projection built, and reports the rate', async () => {
    const { readStore: live, projector } = await projectorFor(ledger.store, ledger.dir, 'live.db', 7);
    projector.start();
    await projector.waitFor(await ledger.store.headPosition());
    await projector.close();

    const result = await runAccord(['rebuild', '--data', ledger.dir]);
    expect(result).toMatchObject({ code: 0 });
    expect(result.stdout).toMatch(
      /^rebuilt case-status, deadlines, register, audit, commendations: 40 events in [\d.]+ s \(\d+ events\/s\)/,
    );
    const rebuilt = new SqliteReadStore(join(ledger.dir, 'read.db'));
    await rebuilt.attach(PROJECTIONS);
    expect(await rebuilt.count(CASES)).toBe(20);
    expect(await dumpReadModels(rebuilt, PROJECTIONS)).toEqual(await dumpReadModels(live, PROJECTIONS));
    await rebuilt.close();
    await live.close();

    const one = await runAccord(['rebuild', '--data', ledger.dir, '--projection', 'audit']);
    expect(one.stdout).toMatch(/^rebuilt audit: 40 events/);
  });

  it('refuses to rebuild beside a running projector, naming it (exit 2); the read models stay as they were', async () => {
    const { readStore, projector } = await projectorFor(ledger.store, ledger.dir);
    projector.start();
    await projector.waitFor(await ledger.store.headPosition());
    const before = await dumpReadModels(readStore, PROJECTIONS);
    const refused = await runAccord(['rebuild', '--data', ledger.dir]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/the read store is being written by process \d+ on .*: stop it first/);
    expect(await dumpReadModels(readStore, PROJECTIONS)).toEqual(before);
    await projector.close();
    await readStore.close();
  });

  it('refuses an unknown projection and a missing ledger with exit code 2', async () => {
    const bad = await runAccord(['rebuild', '--data', ledger.dir, '--projection', 'gossip']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/unknown projection gossip/);
    const none = await runAccord(['rebuild', '--data', join(ledger.dir, 'nowhere')]);
    expect(none.code).toBe(2);
  });
});
