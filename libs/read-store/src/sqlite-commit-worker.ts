import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { ReadStoreFencedError } from './read-store';
import { type CommitPlan, CommitRunner, tuneWriter } from './sqlite-commit';

export interface CommitThreadData {
  readonly file: string;
}

export type ToCommitThread = { readonly id: number; readonly plan: CommitPlan } | { readonly close: true };

export type FromCommitThread =
  | { readonly id: number; readonly ok: true }
  | {
      readonly id: number;
      readonly ok: false;
      readonly fenced?: { projection: string; expected: number; found: number | null };
      readonly message: string;
      readonly code?: string;
    }
  | { readonly closed: true };

/**
 * The read store's commit thread (see SqliteReadStore's `commitThread`): its own connection to the
 * read store file, running each plan in one transaction while the projector's thread reads the log
 * and applies the next batch. Plans come and go in order, one at a time.
 */
function serve(data: CommitThreadData): void {
  const port = parentPort!;
  const db = new Database(data.file, { fileMustExist: true });
  tuneWriter(db);
  const runner = new CommitRunner(db);
  port.on('message', (message: ToCommitThread) => {
    if ('close' in message) {
      db.close();
      port.postMessage({ closed: true } satisfies FromCommitThread);
      port.close();
      return;
    }
    try {
      runner.run(message.plan);
      port.postMessage({ id: message.id, ok: true } satisfies FromCommitThread);
    } catch (error) {
      const failure = error instanceof Error ? error : new Error(String(error));
      const code = (failure as { code?: unknown }).code;
      port.postMessage({
        id: message.id,
        ok: false,
        message: failure.message,
        ...(failure instanceof ReadStoreFencedError
          ? { fenced: { projection: failure.projection, expected: failure.expected, found: failure.found } }
          : {}),
        ...(typeof code === 'string' ? { code } : {}),
      } satisfies FromCommitThread);
    }
  });
}

if (parentPort !== null && (workerData as CommitThreadData | undefined)?.file !== undefined)
  serve(workerData as CommitThreadData);
