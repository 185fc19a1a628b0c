import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { SingleBar } from 'cli-progress';
import { ConfigError, loadProjectorConfig } from '@accord/config';
import {
  openReadStoreForProjector,
  PROJECTIONS,
  projectionsNamed,
  READ_STORE_FILE,
  ReadStoreBusyError,
  rebuildReadModels,
} from '@accord/read-store';
import { type EventStore, LEDGER_FILE, openEventStore, openSqliteStore } from '@accord/store';
import { REBUILD_HEAP_MB } from '../heap';
import { type CliCommand, type CliIo, EXIT_FAILED, EXIT_OK, EXIT_USAGE, UsageError } from '../cli';

const help = `Usage: accord rebuild [--projection NAME]... [--data DIR]

Empties the read models (${READ_STORE_FILE}) and replays the whole ledger (${LEDGER_FILE}) from
position 0 through the projections, with a progress bar (events/s, ETA). The result equals what
the projector built incrementally. Stop the projector (npm start / start:projector) first: two
writers of one read model would interleave, so a rebuild beside a running projector is refused.

Which stores: --data DIR means the embedded ledger in DIR; else the ones the API is configured
with (ACCORD_EVENT_STORE and its URL). The read models go where ACCORD_READ_STORE says
(default ${READ_STORE_FILE} in the data directory; postgres with ACCORD_READ_STORE_URL).

Options:
  --projection NAME  rebuild only this projection (repeatable): ${PROJECTIONS.map((p) => p.name).join(', ')}
  --data DIR         data directory (default: $ACCORD_DATA_DIR, else ./data)
  -h, --help         show this help

Memory: the rebuild runs under a bounded heap (--max-old-space-size=${REBUILD_HEAP_MB}; set
ACCORD_REBUILD_HEAP_MB to another number of MB, or off for V8's default).

Exit codes: 0 rebuilt; 1 a projection stopped (named, with the position); 2 usage error, no
ledger, a bad configuration, or a projector running on the read store.`;

const rebuildCommand: CliCommand = {
  name: 'rebuild',
  summary: 'Rebuild the read models from the ledger, from position 0',
  help,
  async run(args: readonly string[], io: CliIo): Promise<number> {
    const flags = parse(args);
    const dataDir = resolve(io.cwd, flags.data || io.env.ACCORD_DATA_DIR || './data');
    let config;
    try {
      config = loadProjectorConfig({
        ...io.env,
        ACCORD_DATA_DIR: dataDir,
        ...(flags.data === undefined ? {} : { ACCORD_EVENT_STORE: 'sqlite' }),
      });
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      io.err(`accord rebuild: ${error.message}`);
      return EXIT_USAGE;
    }
    const embedded = config.eventStore.kind === 'sqlite';
    if (embedded && !existsSync(resolve(dataDir, LEDGER_FILE))) {
      io.err(
        `accord rebuild: no ledger at ${resolve(dataDir, LEDGER_FILE)} (set --data DIR or ACCORD_DATA_DIR)`,
      );
      return EXIT_USAGE;
    }
    let projections;
    try {
      projections = flags.projection.length === 0 ? PROJECTIONS : projectionsNamed(flags.projection);
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
    const store: EventStore = embedded
      ? await openSqliteStore(dataDir, { readonly: true })
      : await openEventStore(config.eventStore);
    const readStore = await openReadStoreForProjector(config.readStore);
    const bar = new SingleBar({
      format: 'rebuild [{bar}] {percentage}% | {value}/{total} events | {speed} ev/s | ETA {eta_formatted}',
      stream: process.stderr,
      hideCursor: true,
    });
    const started = Date.now();
    try {
      const head = await store.headPosition();
      bar.start(head, 0, { speed: 0 });
      const result = await rebuildReadModels(store, readStore, projections, {
        onProgress: (position) =>
          bar.update(position, {
            speed: Math.round(position / Math.max(0.001, (Date.now() - started) / 1000)),
          }),
      });
      bar.update(head);
      bar.stop();
      const seconds = (Date.now() - started) / 1000;
      io.out(
        `rebuilt ${result.projections.join(', ')}: ${result.head} events in ${seconds.toFixed(1)} s (${Math.round(result.head / Math.max(seconds, 0.001))} events/s)`,
      );
      for (const s of result.stuck)
        io.err(`projection ${s.projection} STOPPED at position ${s.stuckAt}: ${s.error}`);
      return result.stuck.length === 0 ? EXIT_OK : EXIT_FAILED;
    } catch (error) {
      if (!(error instanceof ReadStoreBusyError)) throw error;
      bar.stop();
      io.err(`accord rebuild: ${error.message}`);
      return EXIT_USAGE;
    } finally {
      bar.stop();
      await readStore.close();
      await store.close();
    }
  },
};

function parse(args: readonly string[]): { data?: string; projection: string[] } {
  try {
    const { values } = parseArgs({
      args: [...args],
      options: { data: { type: 'string' }, projection: { type: 'string', multiple: true } },
      strict: true,
      allowPositionals: false,
    });
    return { data: values.data, projection: values.projection ?? [] };
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

export default rebuildCommand;
