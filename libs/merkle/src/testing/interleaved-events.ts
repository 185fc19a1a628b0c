import type { RecordedEvent } from '@accord/events';
import type { EventStore } from '@accord/store';
import { eventLeafHash } from '../leaf';
import { rootOf } from '../rfc6962';

/**
 * `rounds` rounds of one event on each of `streams` streams named `<prefix>-<s>`, interleaved in the
 * log. `concurrent`: each round's appends are sent at once (they share group commits), as a busy
 * API sends them.
 */
export async function appendInterleaved(
  store: EventStore,
  prefix: string,
  streams: number,
  rounds: number,
  options: { readonly concurrent?: boolean } = {},
): Promise<void> {
  const one = (s: number, round: number) => {
    const id = `${prefix}-${s}-${round}`;
    return store.append(
      `${prefix}-${s}`,
      [
        {
          eventId: id,
          type: 'MediationMeetingHeld',
          schemaVersion: 1,
          data: { round },
          occurredAt: '2026-11-01T00:00:00Z',
          actor: { agency: 'COURT', staffId: 'c-1', role: 'clerk' },
          commandId: id,
          correlationId: id,
          causationId: id,
          ruleSet: 'test',
        },
      ],
      { expectedRevision: 'any' },
    );
  };
  for (let round = 0; round < rounds; round += 1) {
    if (options.concurrent) await Promise.all(Array.from({ length: streams }, (_, s) => one(s, round)));
    else for (let s = 0; s < streams; s += 1) await one(s, round);
  }
}

export async function allEvents(store: EventStore): Promise<RecordedEvent[]> {
  const events: RecordedEvent[] = [];
  for await (const batch of store.readAll()) events.push(...batch);
  return events;
}

/** The root of the whole log, computed from scratch. */
export async function expectedRoot(store: EventStore): Promise<Buffer> {
  return rootOf((await allEvents(store)).map(eventLeafHash));
}
