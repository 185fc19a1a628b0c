import type { RecordedEvent } from '@accord/events';
import { recordedFromText } from '../append-rules';
import type { Row } from './schema';

/** A row this process committed, parsed at most once however many read it. */
export interface Stored {
  readonly row: Row;
  event?: RecordedEvent;
}

export function eventOf(stored: Stored): RecordedEvent {
  return (stored.event ??= recordedFromText(stored.row[0], stored.row[1], stored.row[2]));
}

const RECENT_COMMITS = 1024;
const KNOWN_STREAMS = 20_000;

/**
 * What the log holds after a position, for `readStream` to answer "nothing newer" without asking
 * SQLite for every stream: a read starts a transaction and, after any commit by another connection
 * (our writer thread's included), re-reads the index pages. `through` is a position this store has
 * seen every event up to (its own commits, contiguous, and scans of the file); `last` holds, for
 * streams read from the file since, an upper bound of their last revision, raised by every event
 * seen after. One scan of `position > through` per event-loop turn, started after the reads that
 * wait for it, proves the bound is still current: another process's commit shows up in that scan.
 */
export class LogTail {
  through: number;
  private readonly last = new Map<string, number>();

  constructor(through: number) {
    this.through = through;
  }

  /** Registers what a read of the file just showed: valid as every event up to `through` was in its snapshot. */
  read(streamId: string, lastRevision: number): void {
    this.last.delete(streamId);
    this.last.set(streamId, lastRevision);
    if (this.last.size > KNOWN_STREAMS) this.last.delete(this.last.keys().next().value as string);
  }

  /** An event seen: raises its stream's bound (raising an upper bound is always safe). */
  saw(streamId: string, revision: number): void {
    const known = this.last.get(streamId);
    if (known !== undefined && revision > known) this.last.set(streamId, revision);
  }

  lastRevision(streamId: string): number | undefined {
    return this.last.get(streamId);
  }
}

/**
 * The rows this process committed last, while their positions run without a gap: a subscriber in
 * this process (the case directory follows every commit) reads them from here, parsed once and
 * shared with the append's own result, instead of selecting and parsing them again. A commit by
 * another process leaves a gap in the positions; the run then starts afresh, and anything outside
 * it is read from the file. Stored events never change and every reader treats them as read-only,
 * so sharing the parsed objects is safe.
 */
export class RecentCommits {
  private rows: Stored[] = [];

  add(stored: readonly Stored[]): void {
    if (stored.length === 0) return;
    const last = this.rows[this.rows.length - 1];
    if (last === undefined || stored[0].row[2] !== last.row[2] + 1) this.rows = [];
    for (const one of stored) this.rows.push(one);
    if (this.rows.length > RECENT_COMMITS) this.rows = this.rows.slice(this.rows.length - RECENT_COMMITS / 2);
  }

  /**
   * Up to `limit` rows after position `after`, when the run holds the next one; undefined when it
   * does not, including past its end, where another process may have committed since.
   */
  after(after: number, limit: number): readonly Stored[] | undefined {
    const first = this.rows[0];
    if (first === undefined) return undefined;
    const from = after + 1 - first.row[2];
    if (from < 0 || from >= this.rows.length) return undefined;
    return this.rows.slice(from, from + limit);
  }
}
