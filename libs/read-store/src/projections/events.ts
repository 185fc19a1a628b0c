import { type DomainEvent, type RecordedEvent, upcasters } from '@accord/events';

/** Upcast once per event, however many projections read it (they never modify what they fold). */
const upcast = new WeakMap<RecordedEvent, DomainEvent>();

/** The event as the deciders fold it: its current schema version's data. */
export function domainEvent<E extends DomainEvent>(event: RecordedEvent): E {
  let domain = upcast.get(event);
  if (domain === undefined) {
    const current = upcasters.upcast(event);
    domain = { type: current.type, data: current.data } as DomainEvent;
    upcast.set(event, domain);
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
