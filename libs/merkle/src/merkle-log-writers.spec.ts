import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MerkleLog } from './merkle-log';
import type { LeafEvent } from './leaf';

const leaf = (position: number): LeafEvent => ({
  position,
  streamId: `case-${position % 3}`,
  revision: Math.floor(position / 3),
  hash: position.toString(16).padStart(64, '0'),
});

/**
 * The tree file has two writers in production: the API's follower and `accord checkpoint`'s. An
 * append that read the file before the other committed must wait for it and go on, not fail (a
 * follower that throws stops following, and every proof after it answers 500).
 */
describe('MerkleLog with another writer of its file', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'accord-merkle-writers-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('an append waits for a transaction another process holds, then sees what it committed', async () => {
    const file = join(dir, 'merkle.db');
    const log = new MerkleLog(file);
    log.append([1, 2, 3].map(leaf));
    // Another writer holds the file's write lock, and commits (leaves 4 and 5, as a second MerkleLog
    // would) only after this process's append has begun to wait for it.
    const other = spawn(
      process.execPath,
      [
        '-e',
        `
        const { MerkleLog } = require(${JSON.stringify(join(__dirname, 'merkle-log'))});
        const tree = new MerkleLog(${JSON.stringify(file)});
        // Its own connection, inside one transaction: the lock first, the leaves, then the commit.
        tree.db.exec('BEGIN IMMEDIATE');
        process.stdout.write('locked\\n');
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 400);
        tree.append(${JSON.stringify([4, 5].map(leaf))});
        tree.db.exec('COMMIT');
        tree.close();
        `,
      ],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
        env: { ...process.env, NODE_OPTIONS: '-r ts-node/register/transpile-only' },
      },
    );
    await once(other.stdout!, 'data');
    expect(() => log.append([4, 5, 6].map(leaf))).not.toThrow();
    const [code] = await once(other, 'exit');
    expect(code).toBe(0);
    const fresh = new MerkleLog(file);
    expect(fresh.size).toBe(6);
    expect(fresh.root().equals(log.root())).toBe(true);
    fresh.close();
    log.close();
  });
});
