/**
 * Run as a separate process by the durability test: appends one event at a time to a few streams,
 * from several concurrent writers, and prints each acknowledged append as a JSON line. The parent
 * SIGKILLs it mid-stream and checks that every acknowledged event survived.
 */
import { openSqliteStore } from '../open-store';
import type { CommitOn } from '../sqlite-event-store';
import { appendUntilKilled } from './append-writers';

async function main(dataDir: string, writers: number, commitOn: CommitOn): Promise<void> {
  await appendUntilKilled(await openSqliteStore(dataDir, { commitOn }), writers);
}

main(process.argv[2], Number(process.argv[3] ?? 4), (process.argv[4] ?? 'auto') as CommitOn).catch(
  (error: unknown) => {
    process.stderr.write(`${String(error)}\n`);
    process.exit(1);
  },
);
