import type { HashedEnvelope, ProposedEvent, RecordedEvent } from '@accord/events';
import { canonicalJson, GENESIS_HASH, sha256Hex } from '@accord/events/integrity';
import {
  EmptyAppendError,
  EventIdConflictError,
  type ExpectedRevision,
  WrongExpectedRevisionError,
} from './event-store';

/**
 * The append rules every adapter shares, so that each adapter only decides how it reads the
 * stream head and where an event id is already stored.
 */

/** Where an event id is already stored. */
export interface StoredPlace {
  readonly streamId: string;
  readonly revision: number;
}

/** The stream's last event, or undefined for a stream that does not exist. */
export interface StreamHead {
  readonly revision: number;
  readonly hash: string;
}

/** Refuses what no store may accept, before any I/O. */
export function assertAppendable(streamId: string, events: readonly ProposedEvent[]): void {
  if (typeof streamId !== 'string' || streamId.length === 0)
    throw new TypeError('streamId must be a non-empty string');
  if (events.length === 0) throw new EmptyAppendError(streamId);
  const seen = new Set<string>();
  for (const event of events) {
    if (typeof event.eventId !== 'string' || event.eventId.length === 0)
      throw new TypeError(`append to ${streamId}: every event needs a non-empty eventId`);
    // A batch that names one id twice would store it twice under the UNIQUE index's nose.
    if (seen.has(event.eventId)) throw new EventIdConflictError(event.eventId, streamId);
    seen.add(event.eventId);
  }
}

/**
 * Idempotency comes before the expected-revision check: a retry carries the expectation it had
 * the first time, which is stale by now. Returns the revisions already holding this batch when it
 * is a replay, undefined when none of its ids is stored, and throws when an id is reused elsewhere.
 */
export function findReplay(
  streamId: string,
  events: readonly ProposedEvent[],
  lookup: (eventId: string) => StoredPlace | undefined,
): { readonly fromRevision: number; readonly toRevision: number } | undefined {
  const first = lookup(events[0].eventId);
  if (first === undefined) {
    for (let i = 1; i < events.length; i++)
      if (lookup(events[i].eventId) !== undefined)
        throw new EventIdConflictError(events[i].eventId, streamId);
    return undefined;
  }
  if (first.streamId !== streamId) throw new EventIdConflictError(events[0].eventId, streamId);
  for (let i = 1; i < events.length; i++) {
    const place = lookup(events[i].eventId);
    if (place === undefined || place.streamId !== streamId || place.revision !== first.revision + i)
      throw new EventIdConflictError(events[i].eventId, streamId);
  }
  return { fromRevision: first.revision, toRevision: first.revision + events.length - 1 };
}

/** Returns the stored events of a replayed batch as the original append answered them. */
export function replayResult(streamId: string, stored: readonly RecordedEvent[], expectedCount: number) {
  const last = stored[stored.length - 1];
  // Reaching here means the ids were found at these revisions, so anything else is a broken store.
  if (stored.length !== expectedCount || last === undefined)
    throw new Error(`stream ${streamId}: replayed batch could not be read back`);
  return { streamId, nextExpectedRevision: last.revision, position: last.position, events: stored };
}

export function checkExpectedRevision(
  streamId: string,
  expected: ExpectedRevision,
  head: StreamHead | undefined,
): void {
  const actual = head === undefined ? 'no_stream' : head.revision;
  const ok =
    expected === 'any' ||
    (expected === 'no_stream' && head === undefined) ||
    (expected === 'exists' && head !== undefined) ||
    (typeof expected === 'number' && expected === actual);
  if (!ok) throw new WrongExpectedRevisionError(streamId, expected, actual);
}

export function assertExpectedRevisionShape(expected: unknown): asserts expected is ExpectedRevision {
  if (expected === 'any' || expected === 'no_stream' || expected === 'exists') return;
  if (typeof expected === 'number' && Number.isSafeInteger(expected) && expected >= 0) return;
  throw new TypeError(`expectedRevision must be 'no_stream', 'any', 'exists' or a 0-based revision`);
}

/**
 * recordedAt never goes backwards in commit order, even when the clock steps back (NTP, a test
 * clock): as-of reads rely on a stream's recordedAt rising with its revisions.
 */
export function nextRecordedAt(now: Date, previous: string | undefined): string {
  const ms = now.getTime();
  if (!Number.isFinite(ms)) throw new RangeError('the store clock returned an invalid date');
  const previousMs = previous === undefined ? -Infinity : Date.parse(previous);
  return new Date(Math.max(ms, previousMs)).toISOString();
}

/** asOf may carry any offset; stored recordedAt is UTC with milliseconds, so compare in that form. */
export function normaliseAsOf(asOf: string): string {
  const ms = Date.parse(asOf);
  if (!Number.isFinite(ms)) throw new RangeError(`asOf is not an ISO-8601 instant: ${asOf}`);
  return new Date(ms).toISOString();
}

export interface SealedEvent {
  readonly envelope: HashedEnvelope;
  /** canonicalJson(envelope): the exact bytes that were hashed. */
  readonly text: string;
  readonly hash: string;
}

/**
 * Builds the hashed envelope from the proposed event's known fields only, so that a caller's
 * extra properties never reach the ledger and the stored text is exactly what `hashEnvelope` hashes.
 */
export function sealEvent(
  proposed: ProposedEvent,
  streamId: string,
  revision: number,
  recordedAt: string,
  prevHash: string,
): SealedEvent {
  const envelope: HashedEnvelope = {
    eventId: proposed.eventId,
    streamId,
    revision,
    type: proposed.type,
    schemaVersion: proposed.schemaVersion,
    data: proposed.data,
    occurredAt: proposed.occurredAt,
    recordedAt,
    actor: proposed.actor,
    commandId: proposed.commandId,
    correlationId: proposed.correlationId,
    causationId: proposed.causationId,
    ruleSet: proposed.ruleSet,
    prevHash,
  };
  const text = canonicalJson(envelope);
  return { envelope, text, hash: sha256Hex(text) };
}

export function prevHashOf(head: StreamHead | undefined): string {
  return head === undefined ? GENESIS_HASH : head.hash;
}

/** A recorded event as every read returns it: what the stored bytes say, plus hash and position. */
export function recordedFromText(text: string, hash: string, position: number): RecordedEvent {
  const event = JSON.parse(text) as { hash: string; position: number };
  event.hash = hash;
  event.position = position;
  return event as unknown as RecordedEvent;
}
