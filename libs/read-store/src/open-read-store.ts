import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PostgresReadStore } from './postgres-read-store';
import { PROJECTIONS } from './projections';
import type { ReadStore } from './read-store';
import { SqliteReadStore } from './sqlite-read-store';

export const READ_STORE_FILE = 'read.db';
export const READ_STORE_KINDS = ['sqlite', 'postgres'] as const;
export type ReadStoreKind = (typeof READ_STORE_KINDS)[number];

/**
 * Where read models live: `<dataDir>/read.db`, or a PostgreSQL database (schema `accord_read`).
 * `commitThread`: the projector commits to read.db on a thread of its own (ACCORD_READ_STORE_THREAD).
 */
export type ReadStoreSelection =
  | { readonly kind: 'sqlite'; readonly dataDir: string; readonly commitThread?: boolean }
  | { readonly kind: 'postgres'; readonly url: string; readonly schema?: string };

function open(selection: ReadStoreSelection, writer: boolean): ReadStore {
  if (selection.kind === 'postgres')
    return new PostgresReadStore({
      url: selection.url,
      ...(selection.schema === undefined ? {} : { schema: selection.schema }),
    });
  const dir = resolve(selection.dataDir);
  mkdirSync(dir, { recursive: true });
  return new SqliteReadStore(join(dir, READ_STORE_FILE), {
    commitThread: writer && selection.commitThread === true,
  });
}

/**
 * The read store for querying (the API) — it never creates or resets a read model; that is the
 * projector's job. Collections the projector has not created yet answer as missing.
 */
export async function openReadStoreForQueries(selection: ReadStoreSelection): Promise<ReadStore> {
  const store = open(selection, false);
  await store.attach(PROJECTIONS);
  return store;
}

/** The read store the projector writes (it prepares collections and checkpoints itself). */
export async function openReadStoreForProjector(selection: ReadStoreSelection): Promise<ReadStore> {
  return open(selection, true);
}
