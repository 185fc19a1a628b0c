import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { SqliteEventStore } from '@accord/store';
import { MerkleLog } from './merkle-log';
import { TreeFollower } from './tree-follower';

export const TREE_ROLE = 'accord-tree-follower';

export interface TreeThreadData {
  readonly role: typeof TREE_ROLE;
  readonly ledgerFile: string;
  readonly treeFile: string;
  readonly pollMs?: number;
}

export type TreeThreadCommand = { type: 'wait'; id: number; position: number } | { type: 'stop' };

export type TreeThreadReply =
  | { type: 'ready' }
  | { type: 'reached'; id: number }
  | { type: 'failed'; id?: number; message: string }
  | { type: 'stopped' };

/**
 * The thread's side (see TreeFollowerThread): a TreeFollower over its own read-only connection to
 * the ledger file, writing the tree file, answering "tell me when you hold position n".
 */
function serveTree(data: TreeThreadData): void {
  const port = parentPort!;
  const post = (reply: TreeThreadReply) => port.postMessage(reply);
  const message = (error: unknown) => (error instanceof Error ? error.message : String(error));
  let store: SqliteEventStore;
  let log: MerkleLog;
  let follower: TreeFollower;
  try {
    store = new SqliteEventStore(data.ledgerFile, { readonly: true });
    log = new MerkleLog(data.treeFile);
    follower = new TreeFollower(store, log, { pollMs: data.pollMs });
  } catch (error) {
    post({ type: 'failed', message: message(error) });
    port.close();
    return;
  }
  follower.start();
  post({ type: 'ready' });
  port.on('message', (command: TreeThreadCommand) => {
    if (command.type === 'wait') {
      follower.waitFor(command.position).then(
        () => post({ type: 'reached', id: command.id }),
        (error: unknown) => post({ type: 'failed', id: command.id, message: message(error) }),
      );
      return;
    }
    void (async () => {
      await follower.stop().catch(() => undefined);
      log.close();
      await store.close();
      post({ type: 'stopped' });
      port.close();
    })();
  });
}

if (!isMainThread && (workerData as { role?: unknown } | null)?.role === TREE_ROLE)
  serveTree(workerData as TreeThreadData);
