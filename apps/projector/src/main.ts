import { ConfigError, loadProjectorConfig } from '@accord/config';
import { startProjector } from './projector-process';

/**
 * `npm run start:projector`: the second process of the design. It reads the same variables as the
 * API (ACCORD_DATA_DIR, ACCORD_EVENT_STORE and its URL, ACCORD_READ_STORE, LOG_LEVEL), validated
 * by the same code.
 */
async function main(): Promise<void> {
  let config;
  try {
    config = loadProjectorConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`accord projector: ${error.message}\n`);
    process.exit(2);
  }
  const { dataDir } = config;
  const running = await startProjector({
    dataDir,
    eventStore: config.eventStore,
    readStore: config.readStore,
    logLevel: config.logLevel,
  });
  process.stdout.write(
    `accord projector following the ${config.eventStore.kind} ledger into ${dataDir}/read.db\n`,
  );
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
