import type { EventStore } from '@accord/store';
import type { Projection } from './projection';
import { Projector, type ProjectorLog } from './projector';
import type { ReadStore } from './read-store';

export interface RebuildOptions {
  readonly batchSize?: number;
  readonly log?: ProjectorLog;
  /** After each committed batch: the position reached and the head being replayed to. */
  readonly onProgress?: (position: number, head: number) => void;
}

export interface RebuildResult {
  readonly head: number;
  readonly projections: readonly string[];
  readonly stuck: readonly { projection: string; stuckAt: number | null; error: string | null }[];
}

/**
 * Empties the projections' read models and replays the log from position 0 up to the head as it was
 * when the rebuild began, through the same code path as incremental projection (so both agree).
 */
export async function rebuildReadModels(
  store: EventStore,
  readStore: ReadStore,
  projections: readonly Projection[],
  options: RebuildOptions = {},
): Promise<RebuildResult> {
  const head = await store.headPosition();
  const projector = new Projector(store, readStore, projections, {
    // 1,000 rather than 5,000: the same CPU per event here, and a batch's events and documents die
    // young instead of being promoted (a lower peak RSS, measured in bench:projector).
    batchSize: options.batchSize ?? 1000,
    ...(options.log === undefined ? {} : { log: options.log }),
    onBatch: (position) => options.onProgress?.(position, head),
  });
  const names = projections.map((p) => p.name);
  await projector.prepare();
  await projector.reset();
  await readStore.deferIndexes?.(names);
  try {
    projector.start();
    await projector.waitFor(head);
    await projector.close();
  } catch (error) {
    // What was replayed stays queryable at the usual speed; the replay's own failure is the news.
    await readStore.restoreIndexes?.(names).catch(() => undefined);
    throw error;
  }
  await readStore.restoreIndexes?.(names);
  const stuck = (await readStore.checkpoints())
    .filter((c) => names.includes(c.projection) && c.status === 'stuck')
    .map((c) => ({ projection: c.projection, stuckAt: c.stuckAt, error: c.error }));
  return { head, projections: names, stuck };
}
