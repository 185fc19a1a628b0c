// @ts-check
'use strict';
/*
 * Verify's second thread (the other side of VerifyThread, verify-thread.ts): SQLite's integrity
 * check of the ledger file, then the Merkle tree over the leaf inputs the chain check hands over,
 * hashed with libs/merkle's tree-kernel.js (the code eventLeafHash and CompactRange run). Plain
 * JavaScript, so the thread starts without a TypeScript loader.
 *
 * Leaf inputs arriving during the integrity check wait in the port and are hashed after it, unless
 * the main thread, done with the chains before the check was, hashed the tree itself (it says so in
 * the shared flags: VerifyThread.root). An input the kernel cannot read throws, which ends the
 * thread: the rebuild then fails, never passes.
 */
const { parentPort, workerData } = require('node:worker_threads');

/** @typedef {import('./verify-thread').VerifyThreadData} VerifyThreadData */
/** @typedef {import('./verify-thread').ToThread} ToThread */
/** @typedef {import('./verify-thread').FromThread} FromThread */

if (!parentPort) throw new Error('verify-worker.js runs as a worker thread');
const port = parentPort;
const data = /** @type {VerifyThreadData} */ (workerData);
// Indexes into data.flags: verify-thread.ts's INTEGRITY_DONE and TREE_HERE.
const INTEGRITY_DONE = 0;
const TREE_HERE = 1;

/** @param {FromThread} message */
function post(message) {
  port.postMessage(message);
}

if (data.kernel) {
  const { appendLeafInputs, edgeRoot } =
    /** @type {Pick<typeof import('@accord/merkle'), 'appendLeafInputs' | 'edgeRoot'>} */ (
      require(data.kernel)
    );
  /** @type {(string | undefined)[]} */
  const edge = [];
  let size = 0;
  port.on('message', (/** @type {ToThread} */ message) => {
    if (message.type === 'leaves') {
      const bytes = Buffer.from(message.bytes.buffer, message.bytes.byteOffset, message.end);
      if (!(data.flags && Atomics.load(data.flags, TREE_HERE) === 1))
        size += appendLeafInputs(edge, size, bytes, bytes.length);
    } else if (message.type === 'root') {
      post({ type: 'root', size, root: edgeRoot(edge) ?? null });
    }
  });
}

if (data.sqliteFile !== undefined && data.driver !== undefined) {
  const Database = /** @type {typeof import('better-sqlite3')} */ (require(data.driver));
  /** @type {import('better-sqlite3').Database | undefined} */
  let db;
  /** @type {string[]} */
  let problems;
  try {
    db = new Database(data.sqliteFile, { readonly: true, fileMustExist: true });
    const rows = /** @type {{ integrity_check: string }[]} */ (db.pragma('integrity_check(20)'));
    const messages = rows.map((r) => r.integrity_check);
    problems = messages.length === 1 && messages[0] === 'ok' ? [] : messages;
  } catch (error) {
    problems = [error instanceof Error ? error.message : String(error)];
  } finally {
    if (db) db.close();
  }
  if (data.flags) Atomics.store(data.flags, INTEGRITY_DONE, 1);
  post({ type: 'integrity', problems });
}
