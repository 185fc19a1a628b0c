import { join } from 'node:path';
import { issueInvitation, recorded, registerCase } from '@accord/domain/case/testing';
import { CASES, dumpReadModels, PROJECTIONS, SqliteReadStore } from '@accord/read-store';
import { projectorFor, tempLedger, writeCase } from '@accord/read-store/testing/ledger';
import { startProjector } from '@accord/projector/projector-process';
import { runAccord } from './support/cli-run';

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

  it('replays the ledger into read.db, equal to what incremental projection built, and reports the rate', async () => {
    const { readStore: live, projector } = projectorFor(ledger.store, ledger.dir, 'live.db', 7);
    projector.start();
    await projector.waitFor(await ledger.store.headPosition());
    await projector.close();

    const result = await runAccord(['rebuild', '--data', ledger.dir]);
    expect(result).toMatchObject({ code: 0 });
    expect(result.stdout).toMatch(
      /^rebuilt case-status, deadlines, register, audit: 40 events in [\d.]+ s \(\d+ events\/s\)/,
    );
    const rebuilt = new SqliteReadStore(join(ledger.dir, 'read.db'));
    rebuilt.attach(PROJECTIONS);
    expect(rebuilt.count(CASES)).toBe(20);
    expect(dumpReadModels(rebuilt, PROJECTIONS)).toEqual(dumpReadModels(live, PROJECTIONS));
    rebuilt.close();
    live.close();

    const one = await runAccord(['rebuild', '--data', ledger.dir, '--projection', 'audit']);
    expect(one.stdout).toMatch(/^rebuilt audit: 40 events/);
  });

  it('refuses to start while a projector writes the read store, naming it (exit 1), and touches nothing', async () => {
    const running = await startProjector({
      dataDir: ledger.dir,
      store: ledger.store,
      watchIntervalMs: 0,
      logLevel: 'silent',
    });
    await running.projector.waitFor(await ledger.store.headPosition());
    const before = running.projector.readStore.checkpoints();
    const refused = await runAccord(['rebuild', '--data', ledger.dir]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(
      new RegExp(`read store is in use by a running projector, pid ${process.pid} .*stop it`),
    );
    expect(running.projector.readStore.checkpoints()).toEqual(before);
    await running.close();
  });

  it('refuses an unknown projection and a missing ledger with exit code 2', async () => {
    const bad = await runAccord(['rebuild', '--data', ledger.dir, '--projection', 'gossip']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/unknown projection gossip/);
    const none = await runAccord(['rebuild', '--data', join(ledger.dir, 'nowhere')]);
    expect(none.code).toBe(2);
  });
});
