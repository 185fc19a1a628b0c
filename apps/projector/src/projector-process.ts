import { mkdirSync } from 'node:fs';
import pino from 'pino';
import { CURRENT_RULES } from '@accord/domain';
import { loadCalendar } from '@accord/calendar-data';
import {
  openReadStoreForProjector,
  PROJECTIONS,
  Projector,
  type ReadStoreSelection,
} from '@accord/read-store';
import { type EventStore, type EventStoreSelection, openEventStore } from '@accord/store';
import { OverdueWatcher } from './overdue-watcher';

export interface ProjectorProcessOptions {
  readonly dataDir: string;
  /** Default: the embedded read store `<dataDir>/read.db`. */
  readonly readStore?: ReadStoreSelection;
  /** Default: the embedded ledger `<dataDir>/ledger.db`. */
  readonly store?: EventStore;
  /** Which ledger to open when no store is given (ACCORD_EVENT_STORE); default the embedded one. */
  readonly eventStore?: EventStoreSelection;
  /** How often the overdue watcher looks; 0 turns it off (tests call `watcher.tick()` themselves). */
  readonly watchIntervalMs?: number;
  readonly clock?: () => Date;
  readonly logLevel?: string;
  readonly batchSize?: number;
  /**
   * Wait as a hot standby while another projector holds the read store (PostgreSQL); default: when
   * the read store is PostgreSQL. SQLite refuses a second projector instead.
   */
  readonly standby?: boolean;
  /** The projector stopped on an error (read store down, lock lost): the process should exit. */
  readonly onFailure?: (error: unknown) => void;
  /** After each committed batch (tests follow the handover by it). */
  readonly onBatch?: (position: number) => void;
  /** When it has to wait for another projector's lock (besides the log line). */
  readonly onStandby?: () => void;
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
  mkdirSync(options.dataDir, { recursive: true });
  const store =
    options.store ??
    (await openEventStore(options.eventStore ?? { kind: 'sqlite', dataDir: options.dataDir }));
  const selection = options.readStore ?? { kind: 'sqlite', dataDir: options.dataDir };
  const readStore = await openReadStoreForProjector(selection);
  const projector = new Projector(store, readStore, PROJECTIONS, {
    log,
    ...(options.batchSize === undefined ? {} : { batchSize: options.batchSize }),
    standby: options.standby ?? selection.kind === 'postgres',
    onStandby: (holder) => {
      log.info(`standby: ${holder} is the active projector; waiting for its lock`);
      options.onStandby?.();
    },
    ...(options.onFailure === undefined ? {} : { onFailure: options.onFailure }),
    ...(options.onBatch === undefined ? {} : { onBatch: options.onBatch }),
  });
  try {
    await projector.prepare();
  } catch (error) {
    await readStore.close();
    if (options.store === undefined) await store.close();
    throw error;
  }
  log.info('active: this projector holds the read store and follows the log');
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
      await readStore.close();
      if (options.store === undefined) await store.close();
    },
  };
}
