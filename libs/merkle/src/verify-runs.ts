import { closeSync, existsSync, fsyncSync, openSync, readSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';

/** `<data>/verify-runs.jsonl`: one line per `accord verify` run, appended, beside `checkpoints/`. */
export const VERIFY_RUNS_FILE = 'verify-runs.jsonl';

/** The first place a run found the ledger not as written (verify's own break, or the checkpoint's). */
export interface VerifyRunBreak {
  readonly position: number | null;
  readonly streamId: string | null;
  readonly revision: number | null;
  readonly reason: string;
}

/** What one `accord verify` found, as the API shows auditors (GET /ledger/verify-runs/last). */
export interface VerifyRun {
  /** When the run finished (ISO-8601 instant). */
  readonly verifiedAt: string;
  /** The ledger checked: a file, or a server URL without its password. */
  readonly ledger: string;
  /** Everything held: chains, stored bytes, the database's own check and, if given, the checkpoint. */
  readonly ok: boolean;
  /** Null when the run stopped before reading the ledger (a checkpoint note that did not verify). */
  readonly chainsOk: boolean | null;
  readonly streams: number | null;
  readonly events: number | null;
  readonly headPosition: number | null;
  readonly firstBad: VerifyRunBreak | null;
  /** SQLite's integrity check problems; missing immutability triggers (PostgreSQL). */
  readonly storageProblems: readonly string[];
  readonly missingTriggers: readonly string[];
  /** The co-signed checkpoint checked against, when the run was given one. */
  readonly checkpoint: {
    readonly ok: boolean;
    readonly origin: string | null;
    readonly treeSize: number | null;
    readonly signedBy: readonly string[];
    readonly firstBad: VerifyRunBreak | null;
  } | null;
}

/**
 * Appends `run` as one line and fsyncs before returning, so a run reported is a run recorded. An
 * append-only file rather than an event in the ledger: verify opens the ledger read-only (on
 * PostgreSQL in read-only transactions) and must not move the head it has just reported on.
 */
export function recordVerifyRun(dataDir: string, run: VerifyRun): string {
  const file = join(dataDir, VERIFY_RUNS_FILE);
  const fd = openSync(file, 'a', 0o644);
  try {
    writeSync(fd, `${JSON.stringify(run)}\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  return file;
}

// A run's line is well under this; reading only the tail keeps the answer cheap however many runs there were.
const TAIL_BYTES = 64 * 1024;

/** The last complete run recorded under `dataDir`, or undefined. A torn last line (a crash mid-append) is skipped. */
export function lastVerifyRun(dataDir: string): VerifyRun | undefined {
  const file = join(dataDir, VERIFY_RUNS_FILE);
  if (!existsSync(file)) return undefined;
  const size = statSync(file).size;
  const length = Math.min(size, TAIL_BYTES);
  const buffer = Buffer.alloc(length);
  const fd = openSync(file, 'r');
  try {
    readSync(fd, buffer, 0, length, size - length);
  } finally {
    closeSync(fd);
  }
  const lines = buffer.toString('utf8').split('\n');
  for (let i = lines.length - 1; i >= 0; i -= 1) {
    const run = parseRun(lines[i]!);
    if (run !== undefined) return run;
  }
  return undefined;
}

function parseRun(line: string): VerifyRun | undefined {
  if (line.trim() === '') return undefined;
  try {
    const run = JSON.parse(line) as VerifyRun;
    return typeof run?.verifiedAt === 'string' && typeof run.ok === 'boolean' ? run : undefined;
  } catch {
    return undefined;
  }
}
