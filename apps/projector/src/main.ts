import { resolve } from 'node:path';
import { READ_STORE_KINDS, type ReadStoreKind } from '@accord/read-store';
import { startProjector } from './projector-process';

/**
 * `npm run start:projector`: the second process of the design. It reads ACCORD_DATA_DIR,
 * ACCORD_READ_STORE and LOG_LEVEL, as the API does.
 */
async function main(): Promise<void> {
  const dataDir = resolve(process.env.ACCORD_DATA_DIR?.trim() || './data');
  const kind = (process.env.ACCORD_READ_STORE?.trim() || 'sqlite') as ReadStoreKind;
  if (!READ_STORE_KINDS.includes(kind)) {
    process.stderr.write(
      `accord projector: ACCORD_READ_STORE=${kind}: expected one of ${READ_STORE_KINDS.join(', ')}\n`,
    );
    process.exit(2);
  }
  const running = await startProjector({
    dataDir,
    readStore: kind,
    logLevel: process.env.LOG_LEVEL?.trim() || 'info',
  });
  process.stdout.write(`accord projector following ${dataDir}/ledger.db into ${dataDir}/read.db\n`);
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    running.close().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`accord projector: ${String(error)}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  // The API that started it went away: stop too rather than linger.
  process.on('disconnect', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `accord projector: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
