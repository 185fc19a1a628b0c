import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';

/** Who writes a read store: the projector following the log, or `accord rebuild` replaying it. */
export type ProjectorLockRole = 'projector' | 'rebuild';

export interface ProjectorLockHolder {
  readonly role: ProjectorLockRole;
  readonly pid: number;
  readonly host: string;
  /** ISO instant the lock was taken. */
  readonly since: string;
}

/** Held while a process writes the read models; released by `release()` or by the holder's death. */
export interface ProjectorLock {
  readonly holder: ProjectorLockHolder;
  release(): Promise<void>;
}

export interface AcquireOptions {
  /** Wait for the holder to go (a standby projector) instead of failing at once. */
  readonly wait?: boolean;
  /** How often a waiting acquirer tries again. */
  readonly pollMs?: number;
  /** Called once when a waiting acquirer finds the lock held. */
  readonly onWait?: (holder: ProjectorLockHolder | null) => void;
  /** Stops a waiting acquirer (it then throws `ProjectorLockedError`). */
  readonly signal?: AbortSignal;
}

/**
 * The read models have one writer at a time. Two would interleave batches and checkpoints: a
 * rebuild emptying collections under a running projector, or a projector committing half-way
 * through a replay, leave a read model equal to neither.
 */
export class ProjectorLockedError extends Error {
  constructor(
    readonly role: ProjectorLockRole,
    readonly holder: ProjectorLockHolder | null,
  ) {
    super(
      `the read store is in use by ${describe(holder)}; ` +
        (role === 'rebuild'
          ? 'stop it (npm start / npm run start:projector) before rebuilding'
          : 'only one projector writes a read store at a time'),
    );
    this.name = 'ProjectorLockedError';
  }
}

export const PROJECTOR_LOCK_FILE = 'projector.lock';

/**
 * The SQLite read store's writer lock: an exclusive transaction held open on `<dataDir>/projector.lock`
 * (a file of its own, so the API's readers of read.db never wait on it). The operating system drops
 * SQLite's file lock when the process dies, SIGKILL included, so a crash never leaves a stale lock.
 * Connections of one process exclude each other too. Who holds it is written beside it for the message.
 */
export async function acquireSqliteProjectorLock(
  dataDir: string,
  role: ProjectorLockRole,
  options: AcquireOptions = {},
): Promise<ProjectorLock> {
  const file = join(dataDir, PROJECTOR_LOCK_FILE);
  let waited = false;
  for (;;) {
    const db = new Database(file, { timeout: 0 });
    try {
      db.exec('BEGIN EXCLUSIVE');
    } catch (error) {
      db.close();
      if ((error as { code?: string }).code !== 'SQLITE_BUSY') throw error;
      const holder = readHolder(file);
      if (!options.wait || options.signal?.aborted) throw new ProjectorLockedError(role, holder);
      if (!waited) options.onWait?.(holder);
      waited = true;
      await new Promise((resolve) => setTimeout(resolve, options.pollMs ?? 1000));
      continue;
    }
    const holder: ProjectorLockHolder = {
      role,
      pid: process.pid,
      host: hostname(),
      since: new Date().toISOString(),
    };
    writeHolder(file, holder);
    let released = false;
    return {
      holder,
      async release() {
        if (released) return;
        released = true;
        db.exec('ROLLBACK');
        db.close();
      },
    };
  }
}

function holderFile(lockFile: string): string {
  return `${lockFile}.json`;
}

function writeHolder(lockFile: string, holder: ProjectorLockHolder): void {
  const tmp = `${holderFile(lockFile)}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(holder)}\n`);
  renameSync(tmp, holderFile(lockFile));
}

function readHolder(lockFile: string): ProjectorLockHolder | null {
  try {
    return JSON.parse(readFileSync(holderFile(lockFile), 'utf8')) as ProjectorLockHolder;
  } catch {
    return null;
  }
}

function describe(holder: ProjectorLockHolder | null): string {
  if (holder === null) return 'another process';
  const who = holder.role === 'rebuild' ? 'a rebuild (accord rebuild)' : 'a running projector';
  return `${who}, pid ${holder.pid} on ${holder.host} since ${holder.since}`;
}
