/**
 * The read-store port. Read models are collections of JSON documents, each with a few typed fields
 * that queries filter and order on. Nothing here is SQL: the SQLite and PostgreSQL adapters each map
 * a collection to a table with one column per field. Every call returns a promise because a
 * server-backed store needs one; the embedded SQLite store answers with settled ones.
 */

export type FieldType = 'text' | 'integer';
export type FieldValue = string | number | null;

/** A document's field as its column holds it (SQLite and PostgreSQL alike): booleans as 0/1, objects as JSON. */
export function fieldValue(value: unknown): FieldValue {
  if (value === undefined || value === null) return null;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'number' || typeof value === 'string') return value;
  return JSON.stringify(value);
}

export interface FieldSpec {
  readonly name: string;
  readonly type: FieldType;
  /** Queries filter or order on it: the adapter keeps an index. */
  readonly indexed?: boolean;
}

export interface CollectionSpec {
  /** Unique across every projection; letters, digits and `_` only. */
  readonly name: string;
  readonly keyType: FieldType;
  /** Top-level document properties copied into queryable fields on every write. */
  readonly fields: readonly FieldSpec[];
  /** Composite indexes, each a list of field names, for the queries that need them. */
  readonly indexes?: readonly (readonly string[])[];
}

export type Doc = object;

/** One condition on a field. `has` tests membership in a `|a|b|` token set field. */
export type Condition =
  | { readonly field: string; readonly op: '=' | '!=' | '<' | '<=' | '>' | '>='; readonly value: FieldValue }
  | { readonly field: string; readonly op: 'in'; readonly value: readonly FieldValue[] }
  | { readonly field: string; readonly op: 'has'; readonly value: string }
  | { readonly field: string; readonly op: 'null' | 'notNull' };

/** Every entry of `all` holds, and at least one of each `any` group (when given). */
export interface Where {
  readonly all?: readonly Condition[];
  readonly any?: readonly (readonly Condition[])[];
}

export interface FindQuery extends Where {
  readonly orderBy?: readonly { readonly field: string; readonly direction: 'asc' | 'desc' }[];
  readonly limit?: number;
}

export type Change =
  | {
      readonly op: 'put';
      readonly collection: string;
      readonly key: string | number;
      readonly doc: Doc;
    }
  | { readonly op: 'delete'; readonly collection: string; readonly key: string | number };

export type ProjectionStatus = 'running' | 'stuck';

export interface Checkpoint {
  readonly projection: string;
  readonly version: number;
  /** Last log position whose changes are in the read model. */
  readonly position: number;
  readonly status: ProjectionStatus;
  /** The position of the event it could not apply, when stuck. */
  readonly stuckAt: number | null;
  readonly error: string | null;
}

/** A projection's batch: its changes and its new checkpoint, applied together or not at all. */
export interface BatchWrite {
  readonly projection: string;
  readonly changes: readonly Change[];
  readonly position: number;
  /**
   * The checkpoint this batch continues from. The store refuses the whole commit when the stored
   * checkpoint is elsewhere (ReadStoreFencedError): another writer moved it, so applying this batch
   * would apply events twice.
   */
  readonly from?: number;
}

/** The right to write some projections, held by one projector at a time. */
export interface WriterLease {
  /** Settles when the lease is lost without release() (its connection died): stop writing. */
  readonly lost: Promise<Error>;
  release(): Promise<void>;
}

export interface ClaimOptions {
  /**
   * Wait for the current holder to go away instead of refusing (a hot standby). Only a store whose
   * lock dies with its holder's connection can offer it: PostgreSQL does; SQLite always refuses.
   */
  readonly wait?: boolean;
  /** Called once when the claim has to wait. */
  readonly onWaiting?: (holder: string) => void;
}

export interface ReadStore {
  /**
   * Makes the collections exist. A projection whose stored version differs from `version` (or that
   * has none) has its collections emptied and its checkpoint reset to 0: it rebuilds from the log.
   * Returns the names of the projections that were reset.
   */
  prepare(
    projections: readonly { name: string; version: number; collections: readonly CollectionSpec[] }[],
  ): Promise<string[]>;
  /** Opens collections for querying without creating or resetting anything (the API's side). */
  attach(projections: readonly { name: string; collections: readonly CollectionSpec[] }[]): Promise<void>;
  /** Empties the named projections' collections and resets their checkpoints to 0. */
  reset(projections: readonly string[]): Promise<void>;
  /**
   * Optional, for a replay from position 0 into emptied collections: drops what only queries need
   * (secondary indexes), so the replay writes less; `restoreIndexes` builds it again in one pass.
   * Opening the collections again (`prepare`) also restores it, so a replay that died midway leaves
   * no read model without its indexes once the projector starts.
   */
  deferIndexes?(projections: readonly string[]): Promise<void>;
  restoreIndexes?(projections: readonly string[]): Promise<void>;
  checkpoints(): Promise<Checkpoint[]>;
  /** Every write and every checkpoint in one transaction: after a crash, all or none is there. */
  commit(batches: readonly BatchWrite[]): Promise<void>;
  /** Records that a projection stopped at `stuckAt` (its checkpoint is the last good position). */
  markStuck(projection: string, stuckAt: number, error: string): Promise<void>;
  /**
   * Claims the right to write the named projections, so that two projectors (or a rebuild beside a
   * running projector) never interleave their batches. Refuses with ReadStoreBusyError when another
   * live writer holds it, unless `wait`.
   */
  claimWriter(projections: readonly string[], options?: ClaimOptions): Promise<WriterLease>;
  get<T = Doc>(collection: string, key: string | number): Promise<T | undefined>;
  find<T = Doc>(collection: string, query?: FindQuery): Promise<T[]>;
  count(collection: string, where?: Where): Promise<number>;
  /** Every document of a collection in key order, in pages (for dumps and exports). */
  scan<T = Doc>(collection: string, batchSize?: number): AsyncIterable<T>;
  close(): Promise<void>;
}

/** A query on a collection the projector has not created yet (first start, before its first batch). */
export class ReadModelMissingError extends Error {
  constructor(readonly collection: string) {
    super(`read model ${collection} does not exist yet (has the projector run?)`);
    this.name = 'ReadModelMissingError';
  }
}

/** Another projector (or a rebuild) is writing these read models. */
export class ReadStoreBusyError extends Error {
  constructor(readonly holder: string) {
    super(
      `the read store is being written by ${holder}: stop it first (one projector per read store; ` +
        `accord rebuild needs the projector stopped)`,
    );
    this.name = 'ReadStoreBusyError';
  }
}

/** A batch's checkpoint moved under it: another writer took over. Nothing of the batch was written. */
export class ReadStoreFencedError extends Error {
  constructor(
    readonly projection: string,
    readonly expected: number,
    readonly found: number | null,
  ) {
    super(
      `read store: projection ${projection} is at ${found ?? 'no checkpoint'}, not ${expected}: ` +
        'another projector wrote it; this one stops',
    );
    this.name = 'ReadStoreFencedError';
  }
}

/** The read store's server cannot be reached or cannot serve now. */
export class ReadStoreUnavailableError extends Error {
  readonly code = 'READ_STORE_UNAVAILABLE';
  constructor(readonly reason: string) {
    super(`the read store is unavailable: ${reason}`);
    this.name = 'ReadStoreUnavailableError';
  }
}

/** A collection's secondary indexes, named as both adapters name them: one per indexed field, then its composite ones. */
export function secondaryIndexes(spec: CollectionSpec): { name: string; columns: readonly string[] }[] {
  const table = `rm_${spec.name}`;
  return [
    ...spec.fields.filter((f) => f.indexed).map((f) => ({ name: `${table}_${f.name}`, columns: [f.name] })),
    ...(spec.indexes ?? []).map((columns) => ({ name: `${table}_${columns.join('_')}`, columns })),
  ];
}

/** A `|a|b|` token set for `has` conditions. */
export function tokenSet(values: readonly string[]): string {
  return values.length === 0 ? '' : `|${values.join('|')}|`;
}
