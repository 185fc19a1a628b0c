import { v5 as uuidv5 } from 'uuid';

/**
 * The namespace of every deterministic event id: `uuidv5('urn:accord:event-id', NAMESPACE_URL)`.
 * Written out so it can never drift with a library's namespace table; changing it would give
 * retried commands fresh ids and defeat the store's idempotency check.
 */
export const ACCORD_EVENT_ID_NAMESPACE = '7bb66ca2-c3d7-5273-acca-f9ab961d51b3';

/**
 * The id of the `index`-th event a command produces. A retried command (same `commandId`) yields
 * the same ids, so the store recognises the retry and writes nothing new.
 *
 * The name is `<commandId>/<index>`: the index is all digits and comes last, so two different
 * (commandId, index) pairs never share a name even when a commandId contains `/`.
 */
export function deterministicEventId(commandId: string, index: number): string {
  if (typeof commandId !== 'string' || commandId.length === 0) {
    throw new TypeError('deterministicEventId: commandId must be a non-empty string');
  }
  if (!Number.isSafeInteger(index) || index < 0) {
    throw new RangeError(`deterministicEventId: index must be a non-negative integer, got ${String(index)}`);
  }
  return uuidv5(`${commandId}/${index}`, ACCORD_EVENT_ID_NAMESPACE);
}

/** Ids for a whole batch, in order: what a command handler stamps on the events a decider returned. */
export function deterministicEventIds(commandId: string, count: number): string[] {
  return Array.from({ length: count }, (_, index) => deterministicEventId(commandId, index));
}
