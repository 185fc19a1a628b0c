import {
  AccessDeniedError,
  binaryEvent,
  CancelledError,
  DeadlineExceededError,
  MaxAppendSizeExceededError,
  NO_STREAM,
  NotLeaderError,
  type Position,
  type AppendExpectedRevision,
  START,
  StreamDeletedError,
  TimeoutError,
  UnavailableError,
  WrongExpectedVersionError,
  type BinaryEventData,
  type ReadPosition,
} from '@eventstore/db-client';
import type { RecordedEvent } from '@accord/events';
import { sha256Hex } from '@accord/events/integrity';
import { recordedFromText, type SealedEvent, type StreamHead } from '../append-rules';
import { type ExpectedRevision, WrongExpectedRevisionError } from '../event-store';
import { StoreRefusedError, StoreUnavailableError } from '../store-errors';

/**
 * Pure mappings between the port and EventStoreDB/KurrentDB, kept apart from I/O so each is
 * unit-tested with the client's own types and error classes.
 *
 * Positions: the port's number is the event's prepare position in the server's transaction log
 * (a byte offset). For events appended through gRPC (not legacy explicit transactions) the commit
 * position equals it, so the number names one event and `{commit: n, prepare: n}` resumes after it.
 * A byte offset stays below 2^53 for 9 PB of log.
 */

/** The content type Accord writes: the canonical envelope bytes, exactly as hashed. */
export const ENVELOPE_CONTENT = 'application/octet-stream';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The server keeps its own event id; Accord's envelope id is used as it, so the server dedupes retries too. */
export function toEventData(sealed: SealedEvent): BinaryEventData {
  if (!UUID.test(sealed.envelope.eventId))
    throw new TypeError(`EventStoreDB needs UUID event ids: ${JSON.stringify(sealed.envelope.eventId)}`);
  return binaryEvent({
    id: sealed.envelope.eventId,
    type: sealed.envelope.type,
    data: Buffer.from(sealed.text, 'utf8'),
  }) as BinaryEventData;
}

/**
 * The expectation sent with an append. The adapter checks the caller's expectation itself against
 * the head it read (so the chain is sealed on that head), then asks the server to hold exactly that
 * head: a concurrent writer in between makes the server refuse, and the adapter re-reads.
 */
export function serverExpectation(head: StreamHead | undefined): AppendExpectedRevision {
  return head === undefined ? NO_STREAM : BigInt(head.revision);
}

/** The port's expectation in the server's terms (for logs, and for clients of the mapping). */
export function toServerExpectedRevision(expected: ExpectedRevision): AppendExpectedRevision {
  switch (expected) {
    case 'any':
      return 'any';
    case 'no_stream':
      return NO_STREAM;
    case 'exists':
      return 'stream_exists';
    default:
      return BigInt(expected);
  }
}

export function positionToNumber(position: Position | undefined): number {
  // Older servers report no $all position on stream reads (or 2^64 - 1); Accord needs 22.6 or later.
  if (position === undefined || position.prepare >= 2n ** 63n)
    throw new StoreUnavailableError(
      'the server reports no $all position for stream reads (KurrentDB/EventStoreDB 22.6+ needed)',
    );
  if (position.prepare > BigInt(Number.MAX_SAFE_INTEGER))
    throw new RangeError(`position ${position.prepare} is beyond 2^53`);
  return Number(position.prepare);
}

/** The read position just at `after` (0: the start); reads skip the event there themselves. */
export function numberToReadPosition(after: number): ReadPosition {
  return after <= 0 ? START : { commit: BigInt(after), prepare: BigInt(after) };
}

/** System streams and events ($-prefixed: stats, scavenges, settings, link events) are not Accord's. */
export function isSystemEvent(event: { streamId: string; type: string }): boolean {
  return event.streamId.startsWith('$') || event.type.startsWith('$');
}

/** A stored event as every read returns it: its bytes parsed, hash recomputed from the bytes. */
export function fromServerEvent(event: { data: unknown; position?: Position }): RecordedEvent {
  const bytes = event.data;
  const text =
    bytes instanceof Uint8Array
      ? Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8')
      : JSON.stringify(bytes);
  return recordedFromText(text, sha256Hex(text), positionToNumber(event.position));
}

/** Server errors in the port's terms; anything else is passed on unchanged. */
export function translateError(error: unknown, streamId: string, expected: ExpectedRevision): unknown {
  if (error instanceof WrongExpectedVersionError) {
    const actual = error.actualVersion;
    return new WrongExpectedRevisionError(
      streamId,
      expected,
      actual === NO_STREAM || actual === undefined ? 'no_stream' : Number(actual),
    );
  }
  if (
    error instanceof UnavailableError ||
    error instanceof DeadlineExceededError ||
    error instanceof TimeoutError ||
    error instanceof CancelledError ||
    error instanceof NotLeaderError
  )
    return new StoreUnavailableError(`${error.type}: ${error.message}`);
  if (
    error instanceof AccessDeniedError ||
    error instanceof StreamDeletedError ||
    error instanceof MaxAppendSizeExceededError
  )
    return new StoreRefusedError(streamId, `${error.type}: ${error.message}`);
  return error;
}
