import { openReadStoreForProjector, PROJECTIONS, Projector } from '@accord/read-store';
import { openSqliteStore } from '@accord/store';

/**
 * The projector alone (no watcher), for the kill test: prints each committed batch's position.
 * `thread`: commits on the read store's commit thread, as the projector process does by default.
 */
async function main(): Promise<void> {
  const [dataDir, batchSize, thread] = process.argv.slice(2);
  const store = await openSqliteStore(dataDir!);
  const projector = new Projector(
    store,
    await openReadStoreForProjector({ kind: 'sqlite', dataDir: dataDir!, commitThread: thread === 'thread' }),
    PROJECTIONS,
    {
      batchSize: Number(batchSize),
      onBatch: (position) => process.stdout.write(`${position}\n`),
    },
  );
  await projector.prepare();
  projector.start();
}

void main();
