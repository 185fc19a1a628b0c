import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { LedgerWriter } from './ledger-writer';
import { fromWire, toWire, WRITER_ROLE, type WireError, type WriterReply, type WriterRequest } from './wire';

/**
 * The writer thread's entry (compiled to writer-worker.js; see writer-thread.ts for how it is
 * loaded from sources): one LedgerWriter per open store, requests answered in order.
 */
function serveWriter(): void {
  const port = parentPort!;
  const writers = new Map<number, LedgerWriter | WireError>();
  port.on('message', (message: WriterRequest) => {
    let reply: WriterReply;
    try {
      if (message.type === 'open') {
        try {
          writers.set(message.store, new LedgerWriter(message.file, message.busyTimeoutMs));
        } catch (error) {
          writers.set(message.store, toWire(error));
        }
        reply = { id: message.id };
      } else if (message.type === 'commit') {
        const writer = writers.get(message.store);
        if (!(writer instanceof LedgerWriter))
          throw writer === undefined ? new Error('the ledger is not open for writing') : fromWire(writer);
        reply = { id: message.id, outcomes: writer.commit(message.nowMs, message.batch) };
      } else {
        const writer = writers.get(message.store);
        if (writer instanceof LedgerWriter) writer.close();
        writers.delete(message.store);
        reply = { id: message.id };
      }
    } catch (error) {
      reply = { id: message.id, error: toWire(error) };
    }
    port.postMessage(reply);
  });
}

if (!isMainThread && (workerData as { role?: unknown } | null)?.role === WRITER_ROLE) serveWriter();
