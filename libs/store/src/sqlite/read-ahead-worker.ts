import Database from 'better-sqlite3';
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { READ_AHEAD_ROLE, type ReadAheadBatch, type ReadAheadRequest } from './read-ahead';

/**
 * The read-ahead thread's entry (compiled to read-ahead-worker.js): reads the log after `from` on a
 * read-only connection of its own, one batch per credit, and posts each batch as one JSON array
 * text plus the hashes and positions. Strings cross threads as a copy of their bytes; the parsed
 * events would cross as a structured clone, which costs more than parsing them again.
 */
function serveReadAhead(): void {
  const port = parentPort!;
  const { file, from, limit, depth } = workerData as {
    file: string;
    from: number;
    limit: number;
    depth: number;
  };
  const db = new Database(file, { readonly: true, fileMustExist: true });
  db.pragma('busy_timeout = 5000');
  const after = db
    .prepare('SELECT envelope, hash, position FROM events WHERE position > ? ORDER BY position LIMIT ?')
    .raw();
  let cursor = from;
  let credits = depth;
  let finished = false;
  let scheduled = false;

  const readNext = (): void => {
    scheduled = false;
    if (finished || credits === 0) return;
    credits -= 1;
    const rows = after.all(cursor, limit) as [string, string, number][];
    const positions = new Float64Array(rows.length);
    const hashes = new Array<string>(rows.length);
    let text = '[';
    for (let i = 0; i < rows.length; i++) {
      const [envelope, hash, position] = rows[i]!;
      if (i > 0) text += ',';
      text += envelope;
      hashes[i] = hash;
      positions[i] = position;
    }
    text += ']';
    const batch: ReadAheadBatch = { after: cursor, text, hashes, positions };
    if (rows.length > 0) cursor = positions[rows.length - 1]!;
    // A short batch is the head as it stands: the subscription reads on by itself from there.
    finished = rows.length < limit;
    port.postMessage(batch, [positions.buffer]);
    if (finished) db.close();
    else schedule();
  };
  // One batch per turn of this thread's loop, so that credits and the end of the rebuild get through.
  const schedule = (): void => {
    if (scheduled || finished || credits === 0) return;
    scheduled = true;
    setImmediate(readNext);
  };

  port.on('message', (message: ReadAheadRequest) => {
    if (message.type === 'credit') {
      credits += 1;
      schedule();
    }
  });
  schedule();
}

if (!isMainThread && (workerData as { role?: unknown } | null)?.role === READ_AHEAD_ROLE) serveReadAhead();
