import { ConfigError, loadProjectorConfig } from '@accord/config';
import { ReadStoreBusyError } from '@accord/read-store';
import { type RunningProjector, startProjector } from './projector-process';

/**
 * `npm run start:projector`: the second process of the design. It reads the same variables as the
 * API (ACCORD_DATA_DIR, ACCORD_EVENT_STORE and its URL, ACCORD_READ_STORE and its URL, LOG_LEVEL),
 * validated by the same code. On PostgreSQL a second instance waits as a hot standby and takes over
 * when the active one dies; on SQLite it is refused (exit 2).
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
  let running: RunningProjector | undefined;
  let stopping = false;
  const stop = (code: number) => {
    if (stopping) return;
    stopping = true;
    // A standby still waiting for the lock has nothing to flush: it just goes.
    if (running === undefined) process.exit(code);
    running.close().then(
      () => process.exit(code),
      (error: unknown) => {
        process.stderr.write(`accord projector: ${String(error)}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop(0));
  process.on('SIGINT', () => stop(0));
  // The API that started it went away: stop too rather than linger.
  process.on('disconnect', () => stop(0));
  try {
    running = await startProjector({
      dataDir,
      eventStore: config.eventStore,
      readStore: config.readStore,
      logLevel: config.logLevel,
      // A lost lock or a read store gone: exit, so the supervisor restarts it (as a standby if
      // another has taken over meanwhile).
      onFailure: () => stop(1),
    });
  } catch (error) {
    if (!(error instanceof ReadStoreBusyError)) throw error;
    process.stderr.write(`accord projector: ${error.message}\n`);
    process.exit(2);
  }
  const into = config.readStore.kind === 'sqlite' ? `${dataDir}/read.db` : 'the PostgreSQL read store';
  process.stdout.write(`accord projector following the ${config.eventStore.kind} ledger into ${into}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `accord projector: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
