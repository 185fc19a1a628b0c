import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PROJECTIONS } from './projections';
import type { ReadStore } from './read-store';
import { SqliteReadStore } from './sqlite-read-store';

export const READ_STORE_FILE = 'read.db';
export const READ_STORE_KINDS = ['sqlite'] as const;
export type ReadStoreKind = (typeof READ_STORE_KINDS)[number];

/**
 * The read store of a data directory, for querying (the API) — it never creates or resets a read
 * model; that is the projector's job. Collections the projector has not created yet answer as missing.
 */
export async function openReadStoreForQueries(
  dataDir: string,
  kind: ReadStoreKind = 'sqlite',
): Promise<ReadStore> {
  void kind;
  const dir = resolve(dataDir);
  mkdirSync(dir, { recursive: true });
  const store = new SqliteReadStore(join(dir, READ_STORE_FILE));
  await store.attach(PROJECTIONS);
  return store;
}

/** The read store the projector writes (it prepares collections and checkpoints itself). */
export async function openReadStoreForProjector(
  dataDir: string,
  kind: ReadStoreKind = 'sqlite',
): Promise<ReadStore> {
  void kind;
  const dir = resolve(dataDir);
  mkdirSync(dir, { recursive: true });
  return new SqliteReadStore(join(dir, READ_STORE_FILE));
}
