import { readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ProposedEvent } from '@accord/events';
import { openSqliteStore } from '@accord/store';
import { spawnTypeScript } from '@accord/store/testing/spawn-ts';
import { writeSampleLedger } from '../apps/cli/src/testing/sample-ledger';
import { accord } from './support/cli-inprocess';
import { REPO_ROOT } from './support/cli-run';
import { tempRoot } from './support/cli-tamper';

function laterEvent(n: number): ProposedEvent {
  return {
    eventId: `00000000-0000-7000-8000-${String(n).padStart(12, '0')}`,
    type: 'MediationMeetingHeld',
    schemaVersion: 1,
    data: { n },
    occurredAt: '2026-11-01T00:00:00Z',
    actor: { agency: 'COURT', staffId: 'clerk-7', role: 'clerk' },
    commandId: `later-${n}`,
    correlationId: `later-${n}`,
    causationId: `later-${n}`,
    ruleSet: '2021-v1',
  };
}

/** Resolves with the first output line matching `pattern`, read as the child writes it. */
function lineMatching(output: { text: string; onData: (() => void)[] }, pattern: RegExp): Promise<string> {
  return new Promise((resolve) => {
    const look = (): boolean => {
      const line = output.text.split('\n').find((l) => pattern.test(l));
      if (line !== undefined) resolve(line);
      return line !== undefined;
    };
    if (!look()) output.onData.push(look);
  });
}

/**
 * The schedule: `accord checkpoint --every` as the real binary in a child process, taking a
 * checkpoint of the tree as the ledger grows under it, until it is told to stop (SIGTERM).
 */
describe('accord checkpoint --every (e2e)', () => {
  let root: string;
  beforeAll(() => (root = tempRoot()));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('takes a checkpoint every period as the ledger grows, each one verifying, and exits 0 on SIGTERM', async () => {
    const data = join(root, 'data');
    const store = await openSqliteStore(data);
    const first = await writeSampleLedger(store, { streams: 2, rounds: 2 });
    const keys: string[] = [];
    const trusted: string[] = [];
    for (const agency of ['COURT', 'PROCURATORATE', 'GOV_OFFICE']) {
      const file = join(root, `${agency}.key`);
      const made = await accord(['keys', 'generate', '--agency', agency, '--out', file]);
      trusted.push(made.stdout);
      keys.push('--key', file);
    }
    const trustFile = join(root, 'trusted-keys.txt');
    writeFileSync(trustFile, `${trusted.join('\n')}\n`);

    const child = spawnTypeScript(
      'apps/cli/src/main.ts',
      ['checkpoint', '--every', '1s', '--data', data, ...keys],
      { cwd: REPO_ROOT },
    );
    const output = { text: '', onData: [] as (() => boolean)[] };
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      output.text += chunk;
      output.onData = output.onData.filter((look) => !look());
    });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));

    try {
      await lineMatching(output, new RegExp(`^checkpoint of tree size ${first.events} signed by`));
      // The ledger grows while the schedule runs: the next period's checkpoint covers it.
      await store.append('later', [1, 2, 3].map(laterEvent), { expectedRevision: 'no_stream' });
      const grown = await store.headPosition();
      await lineMatching(output, new RegExp(`^checkpoint of tree size ${grown} signed by`));
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
    expect(stderr).toBe('');
    await store.close();

    const sizes = readdirSync(join(data, 'checkpoints')).sort();
    expect(sizes).toEqual(
      [first.events, await headOf(data)].map((n) => `${String(n).padStart(12, '0')}.note`),
    );
    const latest = join(root, 'latest.note');
    expect((await accord(['checkpoint', 'export', '--data', data, '--out', latest])).code).toBe(0);
    expect(
      await accord(['verify', '--data', data, '--checkpoint', latest, '--trusted-keys', trustFile]),
    ).toMatchObject({ code: 0, stdout: expect.stringContaining('ledger consistent with checkpoint') });
  }, 180_000);
});

async function headOf(data: string): Promise<number> {
  const store = await openSqliteStore(data, { readonly: true });
  try {
    return await store.headPosition();
  } finally {
    await store.close();
  }
}
