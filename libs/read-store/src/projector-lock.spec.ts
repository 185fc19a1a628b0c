import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { acquireSqliteProjectorLock, ProjectorLockedError } from './projector-lock';

// A child process through ts-node: slow on a loaded machine, never timed.
jest.setTimeout(120_000);

describe('the SQLite projector lock', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'accord-lock-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('one holder at a time: a rebuild is refused naming the projector; a standby takes over on release', async () => {
    const projector = await acquireSqliteProjectorLock(dir, 'projector');
    const refused = await acquireSqliteProjectorLock(dir, 'rebuild').catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ProjectorLockedError);
    expect((refused as ProjectorLockedError).holder).toMatchObject({ role: 'projector', pid: process.pid });
    expect((refused as Error).message).toMatch(
      /in use by a running projector, pid \d+ .*; stop it \(npm start \/ npm run start:projector\) before rebuilding/,
    );

    const seen: unknown[] = [];
    const standby = acquireSqliteProjectorLock(dir, 'projector', {
      wait: true,
      pollMs: 10,
      onWait: (holder) => seen.push(holder),
    });
    // The standby is still waiting: a further attempt is refused too.
    await expect(acquireSqliteProjectorLock(dir, 'rebuild')).rejects.toBeInstanceOf(ProjectorLockedError);
    await projector.release();
    const taken = await standby;
    expect(seen).toEqual([expect.objectContaining({ role: 'projector' })]);
    await expect(acquireSqliteProjectorLock(dir, 'rebuild')).rejects.toBeInstanceOf(ProjectorLockedError);
    await taken.release();
    await (await acquireSqliteProjectorLock(dir, 'rebuild')).release();
  });

  it('a holder killed with SIGKILL leaves no stale lock', async () => {
    const child = spawn(
      process.execPath,
      [
        '-r',
        'ts-node/register/transpile-only',
        '-r',
        'tsconfig-paths/register',
        join(__dirname, 'testing', 'hold-lock.ts'),
        dir,
      ],
      { env: { ...process.env, TS_NODE_PROJECT: 'tsconfig.json' }, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    const exited = new Promise((resolve) => child.on('close', resolve));
    await new Promise<void>((resolve, reject) => {
      child.on('error', reject);
      createInterface({ input: child.stdout! }).on('line', (line) => line === 'locked' && resolve());
    });
    const refused = await acquireSqliteProjectorLock(dir, 'rebuild').catch((e: unknown) => e);
    expect((refused as ProjectorLockedError).holder).toMatchObject({ pid: child.pid });
    child.kill('SIGKILL');
    await exited;
    await (await acquireSqliteProjectorLock(dir, 'rebuild')).release();
  });
});
