import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import type { HashedEnvelope, RecordedEvent } from './envelope';

/** prevHash of every stream's revision 0. */
export const GENESIS_HASH = '0'.repeat(64);

/** RFC 8785 (JCS) canonical JSON. */
export function canonicalJson(value: unknown): string {
  const text = canonicalize(value);
  if (text === undefined) throw new TypeError('value cannot be canonicalised');
  return text;
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/**
 * Whether `text` is exactly the RFC 8785 form of `value`, where `value` is what JSON.parse made of
 * `text`. For parsed JSON, canonicalize differs from JSON.stringify only in sorting object keys
 * (both print strings and numbers the ECMAScript way), so when stringify reproduces the text and
 * every object's keys already run in sorted order, the text is canonical: the same answer as
 * comparing with canonicalJson(value), at a fraction of the cost. Anything else takes that
 * comparison (e.g. integer-like keys, which V8 enumerates before the others).
 */
export function isCanonicalText(text: string, value: unknown): boolean {
  if (JSON.stringify(value) === text && keysSorted(value)) return true;
  return canonicalize(value) === text;
}

function keysSorted(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return true;
  if (Array.isArray(value)) {
    for (const item of value) if (!keysSorted(item)) return false;
    return true;
  }
  let previous: string | undefined;
  for (const key in value) {
    if (previous !== undefined && !(previous < key)) return false;
    if (!keysSorted((value as Record<string, unknown>)[key])) return false;
    previous = key;
  }
  return true;
}

/** hash = SHA-256(canonical(envelope without hash and position)). */
export function hashEnvelope(envelope: HashedEnvelope): string {
  const hashed: HashedEnvelope = {
    eventId: envelope.eventId,
    streamId: envelope.streamId,
    revision: envelope.revision,
    type: envelope.type,
    schemaVersion: envelope.schemaVersion,
    data: envelope.data,
    occurredAt: envelope.occurredAt,
    recordedAt: envelope.recordedAt,
    actor: envelope.actor,
    commandId: envelope.commandId,
    correlationId: envelope.correlationId,
    causationId: envelope.causationId,
    ruleSet: envelope.ruleSet,
    prevHash: envelope.prevHash,
  };
  return sha256Hex(canonicalJson(hashed));
}

export type ChainBreak =
  | {
      readonly kind: 'revision_gap';
      readonly streamId: string;
      readonly revision: number;
      readonly expected: number;
    }
  | { readonly kind: 'prev_hash_mismatch'; readonly streamId: string; readonly revision: number }
  | { readonly kind: 'hash_mismatch'; readonly streamId: string; readonly revision: number }
  | { readonly kind: 'stream_mismatch'; readonly streamId: string; readonly revision: number };

/**
 * Checks one stream's events, in revision order, continuing from `previous` (the event before the
 * first one given, or none for a stream read from revision 0). Returns the first break, or null.
 */
export function verifyChain(
  streamId: string,
  events: Iterable<RecordedEvent>,
  previous?: { revision: number; hash: string },
): ChainBreak | null {
  let expectedRevision = previous ? previous.revision + 1 : 0;
  let prevHash = previous ? previous.hash : GENESIS_HASH;
  for (const event of events) {
    if (event.streamId !== streamId) return { kind: 'stream_mismatch', streamId, revision: event.revision };
    if (event.revision !== expectedRevision)
      return { kind: 'revision_gap', streamId, revision: event.revision, expected: expectedRevision };
    if (event.prevHash !== prevHash)
      return { kind: 'prev_hash_mismatch', streamId, revision: event.revision };
    if (hashEnvelope(event) !== event.hash)
      return { kind: 'hash_mismatch', streamId, revision: event.revision };
    prevHash = event.hash;
    expectedRevision += 1;
  }
  return null;
}
