import { mkdirSync } from 'node:fs';
import pino from 'pino';
import { CURRENT_RULES } from '@accord/domain';
import { loadCalendar } from '@accord/calendar-data';
import {
  acquireSqliteProjectorLock,
  openReadStoreForProjector,
  PROJECTIONS,
  Projector,
  type ReadStoreKind,
} from '@accord/read-store';
import { type EventStore, type EventStoreSelection, openEventStore } from '@accord/store';
import { OverdueWatcher } from './overdue-watcher';

export interface ProjectorProcessOptions {
  readonly dataDir: string;
  readonly readStore?: ReadStoreKind;
  /** Default: the embedded ledger `<dataDir>/ledger.db`. */
  readonly store?: EventStore;
  /** Which ledger to open when no store is given (ACCORD_EVENT_STORE); default the embedded one. */
  readonly eventStore?: EventStoreSelection;
  /** How often the overdue watcher looks; 0 turns it off (tests call `watcher.tick()` themselves). */
  readonly watchIntervalMs?: number;
  readonly clock?: () => Date;
  readonly logLevel?: string;
  readonly batchSize?: number;
}

export interface RunningProjector {
  readonly projector: Projector;
  readonly watcher: OverdueWatcher;
  close(): Promise<void>;
}

export const WATCH_INTERVAL_MS = 60_000;

/** The projector process's work, started: projections following the log, and the overdue watcher. */
export async function startProjector(options: ProjectorProcessOptions): Promise<RunningProjector> {
  const logger = pino({ level: options.logLevel ?? 'info', base: { process: 'projector' } });
  const log = { info: (m: string) => logger.info(m), error: (m: string) => logger.error(m) };
  // One writer per read store: a second projector (or one started during `accord rebuild`) stands by.
  mkdirSync(options.dataDir, { recursive: true });
  const lock = await acquireSqliteProjectorLock(options.dataDir, 'projector', {
    wait: true,
    onWait: (holder) =>
      logger.warn(
        `the read store is in use by ${holder ? `${holder.role} pid ${holder.pid} since ${holder.since}` : 'another process'}; standing by`,
      ),
  });
  const store =
    options.store ??
    (await openEventStore(options.eventStore ?? { kind: 'sqlite', dataDir: options.dataDir }));
  const readStore = openReadStoreForProjector(options.dataDir, options.readStore);
  const projector = new Projector(store, readStore, PROJECTIONS, {
    log,
    ...(options.batchSize === undefined ? {} : { batchSize: options.batchSize }),
  });
  projector.prepare();
  projector.start();
  const watcher = new OverdueWatcher({
    store,
    readStore,
    projector,
    // Read on every tick, so a corrected year in calendar.json applies without a restart.
    calendar: () => loadCalendar({ dataDir: options.dataDir }).calendar,
    clock: options.clock ?? (() => new Date()),
    ruleSet: CURRENT_RULES.version,
    log,
  });
  const interval = options.watchIntervalMs ?? WATCH_INTERVAL_MS;
  if (interval > 0) watcher.start(interval);
  return {
    projector,
    watcher,
    async close() {
      await watcher.stop();
      await projector.close();
      readStore.close();
      if (options.store === undefined) await store.close();
      await lock.release();
    },
  };
}
