import type { Projection } from './projection';
import type { ReadStore } from './read-store';

/** Every document of the given projections, collection by collection in key order, with checkpoints. */
export async function dumpReadModels(store: ReadStore, projections: readonly Projection[]): Promise<string> {
  const checkpoints = (await store.checkpoints()).filter((c) =>
    projections.some((p) => p.name === c.projection),
  );
  const lines: string[] = [JSON.stringify({ checkpoints })];
  for (const projection of projections) {
    for (const collection of projection.collections) {
      lines.push(`# ${collection.name}`);
      for await (const doc of store.scan(collection.name)) lines.push(JSON.stringify(doc));
    }
  }
  return lines.join('\n');
}
