import { Inject, Injectable } from '@nestjs/common';
import { type Checkpoint, ReadModelMissingError, type ReadStore } from '@accord/read-store';
import { ApiError } from '../http/api-error';
import { READ_STORE } from '../pipeline/tokens';

/** How long `?minPosition=` waits for the projector before answering 503 READ_MODEL_BEHIND. */
export const MIN_POSITION_WAIT_MS = 5_000;
const POLL_MS = 15;

/**
 * The API's side of the read store: which log position each read model has reached, and the bounded
 * wait that lets a client read its own writes (`?minPosition=` = the `position` a write answered).
 */
@Injectable()
export class ReadModels {
  constructor(@Inject(READ_STORE) readonly store: ReadStore) {}

  /** The lowest position the named projections have all reached, after waiting for `minPosition`. */
  async reached(
    projections: readonly string[],
    minPosition?: number,
    waitMs = MIN_POSITION_WAIT_MS,
  ): Promise<number> {
    const deadline = Date.now() + waitMs;
    for (;;) {
      const checkpoints = await this.checkpoints(projections);
      const position = Math.min(...checkpoints.map((c) => c.position));
      if (minPosition === undefined || position >= minPosition) return position;
      const stuck = checkpoints.filter((c) => c.status === 'stuck' && c.position < minPosition);
      if (stuck.length > 0 || Date.now() >= deadline) {
        throw new ApiError('READ_MODEL_BEHIND', {
          minPosition,
          reached: position,
          stuck: stuck.map((c) => ({ projection: c.projection, stuckAt: c.stuckAt })),
        });
      }
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  }

  /** A query on a read model the projector has not created yet answers 503, not 500. */
  async query<T>(run: (store: ReadStore) => Promise<T> | T): Promise<T> {
    try {
      return await run(this.store);
    } catch (error) {
      if (error instanceof ReadModelMissingError)
        throw new ApiError('READ_MODEL_BEHIND', { missing: error.collection });
      throw error;
    }
  }

  private async checkpoints(projections: readonly string[]): Promise<Checkpoint[]> {
    const all = await this.store.checkpoints();
    return projections.map(
      (name) =>
        all.find((c) => c.projection === name) ?? {
          projection: name,
          version: 0,
          position: 0,
          status: 'running' as const,
          stuckAt: null,
          error: null,
        },
    );
  }
}
