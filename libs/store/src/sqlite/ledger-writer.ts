import type { ProposedEvent, RecordedEvent } from '@accord/events';
import Database from 'better-sqlite3';
import {
  checkExpectedRevision,
  findReplay,
  nextRecordedAt,
  prevHashOf,
  recordedFromText,
  replayResult,
  sealEvent,
  type StoredPlace,
  type StreamHead,
} from '../append-rules';
import type { ExpectedRevision } from '../event-store';
import { prepareWrites, type Row } from './schema';
import { toWire, type WireError } from './wire';

/** One append as the writer receives it: plain data, as it may cross to the writer thread. */
export interface AppendRequest {
  readonly streamId: string;
  readonly events: readonly ProposedEvent[];
  readonly expectedRevision: ExpectedRevision;
}

export interface WrittenAppend {
  readonly streamId: string;
  readonly nextExpectedRevision: number;
  readonly position: number;
  /** The stored rows, parsed back into RecordedEvents only when someone asks. */
  readonly rows: Row[];
  /** Rows an earlier append wrote (an idempotent retry): not new to the log. */
  readonly replayed: boolean;
  /**
   * The rows as parsed back before COMMIT, when the writer runs on the store's own thread: the
   * append's answer hands them on, so the command that appended them does not parse its events a
   * second time. Left out on the writer thread, where they would only add to the structured clone.
   */
  readonly parsed?: RecordedEvent[];
}

export type WireOutcome = { readonly ok: WrittenAppend } | { readonly error: WireError };

/**
 * The write side of one ledger file: the append rules inside one transaction per batch (group
 * commit), each append in its own savepoint so it keeps its own expected-revision check and its
 * own failure. Runs on the store's connection or, in the writer thread, on a connection of its own.
 */
export class LedgerWriter {
  private readonly db: Database.Database;
  private readonly stmt: ReturnType<typeof prepareWrites>;
  private readonly commitBatch: (nowMs: number, batch: readonly AppendRequest[]) => WireOutcome[];
  private readonly appendOne: (request: AppendRequest, recordedAt: string) => WrittenAppend;
  private readonly owned: boolean;
  /** On the store's own connection: hand the parsed rows back with the written ones. */
  private readonly keepParsed: boolean;

  /** On a connection of its own (the writer thread), or on the store's (set up by the store). */
  /**
   * `synchronous`: FULL, each COMMIT fsyncs the WAL before it returns; NORMAL, it does not, and the
   * caller must sync before it answers anyone (GroupCommit with WalSync).
   */
  constructor(
    target: string | Database.Database,
    busyTimeoutMs = 5000,
    synchronous: 'FULL' | 'NORMAL' = 'FULL',
  ) {
    this.owned = typeof target === 'string';
    this.keepParsed = !this.owned;
    this.db = typeof target === 'string' ? new Database(target, { fileMustExist: true }) : target;
    try {
      this.db.pragma(`busy_timeout = ${busyTimeoutMs}`);
      // Per connection: this is the one that commits, so it is the one that must fsync (or not).
      this.db.pragma(`synchronous = ${synchronous}`);
      this.stmt = prepareWrites(this.db);
    } catch (error) {
      if (this.owned) this.db.close();
      throw error;
    }
    // Nested better-sqlite3 transactions run as savepoints inside the batch's BEGIN IMMEDIATE.
    this.appendOne = this.db.transaction((request: AppendRequest, recordedAt: string) =>
      this.write(request, recordedAt),
    );
    this.commitBatch = this.db.transaction((nowMs: number, batch: readonly AppendRequest[]) => {
      const recordedAt = nextRecordedAt(
        new Date(nowMs),
        this.stmt.lastRecordedAt.get() as string | undefined,
      );
      return batch.map((request): WireOutcome => {
        try {
          return { ok: this.appendOne(request, recordedAt) };
        } catch (error) {
          // An I/O or disk-full error can roll back the whole transaction: then the batch fails as one.
          if (!this.db.inTransaction) throw error;
          return { error: toWire(error) };
        }
      });
    }).immediate;
  }

  commit(nowMs: number, batch: readonly AppendRequest[]): WireOutcome[] {
    return this.commitBatch(nowMs, batch);
  }

  close(): void {
    if (this.owned && this.db.open) this.db.close();
  }

  /** One append inside its savepoint; the head is read here, under the write lock, so another process cannot fork a chain. */
  private write({ streamId, events, expectedRevision }: AppendRequest, recordedAt: string): WrittenAppend {
    const replay = findReplay(streamId, events, (id) => this.placeOf(id));
    if (replay !== undefined) {
      const rows = this.stmt.stream.all(streamId, replay.fromRevision, replay.toRevision) as Row[];
      const replayed = replayResult(
        streamId,
        rows.map(([text, hash, position]) => recordedFromText(text, hash, position)),
        events.length,
      );
      const { nextExpectedRevision, position } = replayed;
      return { streamId, nextExpectedRevision, position, rows, replayed: true };
    }

    const headRow = this.stmt.head.get(streamId) as [number, string] | undefined;
    let head: StreamHead | undefined = headRow && { revision: headRow[0], hash: headRow[1] };
    checkExpectedRevision(streamId, expectedRevision, head);

    const rows: Row[] = [];
    const parsed: RecordedEvent[] | undefined = this.keepParsed ? [] : undefined;
    for (const proposed of events) {
      const revision = head === undefined ? 0 : head.revision + 1;
      const sealed = sealEvent(proposed, streamId, revision, recordedAt, prevHashOf(head));
      const { lastInsertRowid } = this.stmt.insert.run(
        streamId,
        revision,
        proposed.eventId,
        sealed.envelope.type,
        recordedAt,
        sealed.text,
        sealed.hash,
      );
      // Parsed back before COMMIT, as reads will: a value JSON cannot hold (a function) gives text
      // that does not parse, and must fail this append rather than reach the ledger.
      const event = recordedFromText(sealed.text, sealed.hash, Number(lastInsertRowid));
      parsed?.push(event);
      rows.push([sealed.text, sealed.hash, Number(lastInsertRowid)]);
      head = { revision, hash: sealed.hash };
    }
    const position = rows[rows.length - 1][2];
    return { streamId, nextExpectedRevision: head!.revision, position, rows, replayed: false, parsed };
  }

  private placeOf(eventId: string): StoredPlace | undefined {
    const row = this.stmt.place.get(eventId) as [string, number] | undefined;
    return row && { streamId: row[0], revision: row[1] };
  }
}
