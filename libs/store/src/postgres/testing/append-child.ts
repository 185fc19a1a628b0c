/** Run as a separate process by the PostgreSQL durability test (see appendUntilKilled). */
import { appendUntilKilled } from '../../testing/append-writers';
import { PostgresEventStore } from '../postgres-event-store';

async function main(url: string, writers: number): Promise<void> {
  await appendUntilKilled(await PostgresEventStore.open({ url }), writers);
}

main(process.argv[2], Number(process.argv[3] ?? 4)).catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
