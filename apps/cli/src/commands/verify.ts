import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
  MERKLE_FILE,
  MerkleLog,
  parseTrustFile,
  recordVerifyRun,
  REQUIRED_SIGNERS,
  VERIFY_RUNS_FILE,
  type VerifyRun,
  verifyCheckpointNote,
  type VerifiedCheckpoint,
} from '@accord/merkle';
import { chosenDataDir } from '@accord/config';
import { LEDGER_FILE } from '@accord/store';
import { type CliCommand, type CliIo, EXIT_FAILED, EXIT_OK, EXIT_USAGE, UsageError } from '../cli';
import {
  type CheckpointReport,
  ThreadedCheckpointRebuild,
  verifyCheckpoint,
} from '../verify/verify-checkpoint';
import { formatVerifyReport, verifyLedger } from '../verify/verify-ledger';
import { VerifyThread } from '../verify/verify-thread';
import { NoLedgerError, type OpenedLedger, openLedgerForVerify } from './verify-open';

const help = `Usage: accord verify [--data DIR] [--json] [--checkpoint FILE --trusted-keys FILE]

Checks that no stored event of the ledger has been changed: reads the whole log in commit order
and, for every stream, checks revision continuity from 0, that each prevHash links to the
previous event's hash, and that each hash matches the event's canonical bytes (RFC 8785,
SHA-256). Then checks the storage itself (SQLite: every row's columns agree with its envelope and
the envelope is byte-for-byte canonical) and runs SQLite's own integrity check (damaged pages
and indexes); on PostgreSQL the same row checks, and that its immutability triggers are in place.

Which ledger: --data DIR, else the store the API is configured with: ACCORD_EVENT_STORE=postgres
with ACCORD_PG_URL, or =esdb with ACCORD_ESDB_URL (chains only), else the embedded one.
Verify only reads; on PostgreSQL its transactions are read-only.

With --checkpoint, also checks a co-signed checkpoint (accord checkpoint export): that every
agency in the trust file signed it (${REQUIRED_SIGNERS.join(', ')} are all required), then
rebuilds the Merkle tree from the ledger and checks that its first N events hash to the signed
root. This catches what the chains cannot: a stream re-hashed from scratch, deleted tails or
streams, events moved between positions. It names the first event that differs.

Options:
  --data DIR            ledger directory holding ${LEDGER_FILE} (default: $ACCORD_DATA_DIR, else ./data)
  --json                print the report as one JSON object
  --checkpoint FILE     a signed checkpoint note
  --trusted-keys FILE   the agencies' public keys, one per line (accord keys generate prints them)
  -h, --help            show this help

Each run that reads a ledger, or rejects a checkpoint note, is recorded: one JSON line appended to
DIR/${VERIFY_RUNS_FILE} (the data directory as above, also for a server's ledger), which auditors
read through GET /ledger/verify-runs/last and the dashboard's audit view. Nothing else is written.

Exit codes:
  0  ledger intact:  "ledger intact: 12 streams, 340 events, head position 340"
  1  ledger broken, naming the first broken stream and revision (lowest position) and why:
     "ledger BROKEN at stream case-1 revision 3 (position 17): hash mismatch"
     or "ledger does NOT match the checkpoint at position 17 (stream case-1 revision 3): …"
  2  usage error, or no ledger at DIR (verify never creates one)

Limits: without --checkpoint, a hash chain cannot reveal that the newest events of a stream were cut off,
nor that the whole tail of the log was, nor a stream rewritten and re-hashed whole.`;

const verifyCommand: CliCommand = {
  name: 'verify',
  summary: 'Check the ledger for tampering (hash chains and stored bytes)',
  help,
  async run(args: readonly string[], io: CliIo): Promise<number> {
    const flags = parse(args);
    let signed: VerifiedCheckpoint | undefined;
    if (flags.checkpoint !== undefined) {
      try {
        const trusted = parseTrustFile(readFileSync(resolve(io.cwd, flags.trustedKeys!), 'utf8'));
        signed = verifyCheckpointNote(readFileSync(resolve(io.cwd, flags.checkpoint), 'utf8'), trusted);
      } catch (error) {
        const reason = (error as Error).message;
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
          io.err(`accord verify: ${reason}`);
          return EXIT_USAGE;
        }
        if (flags.json) io.out(JSON.stringify({ ok: false, checkpoint: { ok: false, reason } }));
        else io.out(`checkpoint REJECTED: ${reason}`);
        record(io, flags.data, {
          // Not opened: the run stopped at the note. Named as verify would have opened it.
          ledger:
            flags.data !== undefined || !io.env.ACCORD_EVENT_STORE?.trim()
              ? resolve(chosenDataDir(io.env, flags.data, io.cwd), LEDGER_FILE)
              : io.env.ACCORD_EVENT_STORE.trim(),
          ok: false,
          chainsOk: null,
          streams: null,
          events: null,
          headPosition: null,
          firstBad: null,
          storageProblems: [],
          missingTriggers: [],
          checkpoint: {
            ok: false,
            origin: null,
            treeSize: null,
            signedBy: [],
            firstBad: { position: null, streamId: null, revision: null, reason },
          },
        });
        return EXIT_FAILED;
      }
    }

    let ledger: OpenedLedger;
    try {
      ledger = await openLedgerForVerify(flags.data, io);
    } catch (error) {
      if (!(error instanceof NoLedgerError)) throw error;
      io.err(`accord verify: ${error.message}`);
      return EXIT_USAGE;
    }
    const { store } = ledger;
    // SQLite's integrity check and the tree's hashing run on a second thread beside the chain check,
    // which feeds the tree in the same pass; a second pass only if the chain check stopped early.
    const thread = new VerifyThread({
      sqliteFile: ledger.dataDir === undefined ? undefined : resolve(ledger.dataDir, LEDGER_FILE),
      tree: signed !== undefined,
    });
    const rebuild = signed && new ThreadedCheckpointRebuild(signed.checkpoint, thread);
    try {
      const report = await verifyLedger(store, { onEvent: rebuild && ((event) => rebuild.add(event)) });
      // Before waiting for the integrity check: the tree is hashed here if that check holds the thread.
      if (report.ok) rebuild?.end();
      const missingTriggers = await ledger.missingTriggers();
      const sqlite = await thread.integrity;
      let against: CheckpointReport | undefined;
      if (signed) {
        const guideFile = ledger.dataDir === undefined ? undefined : join(ledger.dataDir, MERKLE_FILE);
        const guide = guideFile !== undefined && existsSync(guideFile) ? new MerkleLog(guideFile) : undefined;
        try {
          against =
            report.ok && rebuild
              ? await rebuild.finish(guide)
              : await verifyCheckpoint(store, signed.checkpoint, guide);
        } finally {
          guide?.close();
        }
      }
      const ok = report.ok && sqlite.length === 0 && (against?.ok ?? true);
      record(io, flags.data, {
        ledger: ledger.label,
        ok,
        chainsOk: report.ok,
        streams: report.streams,
        events: report.events,
        headPosition: report.headPosition,
        firstBad: report.break && {
          position: report.break.position,
          streamId: report.break.streamId,
          revision: report.break.revision,
          reason: `${report.break.kind}: ${report.break.reason}`,
        },
        storageProblems: sqlite,
        missingTriggers,
        checkpoint:
          signed && against
            ? {
                ok: against.ok,
                origin: signed.checkpoint.origin,
                treeSize: signed.checkpoint.size,
                signedBy: signed.signedBy,
                firstBad: against.break && {
                  position: against.break.position,
                  streamId: against.break.streamId,
                  revision: against.break.revision,
                  reason: against.break.reason,
                },
              }
            : null,
      });
      if (flags.json) {
        const checkpoint = signed && {
          origin: signed.checkpoint.origin,
          signedBy: signed.signedBy,
          ...against,
        };
        io.out(
          JSON.stringify({
            ledger: ledger.label,
            ...report,
            ok,
            chainsOk: report.ok,
            missingTriggers,
            sqliteIntegrity: sqlite,
            ...(checkpoint ? { checkpoint } : {}),
          }),
        );
      } else {
        io.out(formatVerifyReport(report));
        if (sqlite.length > 0)
          io.out(`ledger storage DAMAGED (SQLite integrity check): ${sqlite.join('; ')}`);
        if (signed && against) io.out(formatCheckpointReport(signed, against));
        if (missingTriggers.length > 0)
          io.err(`warning: the ledger's immutability triggers are missing (${missingTriggers.join(', ')})`);
      }
      return ok ? EXIT_OK : EXIT_FAILED;
    } finally {
      await thread.close();
      await store.close();
    }
  },
};

/**
 * Appends the run to the data directory's record for the API to show auditors. A data directory
 * that does not exist is not created (verify never leaves a ledger directory behind); a record that
 * cannot be written is a warning, never a changed verdict.
 */
function record(io: CliIo, dataFlag: string | undefined, run: Omit<VerifyRun, 'verifiedAt'>): void {
  const dir = chosenDataDir(io.env, dataFlag, io.cwd);
  try {
    if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new Error(`no directory ${dir}`);
    recordVerifyRun(dir, { verifiedAt: new Date().toISOString(), ...run });
  } catch (error) {
    io.err(`warning: this run is not recorded in ${VERIFY_RUNS_FILE}: ${(error as Error).message}`);
  }
}

function formatCheckpointReport(signed: VerifiedCheckpoint, report: CheckpointReport): string {
  const { origin, size } = signed.checkpoint;
  if (report.error !== undefined)
    return `ledger NOT checked against the checkpoint of tree size ${size}: ${report.error}`;
  if (report.ok)
    return `ledger consistent with checkpoint ${origin} tree size ${size} (signed by ${signed.signedBy.join(', ')})`;
  const b = report.break!;
  const where =
    b.position === null
      ? b.leaf === null
        ? ''
        : ` at leaf ${b.leaf}`
      : ` at position ${b.position} (stream ${b.streamId} revision ${b.revision})`;
  return `ledger does NOT match the checkpoint of tree size ${size}${where}: ${b.reason}`;
}

function parse(args: readonly string[]): {
  data?: string;
  json: boolean;
  checkpoint?: string;
  trustedKeys?: string;
} {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...args],
      options: {
        data: { type: 'string' },
        json: { type: 'boolean', default: false },
        checkpoint: { type: 'string' },
        'trusted-keys': { type: 'string' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if ((values.checkpoint === undefined) !== (values['trusted-keys'] === undefined))
    throw new UsageError('--checkpoint and --trusted-keys go together');
  return {
    data: values.data,
    json: values.json ?? false,
    checkpoint: values.checkpoint,
    trustedKeys: values['trusted-keys'],
  };
}

export default verifyCommand;
