import { Inject, Injectable, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { join } from 'node:path';
import {
  CHECKPOINT_DIR,
  CheckpointStore,
  MERKLE_FILE,
  MerkleLog,
  TreeFollower,
  TreeFollowerThread,
} from '@accord/merkle';
import { type EventStore, SqliteEventStore } from '@accord/store';
import type { ApiConfig } from '@accord/config';
import { API_CONFIG, EVENT_STORE } from '../../pipeline/tokens';

/**
 * The API's view of the Merkle tree (`<data>/merkle.db`), kept up by a follower of the store so
 * appends never wait for it, and of the co-signed checkpoints (`<data>/checkpoints/`). The API
 * holds no signing key: checkpoints are signed by the agencies' cosigners (`accord checkpoint`).
 *
 * On the embedded ledger the follower runs on a thread of its own (ACCORD_TREE_THREAD=on, the
 * default) and this process only reads the tree file; otherwise it runs here.
 */
@Injectable()
export class LedgerTree implements OnModuleInit, OnApplicationShutdown {
  private log: MerkleLog | undefined;
  private follower: Pick<TreeFollower, 'waitFor' | 'stop'> | undefined;
  readonly checkpoints: CheckpointStore;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {
    this.checkpoints = new CheckpointStore(join(config.dataDir, CHECKPOINT_DIR));
  }

  async onModuleInit(): Promise<void> {
    const file = join(this.config.dataDir, MERKLE_FILE);
    if (this.config.treeThread === 'on' && this.store instanceof SqliteEventStore) {
      const thread = new TreeFollowerThread(this.store.file, file);
      this.follower = thread;
      // The thread opens (and, if damaged, replaces) the tree file first; this process then reads it.
      await thread.started();
      this.log = new MerkleLog(file);
      return;
    }
    this.log = new MerkleLog(file);
    const follower = new TreeFollower(this.store, this.log);
    this.follower = follower;
    follower.start();
  }

  /** The tree once it holds every event committed when asked (read-your-writes for proofs). */
  async current(): Promise<MerkleLog> {
    const head = await this.store.headPosition();
    await this.follower!.waitFor(head);
    this.log!.refresh();
    return this.log!;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.follower?.stop();
    this.log?.close();
  }
}
