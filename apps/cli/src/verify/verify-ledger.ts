import { hash } from 'node:crypto';
import { ENVELOPE_FIELDS, type RecordedEvent } from '@accord/events';
import { GENESIS_HASH, isCanonicalText, verifyChain, type ChainBreak } from '@accord/events/integrity';
import {
  type EventStore,
  hasStoredRows,
  isStorageCheckable,
  type StoredRow,
  type StoredRowsReadable,
} from '@accord/store';
import { recordedFromText } from '@accord/store/append-rules';
import { checkStoredRow } from '@accord/store/storage-check';
import { EnvelopeShape } from './canonical-scan';

export type LedgerBreakKind =
  ChainBreak['kind'] | 'unexpected_field' | 'position_order' | 'recorded_at_order' | 'storage' | 'unreadable';

/** The first place the ledger is not what was written. */
export interface LedgerBreak {
  readonly kind: LedgerBreakKind;
  /** Null only when an unreadable row could not be located. */
  readonly streamId: string | null;
  /** The first revision of the stream that is not intact (for a gap: the revision that is missing). */
  readonly revision: number | null;
  readonly position: number | null;
  readonly reason: string;
}

export interface VerifyReport {
  readonly ok: boolean;
  readonly streams: number;
  /** Events read and found intact before the first break (all of them when ok). */
  readonly events: number;
  /** Position of the last event checked. */
  readonly headPosition: number;
  /** Whether the adapter's own byte-level check ran (SQLite: columns and canonical bytes). */
  readonly storageChecked: boolean;
  readonly break: LedgerBreak | null;
}

export interface VerifyOptions {
  readonly batchSize?: number;
  /** Sees every event found intact, in commit order (e.g. to rebuild the Merkle tree in the same pass). */
  readonly onEvent?: (event: VerifiedEvent) => void;
}

/** What verify hands on of an intact event: its place in the log and its hash. */
export type VerifiedEvent = Pick<RecordedEvent, 'position' | 'streamId' | 'revision' | 'hash'>;

const HASHED_OR_STORED = new Set<string>(ENVELOPE_FIELDS);
const HASHED_FIELDS = new Set<string>(ENVELOPE_FIELDS.filter((f) => f !== 'hash' && f !== 'position'));

/**
 * Checks every stored event in commit order: each stream's chain (revision continuity from 0,
 * prevHash link, recomputed hash), positions strictly increasing, recordedAt never going back,
 * and no field outside the envelope (an extra field is not hashed, so it could be added unseen).
 * Then the adapter's storage check, when it has one. Reports the break with the lowest position.
 *
 * The chain cannot reveal that the newest events of a stream were cut off: that needs a
 * checkpoint held elsewhere.
 */
export async function verifyLedger(store: EventStore, options: VerifyOptions = {}): Promise<VerifyReport> {
  // Events appended while we read are left to the next run: the report describes one moment.
  const head = await store.headPosition();
  if (hasStoredRows(store)) return verifyStoredRows(store, head, options);
  const heads = new Map<string, { revision: number; hash: string }>();
  let events = 0;
  let lastPosition = 0;
  let lastRecordedAt: number | undefined;
  let chainBreak: LedgerBreak | null = null;
  let readFailure: string | null = null;

  try {
    scan: for await (const batch of store.readAll({ batchSize: options.batchSize ?? 1000 })) {
      for (const event of batch) {
        if (event.position > head) break scan;
        chainBreak = checkEvent(event, heads.get(event.streamId), lastPosition, lastRecordedAt);
        if (chainBreak) break scan;
        heads.set(event.streamId, { revision: event.revision, hash: event.hash });
        options.onEvent?.(event);
        lastPosition = event.position;
        lastRecordedAt = Date.parse(event.recordedAt);
        events += 1;
      }
    }
  } catch (error) {
    readFailure = error instanceof Error ? error.message : String(error);
  }

  const storageChecked = isStorageCheckable(store);
  const fault = storageChecked ? await store.checkStorage() : null;
  const storageBreak: LedgerBreak | null = fault
    ? {
        kind: 'storage',
        streamId: fault.streamId,
        revision: fault.revision,
        position: fault.position,
        reason: fault.reason,
      }
    : null;

  let first = earliest(chainBreak, storageBreak);
  if (!first && readFailure !== null) {
    first = {
      kind: 'unreadable',
      streamId: null,
      revision: null,
      position: null,
      reason: `cannot read the event after position ${lastPosition}: ${readFailure}`,
    };
  }
  return {
    ok: first === null,
    streams: heads.size,
    events,
    headPosition: lastPosition,
    storageChecked,
    break: first,
  };
}

/**
 * The same checks in one pass over the stored rows, without re-canonicalising: the envelope
 * column is the exact bytes that were hashed, so SHA-256 of those bytes must equal the hash
 * column, and once the bytes are shown canonical, with exactly the hashed fields and columns
 * matching, that is the same as hashing the canonical envelope. The first row failing any check
 * is re-examined the slow way, so the break is named and ranked exactly as the two-pass check
 * names it.
 */
async function verifyStoredRows(
  store: EventStore & StoredRowsReadable,
  head: number,
  options: VerifyOptions,
): Promise<VerifyReport> {
  const heads = new Map<string, { revision: number; hash: string }>();
  let events = 0;
  let lastPosition = 0;
  let lastRecordedAt: number | undefined;
  let lastRecordedAtText: string | undefined;
  let first: LedgerBreak | null = null;
  try {
    scan: for await (const batch of store.readStoredRows({ batchSize: options.batchSize ?? 1000 })) {
      for (const row of batch) {
        if (row.position > head) break scan;
        const previous = heads.get(row.streamId);
        let recordedAt: number | undefined;
        if (!fastIntactRow(row, previous, lastPosition)) {
          recordedAt = intactRow(row, previous, lastPosition, lastRecordedAt);
        } else if (row.recordedAt === lastRecordedAtText) {
          recordedAt = lastRecordedAt;
        } else {
          recordedAt = Date.parse(row.recordedAt);
          if (Number.isNaN(recordedAt) || (lastRecordedAt !== undefined && recordedAt < lastRecordedAt))
            recordedAt = undefined;
        }
        if (recordedAt === undefined) {
          first = namedBreak(row, heads, lastPosition, lastRecordedAt);
          break scan;
        }
        // Updated in place: one object per stream, not one per event.
        if (previous) {
          previous.revision = row.revision;
          previous.hash = row.hash;
        } else heads.set(row.streamId, { revision: row.revision, hash: row.hash });
        options.onEvent?.(row);
        lastPosition = row.position;
        lastRecordedAt = recordedAt;
        lastRecordedAtText = row.recordedAt;
        events += 1;
      }
    }
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    first = {
      kind: 'unreadable',
      streamId: null,
      revision: null,
      position: null,
      reason: `cannot read the event after position ${lastPosition}: ${reason}`,
    };
  }
  return {
    ok: first === null,
    streams: heads.size,
    events,
    headPosition: lastPosition,
    storageChecked: true,
    break: first,
  };
}

const ENVELOPE = new EnvelopeShape([...HASHED_FIELDS].sort());
const STREAM_ID = ENVELOPE.index('streamId');
const REVISION = ENVELOPE.index('revision');
const EVENT_ID = ENVELOPE.index('eventId');
const TYPE = ENVELOPE.index('type');
const RECORDED_AT = ENVELOPE.index('recordedAt');
const PREV_HASH = ENVELOPE.index('prevHash');
/**
 * GENESIS_HASH read once. Compiled to CommonJS, the import is a property of the module object read
 * where a stream begins; the first stream's first row runs before V8 collects feedback, so on a log
 * that starts with one long stream the compiled row check met that read without feedback at the
 * next new stream, and was thrown away and compiled again.
 */
const GENESIS: string = GENESIS_HASH;

/**
 * intactRow's checks but recordedAt's, without building the envelope: the stored bytes hash to
 * the hash column, they are canonical JSON with exactly the hashed fields (EnvelopeShape), and the
 * fields the columns and the chain repeat are equal to them, read in place. False means "not shown
 * here": intactRow then decides.
 */
function fastIntactRow(
  row: StoredRow,
  previous: { revision: number; hash: string } | undefined,
  lastPosition: number,
): boolean {
  const text = row.envelope;
  return (
    row.position > lastPosition &&
    row.revision === (previous ? previous.revision + 1 : 0) &&
    hash('sha256', text, 'hex') === row.hash &&
    ENVELOPE.scan(text) &&
    ENVELOPE.integer(text, REVISION) === row.revision &&
    ENVELOPE.stringIn(text, STREAM_ID, row.streamId) &&
    ENVELOPE.stringIn(text, EVENT_ID, row.eventId) &&
    ENVELOPE.stringIn(text, TYPE, row.type) &&
    ENVELOPE.stringIn(text, RECORDED_AT, row.recordedAt) &&
    ENVELOPE.stringIn(text, PREV_HASH, previous ? previous.hash : GENESIS)
  );
}

/** The row's recordedAt in ms when every check passes; undefined when any fails. */
function intactRow(
  row: StoredRow,
  previous: { revision: number; hash: string } | undefined,
  lastPosition: number,
  lastRecordedAt: number | undefined,
): number | undefined {
  if (!(row.position > lastPosition)) return undefined;
  if (row.revision !== (previous ? previous.revision + 1 : 0)) return undefined;
  if (hash('sha256', row.envelope, 'hex') !== row.hash) return undefined;
  let envelope: Record<string, unknown>;
  try {
    envelope = JSON.parse(row.envelope) as Record<string, unknown>;
  } catch {
    return undefined;
  }
  if (envelope === null || typeof envelope !== 'object' || Array.isArray(envelope)) return undefined;
  let fields = 0;
  for (const key in envelope) {
    if (!HASHED_FIELDS.has(key)) return undefined;
    fields += 1;
  }
  if (fields !== HASHED_FIELDS.size) return undefined;
  if (
    envelope.streamId !== row.streamId ||
    envelope.revision !== row.revision ||
    envelope.eventId !== row.eventId ||
    envelope.type !== row.type ||
    envelope.recordedAt !== row.recordedAt ||
    envelope.prevHash !== (previous ? previous.hash : GENESIS_HASH)
  )
    return undefined;
  const recordedAt = Date.parse(row.recordedAt);
  if (Number.isNaN(recordedAt) || (lastRecordedAt !== undefined && recordedAt < lastRecordedAt))
    return undefined;
  return isCanonicalText(row.envelope, envelope) ? recordedAt : undefined;
}

/** Why a row failed intactRow, in the words and order of the chain check, then the storage check. */
function namedBreak(
  row: StoredRow,
  heads: ReadonlyMap<string, { revision: number; hash: string }>,
  lastPosition: number,
  lastRecordedAt: number | undefined,
): LedgerBreak {
  let event: RecordedEvent | undefined;
  try {
    event = recordedFromText(row.envelope, row.hash, row.position);
  } catch {
    // Unreadable as an event: the storage check names it.
  }
  const chain = event && checkEvent(event, heads.get(event.streamId), lastPosition, lastRecordedAt);
  if (chain) return chain;
  const fault = checkStoredRow(row);
  if (fault) return { kind: 'storage', ...fault };
  return {
    kind: 'hash_mismatch',
    streamId: row.streamId,
    revision: row.revision,
    position: row.position,
    reason: 'the stored envelope bytes do not hash to the hash column',
  };
}

function checkEvent(
  event: RecordedEvent,
  previous: { revision: number; hash: string } | undefined,
  lastPosition: number,
  lastRecordedAt: number | undefined,
): LedgerBreak | null {
  const at = (kind: LedgerBreakKind, reason: string, revision = event.revision): LedgerBreak => ({
    kind,
    streamId: event.streamId,
    revision,
    position: event.position,
    reason,
  });

  if (!(event.position > lastPosition)) {
    return at('position_order', `position ${event.position} does not follow position ${lastPosition}`);
  }
  const extra = Object.keys(event).filter((key) => !HASHED_OR_STORED.has(key));
  if (extra.length > 0) {
    return at('unexpected_field', `envelope carries unhashed field(s) ${extra.join(', ')}`);
  }
  const broken = verifyChain(event.streamId, [event], previous);
  if (broken) {
    switch (broken.kind) {
      case 'revision_gap':
        return at(
          'revision_gap',
          `revision gap: expected revision ${broken.expected}, found revision ${broken.revision} (events missing or out of order)`,
          broken.expected,
        );
      case 'prev_hash_mismatch':
        return at(
          'prev_hash_mismatch',
          event.revision === 0
            ? 'prevHash of revision 0 is not the genesis hash'
            : `prevHash does not link to revision ${event.revision - 1}`,
        );
      case 'hash_mismatch':
        return at('hash_mismatch', 'hash mismatch');
      case 'stream_mismatch':
        return at('stream_mismatch', `event belongs to another stream`);
      default: {
        const _exhaustive: never = broken;
        return _exhaustive;
      }
    }
  }
  const recordedAt = Date.parse(event.recordedAt);
  if (Number.isNaN(recordedAt)) {
    return at('recorded_at_order', `recordedAt ${JSON.stringify(event.recordedAt)} is not an instant`);
  }
  // The store clamps recordedAt so it never goes back in commit order; a step back means rows moved.
  if (lastRecordedAt !== undefined && recordedAt < lastRecordedAt) {
    return at('recorded_at_order', 'recordedAt is earlier than the event before it in commit order');
  }
  return null;
}

function earliest(a: LedgerBreak | null, b: LedgerBreak | null): LedgerBreak | null {
  if (!a) return b;
  if (!b) return a;
  // On a tie the chain's account wins: it names what the hashes prove, not what a column claims.
  return (b.position ?? Infinity) < (a.position ?? Infinity) ? b : a;
}

/** The one-line summary `accord verify` prints. */
export function formatVerifyReport(report: VerifyReport): string {
  if (report.ok) {
    return `ledger intact: ${report.streams} streams, ${report.events} events, head position ${report.headPosition}`;
  }
  const b = report.break!;
  if (b.streamId === null) return `ledger BROKEN: ${b.reason}`;
  return `ledger BROKEN at stream ${b.streamId} revision ${b.revision} (position ${b.position}): ${b.reason}`;
}
