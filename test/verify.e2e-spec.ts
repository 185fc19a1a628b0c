import { existsSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { sha256Hex } from '@accord/events/integrity';
import { openSqliteStore } from '@accord/store';
import { writeSampleLedger, type SampleLedger } from '../apps/cli/src/testing/sample-ledger';
import { runAccord, spawnAccord } from './support/cli-run';
import {
  copyLedger,
  editEnvelope,
  type EventRow,
  LEDGER_FILE,
  readRow,
  rowAt,
  setColumns,
  tamper,
  tempRoot,
} from './support/cli-tamper';

/**
 * `accord verify` against a real SQLite ledger, intact and tampered with: in-process (the program's
 * own entry with captured output and exit code), and once as the real binary in a child process.
 */
describe('accord verify (e2e)', () => {
  let root: string;
  let intact: string;
  let sample: SampleLedger;

  beforeAll(async () => {
    root = tempRoot();
    intact = join(root, 'intact');
    const store = await openSqliteStore(intact);
    sample = await writeSampleLedger(store, { streams: 5, rounds: 6 });
    await store.close();
  });

  afterAll(() => rmSync(root, { recursive: true, force: true }));

  const brokenAt = (streamId: string, revision: number, position: number) =>
    `ledger BROKEN at stream ${streamId} revision ${revision} (position ${position}): `;

  /** Runs verify on a fresh copy after `edit`; returns the one line it printed. */
  async function verifyTampered(edit: Parameters<typeof tamper>[1]): Promise<string> {
    const dir = copyLedger(intact, root);
    tamper(dir, edit);
    const result = await runAccord(['verify', '--data', dir]);
    // The tamperer dropped the immutability triggers first, as an attacker would: verify says so.
    expect(result.stderr).toContain('immutability triggers are missing');
    expect(result.code).toBe(1);
    return result.stdout.trim();
  }

  it('exits 0 with a one-line summary on an intact ledger', async () => {
    expect(sample.events).toBeGreaterThanOrEqual(36);
    const result = await runAccord(['verify', '--data', intact]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      `ledger intact: 5 streams, ${sample.events} events, head position ${sample.events}\n`,
    );
  });

  // One process start of ts-node: slow on a loaded machine, so bounded generously.
  it('runs as a binary: the one spawned smoke test (stdout, stderr and exit code of a real process)', async () => {
    expect(await spawnAccord(['verify', '--data', intact])).toEqual({
      code: 0,
      stdout: `ledger intact: 5 streams, ${sample.events} events, head position ${sample.events}\n`,
      stderr: '',
    });
  }, 120_000);

  it('finds the ledger through ACCORD_DATA_DIR', async () => {
    const result = await runAccord(['verify'], { ACCORD_DATA_DIR: intact });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^ledger intact: 5 streams/);
  });

  it('prints a JSON report with --json', async () => {
    const result = await runAccord(['verify', '--data', intact, '--json']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({
      ledger: join(intact, LEDGER_FILE),
      missingTriggers: [],
      sqliteIntegrity: [],
      chainsOk: true,
      ok: true,
      streams: 5,
      events: sample.events,
      headPosition: sample.events,
      storageChecked: true,
      break: null,
    });
  });

  it('prints the break as JSON with --json, and exits 1', async () => {
    const dir = copyLedger(intact, root);
    let position = 0;
    tamper(dir, (db) => {
      const row = rowAt(db, 'case-2', 3);
      position = row.position;
      editEnvelope(db, row, '"amountYuan":1250.5', '"amountYuan":1250.6');
    });
    const result = await runAccord(['verify', '--json', '--data', dir]);
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout)).toMatchObject({
      ok: false,
      storageChecked: true,
      break: { kind: 'hash_mismatch', streamId: 'case-2', revision: 3, position, reason: 'hash mismatch' },
    });
  });

  it('finds one changed byte of data', async () => {
    let position = 0;
    const line = await verifyTampered((db) => {
      const row = rowAt(db, 'case-2', 3);
      position = row.position;
      editEnvelope(db, row, '"amountYuan":1250.5', '"amountYuan":1250.6');
    });
    expect(line).toBe(`${brokenAt('case-2', 3, position)}hash mismatch`);
  });

  it('finds a changed actor', async () => {
    let position = 0;
    const line = await verifyTampered((db) => {
      const row = rowAt(db, 'case-4', 1);
      position = row.position;
      editEnvelope(db, row, '"staffId":"clerk-7"', '"staffId":"clerk-8"');
    });
    expect(line).toBe(`${brokenAt('case-4', 1, position)}hash mismatch`);
  });

  it('finds a changed recordedAt, in the envelope and its column', async () => {
    let position = 0;
    const line = await verifyTampered((db) => {
      const row = rowAt(db, 'case-1', 2);
      position = row.position;
      editEnvelope(db, row, `"recordedAt":"${row.recorded_at}"`, '"recordedAt":"2020-12-31T16:00:00.000Z"');
      setColumns(db, position, { recorded_at: '2020-12-31T16:00:00.000Z' });
    });
    expect(line).toBe(`${brokenAt('case-1', 2, position)}hash mismatch`);
  });

  it('finds an edited hash column', async () => {
    let position = 0;
    const line = await verifyTampered((db) => {
      const row = rowAt(db, 'case-3', 4);
      position = row.position;
      const flipped = (row.hash[0] === 'a' ? 'b' : 'a') + row.hash.slice(1);
      setColumns(db, position, { hash: flipped });
    });
    expect(line).toBe(`${brokenAt('case-3', 4, position)}hash mismatch`);
  });

  it('names the missing revision when a row is deleted from the middle of a stream', async () => {
    const next = readRow(intact, 'case-5', 3).position;
    const line = await verifyTampered((db) => {
      db.prepare('DELETE FROM events WHERE position = ?').run(rowAt(db, 'case-5', 2).position);
    });
    expect(line).toBe(
      `${brokenAt('case-5', 2, next)}revision gap: expected revision 2, found revision 3 (events missing or out of order)`,
    );
  });

  it('finds two rows whose envelopes and hashes were swapped', async () => {
    let position = 0;
    const line = await verifyTampered((db) => {
      const a = rowAt(db, 'case-1', 1);
      const b = rowAt(db, 'case-1', 4);
      position = a.position;
      setColumns(db, a.position, { envelope: b.envelope, hash: b.hash });
      setColumns(db, b.position, { envelope: a.envelope, hash: a.hash });
    });
    expect(line).toMatch(new RegExp(`^${escape(brokenAt('case-1', 1, position))}revision gap`));
  });

  it('finds envelopes and hashes swapped between rows of two streams, at the earlier row', async () => {
    let position = 0;
    const line = await verifyTampered((db) => {
      const a = rowAt(db, 'case-2', 2);
      const b = rowAt(db, 'case-4', 2);
      position = Math.min(a.position, b.position);
      setColumns(db, a.position, { envelope: b.envelope, hash: b.hash });
      setColumns(db, b.position, { envelope: a.envelope, hash: a.hash });
    });
    // Either account names revision 2 at the earlier row: its columns say one stream, its envelope the other.
    expect(line).toMatch(
      new RegExp(`^ledger BROKEN at stream case-[24] revision 2 \\(position ${position}\\): `),
    );
  });

  it('finds an envelope rewritten non-canonically (same JSON, different bytes)', async () => {
    let position = 0;
    const line = await verifyTampered((db) => {
      const row = rowAt(db, 'case-3', 2);
      position = row.position;
      setColumns(db, position, { envelope: JSON.stringify(JSON.parse(row.envelope), null, 2) });
    });
    expect(line.startsWith(brokenAt('case-3', 2, position))).toBe(true);
    expect(line.length).toBeGreaterThan(brokenAt('case-3', 2, position).length);
  });

  it('finds a non-canonical rewrite of a last event whose hash column was re-hashed over the new bytes', async () => {
    // Nothing links to a stream's last hash, so only the canonical-form check stands in the way.
    let position = 0;
    const line = await verifyTampered((db) => {
      const last = db
        .prepare("SELECT * FROM events WHERE stream_id = 'case-3' ORDER BY revision DESC LIMIT 1")
        .get() as EventRow;
      position = last.position;
      const envelope = JSON.stringify(JSON.parse(last.envelope), null, 1);
      setColumns(db, position, { envelope, hash: sha256Hex(envelope) });
    });
    expect(line).toMatch(
      new RegExp(`^ledger BROKEN at stream case-3 revision \\d+ \\(position ${position}\\): `),
    );
  });

  it('finds an edited type column whose envelope is untouched', async () => {
    let position = 0;
    const line = await verifyTampered((db) => {
      const row = rowAt(db, 'case-5', 4);
      position = row.position;
      setColumns(db, position, { type: 'MediationOutcomeForged' });
    });
    expect(line.startsWith(brokenAt('case-5', 4, position))).toBe(true);
  });

  it('reports a row that does not parse as broken at that row', async () => {
    let position = 0;
    const line = await verifyTampered((db) => {
      const row = rowAt(db, 'case-2', 1);
      position = row.position;
      setColumns(db, position, { envelope: row.envelope.slice(0, -7) });
    });
    expect(line.startsWith(brokenAt('case-2', 1, position))).toBe(true);
  });

  it('exits 2 on a missing data directory, and creates nothing', async () => {
    const missing = join(root, 'no-such-dir');
    const result = await runAccord(['verify', '--data', missing]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(`no ledger at ${join(missing, LEDGER_FILE)}`);
    expect(existsSync(missing)).toBe(false);
  });

  it('exits 2 on a directory without a ledger file, and creates none', async () => {
    const empty = join(root, 'empty');
    mkdirSync(empty);
    const result = await runAccord(['verify', '--data', empty]);
    expect(result.code).toBe(2);
    expect(existsSync(join(empty, LEDGER_FILE))).toBe(false);
  });

  it('exits 2 when the ledger file is not a SQLite database', async () => {
    const garbage = join(root, 'garbage');
    mkdirSync(garbage);
    writeFileSync(
      join(garbage, LEDGER_FILE),
      'this is not a database, just text long enough to look like one',
    );
    const result = await runAccord(['verify', '--data', garbage]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/cannot open the ledger/);
  });

  it('prints usage and exits 2 for an unknown command', async () => {
    const result = await runAccord(['frobnicate']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/unknown command "frobnicate"[\s\S]*Usage: accord <command>/);
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
