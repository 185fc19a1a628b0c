/**
 * Run as a separate process by the durability test: appends one event at a time to a few streams,
 * from several concurrent writers, and prints each acknowledged append as a JSON line. The parent
 * SIGKILLs it mid-stream and checks that every acknowledged event survived.
 */
import { openSqliteStore } from '../open-store';
import { appendUntilKilled } from './append-writers';

async function main(dataDir: string, writers: number): Promise<void> {
  await appendUntilKilled(await openSqliteStore(dataDir), writers);
}

main(process.argv[2], Number(process.argv[3] ?? 4)).catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
