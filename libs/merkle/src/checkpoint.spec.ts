import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MemoryEventStore } from '@accord/store';
import { checkpointText, parseTrustFile, verifyCheckpointNote } from './checkpoint';
import { CheckpointStore, takeCheckpoint } from './checkpoint-store';
import { Cosigner, CosignRefusedError } from './cosigner';
import { eventLeafHash } from './leaf';
import { MerkleLog } from './merkle-log';
import {
  formatNote,
  formatSignerKey,
  generateSignerKey,
  keyId,
  parseNote,
  parseSignerKey,
  parseVerifierKey,
  signatureLine,
} from './note';
import { rootOf, verifyConsistency, verifyInclusion } from './rfc6962';
import { TreeFollower } from './tree-follower';
import { appendInterleaved } from './testing/interleaved-events';

/** A few interleaved streams, appended one event at a time. */
const writeEvents = (store: MemoryEventStore, prefix: string, streams: number, rounds: number) =>
  appendInterleaved(store, prefix, streams, rounds);

describe('signed notes and checkpoints', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'accord-merkle-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('derives the key id as the signed-note spec says, and round-trips keys', () => {
    const key = generateSignerKey('COURT');
    const again = parseSignerKey(formatSignerKey(key));
    expect(again.text).toBe(key.text);
    const verifier = parseVerifierKey(key.text);
    expect(verifier.keyId).toBe(keyId('COURT', key.publicKey));
    expect(key.text).toMatch(/^COURT\+[0-9a-f]{8}\+A/);
    expect(() => parseVerifierKey(key.text.replace(/\+[0-9a-f]{8}\+/, '+00000000+'))).toThrow(/key id/);
  });

  it('matches the reference implementation (golang.org/x/mod/sumdb/note test key and signature)', () => {
    const key = parseSignerKey(
      'PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz',
    );
    expect(key.text).toBe('PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW');
    const text =
      "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n";
    expect(signatureLine(key, text)).toBe(
      '\u2014 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n',
    );
  });

  it('verifies a note signed by all three agencies and refuses a missing, forged or altered signature', () => {
    const keys = ['COURT', 'PROCURATORATE', 'GOV_OFFICE'].map(generateSignerKey);
    const trust = parseTrustFile(keys.map((k) => k.text).join('\n'));
    const text = checkpointText({ origin: 'test/log', size: 3, root: rootOf([]) });
    const note = formatNote(
      text,
      keys.map((k) => signatureLine(k, text)),
    );
    expect(verifyCheckpointNote(note, trust).signedBy).toEqual(['COURT', 'PROCURATORATE', 'GOV_OFFICE']);
    expect(parseNote(note).signatures).toHaveLength(3);
    const twoOnly = formatNote(
      text,
      keys.slice(0, 2).map((k) => signatureLine(k, text)),
    );
    expect(() => verifyCheckpointNote(twoOnly, trust)).toThrow(/no valid signature by GOV_OFFICE/);
    const impostor = generateSignerKey('GOV_OFFICE');
    const forged = formatNote(
      text,
      [...keys.slice(0, 2), impostor].map((k) => signatureLine(k, text)),
    );
    expect(() => verifyCheckpointNote(forged, trust)).toThrow(/GOV_OFFICE/);
    expect(() => verifyCheckpointNote(note.replace('\n3\n', '\n4\n'), trust)).toThrow(/no valid signature/);
  });

  it('a cosigner signs only checkpoints consistent with what it signed, and keeps its record', async () => {
    const store = new MemoryEventStore();
    await writeEvents(store, 'case', 3, 3);
    const log = new MerkleLog(join(dir, 'merkle.db'));
    const follower = new TreeFollower(store, log);
    await follower.catchUp();
    const events: { position: number; streamId: string; revision: number; hash: string }[] = [];
    for await (const batch of store.readAll()) events.push(...batch);
    expect(log.root().equals(rootOf(events.map(eventLeafHash)))).toBe(true);

    const keys = ['COURT', 'PROCURATORATE', 'GOV_OFFICE'].map(generateSignerKey);
    const cosigners = keys.map((k) => new Cosigner(k, join(dir, 'cosigners', `${k.name}.jsonl`)));
    const checkpoints = new CheckpointStore(join(dir, 'checkpoints'));
    const first = takeCheckpoint({ log, cosigners, store: checkpoints, now: '2026-12-01T00:00:00Z' });
    expect(first.size).toBe(events.length);

    await writeEvents(store, 'more', 2, 2);
    await follower.catchUp();
    const second = takeCheckpoint({ log, cosigners, store: checkpoints, now: '2026-12-01T01:00:00Z' });
    expect(second.size).toBeGreaterThan(first.size);
    const trust = parseTrustFile(keys.map((k) => k.text).join('\n'));
    const cp = verifyCheckpointNote(second.note, trust).checkpoint;
    expect(verifyInclusion(2, cp.size, log.leaf(2)!.hash, log.inclusionProof(2, cp.size), cp.root)).toBe(
      true,
    );
    expect(
      verifyConsistency(
        first.size,
        second.size,
        log.consistencyProof(first.size, second.size),
        log.root(first.size),
        cp.root,
      ),
    ).toBe(true);
    expect(checkpoints.sizes()).toEqual([first.size, second.size]);
    expect(
      readFileSync(join(dir, 'cosigners', 'COURT.jsonl'), 'utf8')
        .trim()
        .split('\n'),
    ).toHaveLength(2);

    // A rewritten history: a tree of the same events with one changed leaf, bigger than the last one signed.
    const forgedLog = new MerkleLog(join(dir, 'forged.db'));
    forgedLog.append(events.map((e, i) => (i === 1 ? { ...e, hash: 'f'.repeat(64) } : e)));
    forgedLog.append(
      Array.from({ length: 20 }, (_, i) => ({
        position: 1000 + i,
        streamId: 'x',
        revision: i,
        hash: 'a'.repeat(64),
      })),
    );
    expect(() =>
      takeCheckpoint({ log: forgedLog, cosigners, store: checkpoints, now: '2026-12-01T02:00:00Z' }),
    ).toThrow(CosignRefusedError);
    expect(() =>
      takeCheckpoint({ log: forgedLog, cosigners, store: checkpoints, now: '2026-12-01T02:00:00Z' }),
    ).toThrow(/COURT refuses to sign: tree size \d+ is not consistent with tree size \d+/);
    expect(checkpoints.sizes()).toEqual([first.size, second.size]);
    forgedLog.close();

    // The tree after a restart reproduces the same root and keeps growing from where it was.
    log.close();
    const reopened = new MerkleLog(join(dir, 'merkle.db'));
    expect(reopened.root().equals(cp.root)).toBe(true);
    reopened.close();
  });
});
