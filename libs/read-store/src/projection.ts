import type { RecordedEvent } from '@accord/events';
import type { KeyFilter } from './key-filter';
import type { Change, CollectionSpec, Doc, ReadStore } from './read-store';

/** What a projection may do while applying one event: read and write documents of its collections. */
export interface ProjectionTx {
  get<T = Doc>(collection: string, key: string | number): Promise<T | undefined>;
  put(collection: string, key: string | number, doc: Doc): void;
  delete(collection: string, key: string | number): void;
  /** Read another projection's committed documents (never this batch's own writes of it). */
  readonly store: Pick<ReadStore, 'get' | 'find'>;
}

/**
 * One read model. `apply` must be a deterministic function of the events and the projection's own
 * documents, so that a rebuild equals what incremental projection produced. A changed `version`
 * empties the projection's collections and rebuilds it from position 0 on the next start.
 */
export interface Projection {
  readonly name: string;
  readonly version: number;
  readonly collections: readonly CollectionSpec[];
  apply(event: RecordedEvent, tx: ProjectionTx): void | Promise<void>;
  /** Stream kinds it reads (`case`, `letter`, …: the stream id before its first `-`); all when absent. */
  readonly reads?: readonly string[];
  /** Types outside the catalogue it still takes (the audit trail keeps every access event). */
  acceptsUnknown?(event: RecordedEvent): boolean;
}

/** Thrown by a projection for an event it cannot make sense of; the projection stops there. */
export class ProjectionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ProjectionError';
  }
}

/**
 * The writes of one projection during one batch: later writes of a key replace earlier ones. What it
 * reads from the store is kept for the batch too (absent documents included): a key a batch touches
 * again costs no second read, which on a server-backed store is a round trip.
 */
export class BatchTx implements ProjectionTx {
  private readonly writes = new Map<string, Map<string | number, Doc | null>>();
  private readonly reads = new Map<string, Map<string | number, Doc | null>>();

  /**
   * `pending`: earlier batches' writes whose commit is still under way, read before the store.
   * `written`: when the projection started from position 0, every key written since; a key it has
   * never seen is absent without asking the store.
   */
  constructor(
    readonly store: ReadStore,
    private readonly pending?: PendingWrites,
    private readonly written?: KeyFilter,
  ) {}

  async get<T = Doc>(collection: string, key: string | number): Promise<T | undefined> {
    const own = this.writes.get(collection)?.get(key);
    if (own !== undefined) return (own ?? undefined) as T | undefined;
    const pending = this.pending?.get(collection, key);
    if (pending !== undefined) return (pending ?? undefined) as T | undefined;
    let read = this.reads.get(collection);
    if (read === undefined) {
      read = new Map();
      this.reads.set(collection, read);
    }
    const known = read.get(key);
    if (known !== undefined) return (known ?? undefined) as T | undefined;
    if (this.written !== undefined && !this.written.mightHave(collection, key)) {
      read.set(key, null);
      return undefined;
    }
    const doc = await this.store.get<T>(collection, key);
    read.set(key, (doc as Doc | undefined) ?? null);
    return doc;
  }

  put(collection: string, key: string | number, doc: Doc): void {
    this.collection(collection).set(key, doc);
  }

  delete(collection: string, key: string | number): void {
    this.collection(collection).set(key, null);
  }

  changes(): Change[] {
    const out: Change[] = [];
    for (const [collection, docs] of this.writes) {
      for (const [key, doc] of docs) {
        out.push(doc === null ? { op: 'delete', collection, key } : { op: 'put', collection, key, doc });
      }
    }
    return out;
  }

  private collection(name: string): Map<string | number, Doc | null> {
    let docs = this.writes.get(name);
    if (docs === undefined) {
      docs = new Map();
      this.writes.set(name, docs);
    }
    return docs;
  }
}

/**
 * The writes of batches applied but not yet committed, so that the next batch can be applied while
 * they are written and still read them. Each entry is tagged with its batch; once that batch is in
 * the store its entries go, unless a later batch wrote the key again. Entries only ever go while a
 * batch is applied (the store then answers the same), and come only between batches.
 */
export class PendingWrites {
  private readonly docs = new Map<string, Map<string | number, { doc: Doc | null; batch: number }>>();

  /** A pending write of the key (null: deleted), or undefined when none is pending. */
  get(collection: string, key: string | number): Doc | null | undefined {
    return this.docs.get(collection)?.get(key)?.doc;
  }

  add(batch: number, changes: readonly Change[]): void {
    for (const change of changes) {
      let docs = this.docs.get(change.collection);
      if (docs === undefined) {
        docs = new Map();
        this.docs.set(change.collection, docs);
      }
      docs.set(change.key, { doc: change.op === 'put' ? change.doc : null, batch });
    }
  }

  /** The batch is in the store: its writes need no overlay any more. */
  settle(batch: number, changes: readonly Change[]): void {
    for (const change of changes) {
      const docs = this.docs.get(change.collection);
      if (docs?.get(change.key)?.batch === batch) docs.delete(change.key);
    }
  }
}
