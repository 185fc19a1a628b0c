/**
 * Run as a separate process by the durability test: appends one event at a time to a few streams,
 * from several concurrent writers, and prints each acknowledged append as a JSON line. The parent
 * SIGKILLs it mid-stream and checks that every acknowledged event survived.
 */
import { openSqliteStore } from '../open-store';
import { proposedEvent } from './fixtures';

async function main(dataDir: string, writers: number): Promise<void> {
  const store = await openSqliteStore(dataDir);
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

main(process.argv[2], Number(process.argv[3] ?? 4)).catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
