import { openReadStoreForProjector, PROJECTIONS, Projector } from '@accord/read-store';
import { openSqliteStore } from '@accord/store';

/** The projector alone (no watcher), for the kill test: prints each committed batch's position. */
async function main(): Promise<void> {
  const [dataDir, batchSize] = process.argv.slice(2);
  const store = await openSqliteStore(dataDir!);
  const projector = new Projector(
    store,
    await openReadStoreForProjector({ kind: 'sqlite', dataDir: dataDir! }),
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
