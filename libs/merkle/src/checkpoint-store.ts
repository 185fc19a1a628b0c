import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkpointText, DEFAULT_ORIGIN } from './checkpoint';
import { CosignRefusedError, type Cosigner } from './cosigner';
import type { MerkleLog } from './merkle-log';
import { formatNote, parseNote } from './note';
import { parseCheckpointText } from './checkpoint';

export const CHECKPOINT_DIR = 'checkpoints';
const NOTE = /^(\d{12})\.note$/;

/** Co-signed checkpoints, one file per tree size (`<data>/checkpoints/000000000042.note`), outside the ledger file. */
export class CheckpointStore {
  constructor(readonly dir: string) {}

  sizes(): number[] {
    if (!existsSync(this.dir)) return [];
    return readdirSync(this.dir)
      .map((name) => NOTE.exec(name)?.[1])
      .filter((size): size is string => size !== undefined)
      .map(Number)
      .sort((a, b) => a - b);
  }

  read(size: number): string | undefined {
    const file = join(this.dir, `${String(size).padStart(12, '0')}.note`);
    return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
  }

  latest(): string | undefined {
    const sizes = this.sizes();
    return sizes.length === 0 ? undefined : this.read(sizes[sizes.length - 1]!);
  }

  /** The latest checkpoint whose tree covers at least `size` leaves. */
  covering(size: number): string | undefined {
    const found = this.sizes().find((s) => s >= size);
    return found === undefined ? undefined : this.read(found);
  }

  save(note: string): string {
    const { size } = parseCheckpointText(parseNote(note).text);
    mkdirSync(this.dir, { recursive: true });
    const file = join(this.dir, `${String(size).padStart(12, '0')}.note`);
    writeFileSync(`${file}.tmp`, note, { mode: 0o644 });
    renameSync(`${file}.tmp`, file);
    return file;
  }
}

export interface TakenCheckpoint {
  readonly note: string;
  readonly size: number;
  readonly file: string;
}

/**
 * Takes a checkpoint of the tree as it stands and has every cosigner sign it; saves it only when
 * all signed. A refusal (the tree does not extend what a cosigner signed) throws, naming who refused.
 */
export function takeCheckpoint(options: {
  readonly log: MerkleLog;
  readonly cosigners: readonly Cosigner[];
  readonly store: CheckpointStore;
  readonly now: string;
  readonly origin?: string;
}): TakenCheckpoint {
  const { log, cosigners } = options;
  const size = log.size;
  const text = checkpointText({ origin: options.origin ?? DEFAULT_ORIGIN, size, root: log.root(size) });
  const refusals: CosignRefusedError[] = [];
  const lines: string[] = [];
  for (const cosigner of cosigners) {
    const last = cosigner.last();
    const proof = last && last.size > 0 && last.size < size ? log.consistencyProof(last.size, size) : [];
    try {
      lines.push(cosigner.cosign(text, proof, options.now));
    } catch (error) {
      if (!(error instanceof CosignRefusedError)) throw error;
      refusals.push(error);
    }
  }
  if (refusals.length > 0) throw refusals[0];
  const note = formatNote(text, lines);
  return { note, size, file: options.store.save(note) };
}
