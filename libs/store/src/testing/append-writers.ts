import type { EventStore } from '../event-store';
import { proposedEvent } from './fixtures';

/**
 * The body of a durability child process: appends one event at a time to `kill-<w>` from each
 * writer, forever, printing each acknowledged append as a JSON line for the parent to check
 * after it SIGKILLs the process.
 */
export async function appendUntilKilled(store: EventStore, writers: number): Promise<void> {
  const writer = async (w: number) => {
    const streamId = `kill-${w}`;
    for (let revision = 0; ; revision++) {
      const result = await store.append(streamId, [proposedEvent({ data: { writer: w, revision } })], {
        expectedRevision: revision === 0 ? 'no_stream' : revision - 1,
      });
      const event = result.events[0];
      process.stdout.write(
        `${JSON.stringify({ streamId, revision: event.revision, position: event.position, eventId: event.eventId })}\n`,
      );
    }
  };
  await Promise.all(Array.from({ length: writers }, (_, w) => writer(w)));
}

export interface Ack {
  streamId: string;
  revision: number;
  position: number;
  eventId: string;
}
