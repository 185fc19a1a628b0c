import { type DomainEvent, type RecordedEvent, upcasters } from '@accord/events';

/**
 * Upcast once per event, however many projections read it (they never modify what they fold). Kept
 * on the event under a symbol, not enumerable (an event object may be shared with other readers of
 * the store, and stays equal to a fresh copy), rather than in a WeakMap: a rebuild meets a million
 * events, and a WeakMap's entries are ephemerons the collector must trace one by one. A frozen event
 * (the in-memory store freezes what it hands out) falls back to the WeakMap.
 */
const UPCAST = Symbol('accord.upcast');
const upcastOfFrozen = new WeakMap<RecordedEvent, DomainEvent>();

/** The event as the deciders fold it: its current schema version's data. */
export function domainEvent<E extends DomainEvent>(event: RecordedEvent): E {
  const cached = event as RecordedEvent & { [UPCAST]?: DomainEvent };
  let domain = cached[UPCAST] ?? upcastOfFrozen.get(event);
  if (domain === undefined) {
    const current = upcasters.upcast(event);
    domain = { type: current.type, data: current.data } as DomainEvent;
    if (Object.isExtensible(event)) Object.defineProperty(event, UPCAST, { value: domain });
    else upcastOfFrozen.set(event, domain);
  }
  return domain as E;
}

/** `case-…`, `letter-…`, `party-…`: the stream's kind and the id after the prefix. */
export function streamKind(streamId: string): { kind: string; id: string } {
  const dash = streamId.indexOf('-');
  return dash < 0
    ? { kind: streamId, id: '' }
    : { kind: streamId.slice(0, dash), id: streamId.slice(dash + 1) };
}

/** Only the kind of `streamKind`, without building the pair. */
export function kindOf(streamId: string): string {
  const dash = streamId.indexOf('-');
  return dash < 0 ? streamId : streamId.slice(0, dash);
}
