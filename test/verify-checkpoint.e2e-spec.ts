import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { canonicalJson, GENESIS_HASH, hashEnvelope } from '@accord/events/integrity';
import type { ProposedEvent, RecordedEvent } from '@accord/events';
import type { CaseBundle } from '@accord/merkle';
import { openSqliteStore } from '@accord/store';
import { writeSampleLedger } from '../apps/cli/src/testing/sample-ledger';
import { VerifyThread } from '../apps/cli/src/verify/verify-thread';
import { accord } from './support/cli-inprocess';
import { copyLedger, LEDGER_FILE, readRow, rowAt, tempRoot, type EventRow } from './support/cli-tamper';

function sampleAccess(n: number): ProposedEvent {
  return {
    eventId: `00000000-0000-7000-8000-${String(n).padStart(12, '0')}`,
    type: 'CaseDataAccessed',
    schemaVersion: 1,
    data: { caseId: 'c', view: 'full', outcome: 'granted', n },
    occurredAt: '2026-11-01T00:00:00Z',
    actor: { agency: 'COURT', staffId: 'aud-1', role: 'auditor' },
    commandId: `read-${n}`,
    correlationId: `read-${n}`,
    causationId: `read-${n}`,
    ruleSet: '2021-v1',
  };
}

/**
 * The insider manipulations a hash chain cannot see (issue 11), each done on a copy of a real
 * SQLite ledger with the triggers dropped and restored, each caught by `verify --checkpoint`.
 */
describe('accord verify --checkpoint (insider manipulations)', () => {
  let root: string;
  let intact: string;
  let checkpointFile: string;
  let trustFile: string;
  const keyFiles: string[] = [];

  beforeAll(async () => {
    root = tempRoot();
    intact = join(root, 'intact');
    const store = await openSqliteStore(intact);
    await writeSampleLedger(store, { streams: 5, rounds: 6 });
    for (let batch = 0; batch < 4; batch += 1) {
      await store.append(
        'access-log',
        Array.from({ length: 10 }, (_, i) => sampleAccess(batch * 10 + i)),
        { expectedRevision: 'any' },
      );
    }
    await store.close();

    const publicLines: string[] = [];
    for (const agency of ['COURT', 'PROCURATORATE', 'GOV_OFFICE']) {
      const file = join(root, `${agency}.key`);
      const made = await accord(['keys', 'generate', '--agency', agency, '--out', file]);
      expect(made.code).toBe(0);
      expect(statSync(file).mode & 0o777).toBe(0o600);
      publicLines.push(made.stdout);
      keyFiles.push(file);
    }
    trustFile = join(root, 'trusted-keys.txt');
    writeFileSync(trustFile, `# Accord agencies\n${publicLines.join('\n')}\n`);
    const taken = await accord(['checkpoint', '--data', intact, ...keyFiles.flatMap((k) => ['--key', k])]);
    expect(taken).toMatchObject({
      code: 0,
      stdout: expect.stringMatching(/^checkpoint of tree size 80 signed by COURT, PROCURATORATE, GOV_OFFICE/),
    });
    checkpointFile = join(root, 'checkpoint.note');
    expect((await accord(['checkpoint', 'export', '--data', intact, '--out', checkpointFile])).code).toBe(0);
  });

  afterAll(() => rmSync(root, { recursive: true, force: true }));

  /** A copy of the intact ledger with its tree file, edited through a raw connection; the triggers are put back after. */
  function tampered(edit: (db: Database.Database) => void): string {
    const dir = copyLedger(intact, root);
    for (const name of readdirSync(intact))
      if (name.startsWith('merkle.db')) copyFileSync(join(intact, name), join(dir, name));
    const db = new Database(join(dir, LEDGER_FILE));
    try {
      const triggers = db
        .prepare("SELECT sql FROM sqlite_master WHERE type = 'trigger'")
        .pluck()
        .all() as string[];
      for (const name of db
        .prepare("SELECT name FROM sqlite_master WHERE type = 'trigger'")
        .pluck()
        .all() as string[])
        db.exec(`DROP TRIGGER ${name}`);
      edit(db);
      for (const sql of triggers) db.exec(sql);
    } finally {
      db.close();
    }
    return dir;
  }

  const verify = (dir: string) =>
    accord(['verify', '--data', dir, '--checkpoint', checkpointFile, '--trusted-keys', trustFile]);

  it('passes an intact ledger, and one that grew after the checkpoint', async () => {
    const result = await verify(intact);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toBe(
      'ledger intact: 6 streams, 80 events, head position 80\n' +
        'ledger consistent with checkpoint accord.ledger/lushan-2021-144 tree size 80 (signed by COURT, PROCURATORATE, GOV_OFFICE)',
    );
    const grown = tampered(() => undefined);
    const store = await openSqliteStore(grown);
    await store.append('case-99', [{ ...sampleAccess(99) }], { expectedRevision: 'no_stream' });
    await store.close();
    const later = await verify(grown);
    expect(later.code).toBe(0);
    expect(later.stdout).toMatch(/ledger consistent with checkpoint .* tree size 80/);
  });

  it('catches a stream re-hashed with the project’s own hash after its data changed, naming the first changed event', async () => {
    const first = readRow(intact, 'case-2', 1).position;
    const dir = tampered((db) => {
      const rows = db
        .prepare("SELECT * FROM events WHERE stream_id = 'case-2' ORDER BY revision")
        .all() as EventRow[];
      let prevHash = GENESIS_HASH;
      for (const row of rows) {
        const event = JSON.parse(row.envelope) as RecordedEvent & { data: Record<string, unknown> };
        const { hash: _hash, position: _position, ...rest } = event; // the stored envelope is the hashed one
        const data = row.revision === 1 ? { ...event.data, note: 'consent REFUSED' } : event.data;
        const rewritten = { ...rest, data, prevHash };
        const hash = hashEnvelope(rewritten);
        db.prepare('UPDATE events SET envelope = ?, hash = ? WHERE position = ?').run(
          canonicalJson(rewritten),
          hash,
          row.position,
        );
        prevHash = hash;
      }
    });
    // The chains alone see nothing wrong: that is the attack.
    const chainsOnly = await accord(['verify', '--data', dir]);
    expect(chainsOnly.code).toBe(0);
    const result = await verify(dir);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      `ledger does NOT match the checkpoint of tree size 80 at position ${first} (stream case-2 revision 1): the event at position ${first} is not the one the checkpoint signed`,
    );
  });

  it('cosigners refuse to sign a tree rebuilt from a rewritten ledger', async () => {
    const dir = tampered((db) => {
      const row = rowAt(db, 'case-1', 0);
      const event = JSON.parse(row.envelope) as RecordedEvent & { data: Record<string, unknown> };
      const rewritten = { ...event, data: { ...event.data, note: 'rewritten' } };
      db.prepare('UPDATE events SET envelope = ?, hash = ? WHERE position = ?').run(
        canonicalJson(rewritten),
        hashEnvelope(rewritten),
        row.position,
      );
    });
    // The insider also throws away the tree file and rebuilds it from the edited ledger, plus one new event.
    for (const name of readdirSync(dir)) if (name.startsWith('merkle.db')) rmSync(join(dir, name));
    const store = await openSqliteStore(dir);
    await store.append('case-100', [sampleAccess(100)], { expectedRevision: 'no_stream' });
    await store.close();
    const cosigners = join(root, `cosigners-${Date.now()}`);
    mkdirSync(cosigners);
    for (const name of readdirSync(join(intact, 'cosigners')))
      copyFileSync(join(intact, 'cosigners', name), join(cosigners, name));
    const result = await accord([
      'checkpoint',
      '--data',
      dir,
      '--cosigners',
      cosigners,
      ...keyFiles.flatMap((k) => ['--key', k]),
    ]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      'accord checkpoint: COURT refuses to sign: tree size 81 is not consistent with tree size 80, which it signed',
    );
    expect(existsSync(join(dir, 'checkpoints'))).toBe(false);
  });

  it('catches a deleted tail event of a stream', async () => {
    const db = new Database(join(intact, LEDGER_FILE), { readonly: true });
    const last = db
      .prepare("SELECT max(position) FROM events WHERE stream_id = 'case-3'")
      .pluck()
      .get() as number;
    db.close();
    const dir = tampered((db) => db.prepare('DELETE FROM events WHERE position = ?').run(last));
    const result = await verify(dir);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(
      new RegExp(
        `does NOT match the checkpoint of tree size 80 at position ${last + 1} .*: the checkpoint signed the event at position ${last} here`,
      ),
    );
  });

  it('catches a deleted whole stream', async () => {
    const first = readRow(intact, 'case-4', 0).position;
    const dir = tampered((db) => db.prepare("DELETE FROM events WHERE stream_id = 'case-4'").run());
    const result = await verify(dir);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(new RegExp(`the checkpoint signed the event at position ${first} here`));
  });

  it('catches the last 20 access-log events deleted', async () => {
    const dir = tampered((db) =>
      db
        .prepare(
          "DELETE FROM events WHERE position IN (SELECT position FROM events WHERE stream_id = 'access-log' ORDER BY position DESC LIMIT 20)",
        )
        .run(),
    );
    const result = await verify(dir);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      'ledger does NOT match the checkpoint of tree size 80 at leaf 60: the ledger has 60 events but the checkpoint covers 80: the event at position 61 and after are missing',
    );
  });

  it('catches two events of different streams that swapped positions', async () => {
    let first = 0;
    const dir = tampered((db) => {
      const a = rowAt(db, 'case-1', 5);
      const b = rowAt(db, 'case-2', 5);
      first = Math.min(a.position, b.position);
      db.prepare('UPDATE events SET position = -1 WHERE position = ?').run(a.position);
      db.prepare('UPDATE events SET position = ? WHERE position = ?').run(a.position, b.position);
      db.prepare('UPDATE events SET position = ? WHERE position = -1').run(b.position);
    });
    const result = await verify(dir);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(
      new RegExp(`does NOT match the checkpoint of tree size 80 at position ${first} `),
    );
  });

  it('fails, saying the ledger was not checked, when the thread hashing the tree dies', async () => {
    const root = VerifyThread.prototype.root;
    const dies = jest.spyOn(VerifyThread.prototype, 'root').mockImplementation(async function (
      this: VerifyThread,
    ) {
      // root() is asked as soon as the chains are checked; the thread dies after its integrity check.
      await this.integrity;
      await this.close();
      return root.call(this);
    });
    try {
      const result = await verify(intact);
      expect(result.code).toBe(1);
      expect(result.stdout).toBe(
        'ledger intact: 6 streams, 80 events, head position 80\n' +
          'ledger NOT checked against the checkpoint of tree size 80: the tree could not be rebuilt: the verify thread failed: it stopped (exit code 1)',
      );
      const json = await accord([
        'verify',
        '--data',
        intact,
        '--json',
        '--checkpoint',
        checkpointFile,
        '--trusted-keys',
        trustFile,
      ]);
      expect(json.code).toBe(1);
      expect(JSON.parse(json.stdout)).toMatchObject({
        ok: false,
        chainsOk: true,
        checkpoint: { ok: false, error: expect.stringMatching(/^the tree could not be rebuilt: /) },
      });
    } finally {
      dies.mockRestore();
    }
  });

  it('reports index damage found by SQLite’s integrity check', async () => {
    const dir = tampered(() => undefined);
    const file = join(dir, LEDGER_FILE);
    const db = new Database(file);
    db.pragma('wal_checkpoint(TRUNCATE)');
    const page = db.pragma('page_size', { simple: true }) as number;
    const rootPage = db
      .prepare(
        "SELECT rootpage FROM sqlite_master WHERE type = 'index' AND tbl_name = 'events' ORDER BY name LIMIT 1",
      )
      .pluck()
      .get() as number;
    db.close();
    const bytes = readFileSync(file);
    // Scribble over the end of the index's root page, where its cells (keys) live.
    for (let i = page * rootPage - 64; i < page * rootPage - 8; i += 1) bytes[i] = bytes[i]! ^ 0x5a;
    writeFileSync(file, bytes);
    const result = await accord(['verify', '--data', dir]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/ledger storage DAMAGED \(SQLite integrity check\): /);
  });

  it('rejects a checkpoint missing an agency’s signature, or with an altered root', async () => {
    const note = readFileSync(checkpointFile, 'utf8');
    const lines = note.split('\n');
    const twoSigned = join(root, 'two.note');
    writeFileSync(twoSigned, `${lines.slice(0, -2).join('\n')}\n`);
    const result = await accord([
      'verify',
      '--data',
      intact,
      '--checkpoint',
      twoSigned,
      '--trusted-keys',
      trustFile,
    ]);
    expect(result).toMatchObject({
      code: 1,
      stdout: 'checkpoint REJECTED: the checkpoint carries no valid signature by GOV_OFFICE',
    });
    const altered = join(root, 'altered.note');
    writeFileSync(altered, note.replace(/\n80\n/, '\n85\n'));
    const again = await accord([
      'verify',
      '--data',
      intact,
      '--checkpoint',
      altered,
      '--trusted-keys',
      trustFile,
    ]);
    expect(again).toMatchObject({
      code: 1,
      stdout: expect.stringMatching(
        /^checkpoint REJECTED: the checkpoint carries no valid signature by COURT/,
      ),
    });
  });

  describe('case bundles (export-case, verify-bundle)', () => {
    let bundleFile: string;
    beforeAll(async () => {
      bundleFile = join(root, 'case-2.bundle.json');
      const made = await accord(['export-case', '2', '--data', intact, '--out', bundleFile]);
      expect(made).toMatchObject({
        code: 0,
        stdout: expect.stringMatching(/case 2, 8 events, checkpoint of tree size 80$/),
      });
      expect(statSync(bundleFile).mode & 0o777).toBe(0o600);
    });

    const check = (file: string) => accord(['verify-bundle', file, '--trusted-keys', trustFile]);
    /** A copy of the bundle with one edit. */
    function edited(name: string, edit: (bundle: CaseBundle) => void): string {
      const bundle = JSON.parse(readFileSync(bundleFile, 'utf8')) as CaseBundle;
      edit(bundle);
      const file = join(root, name);
      writeFileSync(file, JSON.stringify(bundle));
      return file;
    }

    it('verifies offline with the trust file alone', async () => {
      const result = await check(bundleFile);
      expect(result).toMatchObject({
        code: 0,
        stdout:
          'bundle verified: case 2, 8 events, each included in checkpoint accord.ledger/lushan-2021-144 tree size 80 signed by COURT, PROCURATORATE, GOV_OFFICE',
      });
    });

    it('refuses a changed event', async () => {
      const file = edited('changed.json', (b) => {
        (b.events[3]!.event.data as { note: string }).note = 'forged';
      });
      expect(await check(file)).toMatchObject({
        code: 1,
        stdout: expect.stringMatching(
          /^bundle REFUSED: event 3 \(case-2 revision 3, position \d+\): its content does not match its hash/,
        ),
      });
    });

    it('refuses an event re-hashed to match a change (its proof no longer leads to the signed root)', async () => {
      const file = edited('rehashed.json', (b) => {
        const last = b.events[b.events.length - 1]!.event as RecordedEvent & { data: { note: string } };
        const { hash: _h, position: _p, ...rest } = last;
        const changed = { ...rest, data: { ...last.data, note: 'forged' } };
        Object.assign(last, changed, { hash: hashEnvelope(changed) });
      });
      expect(await check(file)).toMatchObject({
        code: 1,
        stdout: expect.stringMatching(
          /^bundle REFUSED: event 7 .*: its inclusion proof does not lead to the signed root of tree size 80/,
        ),
      });
    });

    it('refuses a changed proof', async () => {
      const file = edited('proof.json', (b) => {
        const proof = b.events[0]!.proof as string[];
        const bytes = Buffer.from(proof[1]!, 'base64');
        bytes[0] = bytes[0]! ^ 1;
        proof[1] = bytes.toString('base64');
      });
      expect(await check(file)).toMatchObject({
        code: 1,
        stdout: expect.stringMatching(
          /^bundle REFUSED: event 0 .*: its inclusion proof does not lead to the signed root/,
        ),
      });
    });

    it('refuses a bad signature', async () => {
      const file = edited('signature.json', (b) => {
        const lines = b.checkpoint.split('\n');
        const court = lines.findIndex((l) => l.startsWith('\u2014 COURT '));
        const [prefix, sig] = [lines[court]!.slice(0, -8), lines[court]!.slice(-8)];
        lines[court] = prefix + (sig.startsWith('A') ? 'B' : 'A') + sig.slice(1);
        (b as { checkpoint: string }).checkpoint = lines.join('\n');
      });
      expect(await check(file)).toMatchObject({
        code: 1,
        stdout: 'bundle REFUSED: checkpoint refused: the checkpoint carries no valid signature by COURT',
      });
    });
  });
});
