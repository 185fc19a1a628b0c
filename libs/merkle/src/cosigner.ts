import { appendFileSync, closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseCheckpointText } from './checkpoint';
import { signatureLine, type SignerKey } from './note';
import { verifyConsistency } from './rfc6962';

/** One checkpoint a cosigner signed, as it keeps it in its own record. */
export interface CosignedRecord {
  readonly origin: string;
  readonly size: number;
  /** base64 */
  readonly root: string;
  readonly signedAt: string;
}

export class CosignRefusedError extends Error {
  readonly code = 'CHECKPOINT_INCONSISTENT';
  constructor(
    readonly signer: string,
    reason: string,
  ) {
    super(`${signer} refuses to sign: ${reason}`);
    this.name = 'CosignRefusedError';
  }
}

/**
 * One agency's cosigner. It signs a checkpoint only if it extends the last one it signed (same
 * origin, no smaller, and a valid consistency proof between the two), and records what it signed
 * in its own append-only file (one JSON line each, fsync'd before the signature is handed out), so
 * no one can get it to sign two different histories.
 */
export class Cosigner {
  constructor(
    readonly key: SignerKey,
    /** Its own record, e.g. <data>/cosigners/COURT.jsonl; each agency can keep it on its own disk. */
    readonly recordFile: string,
  ) {}

  get name(): string {
    return this.key.name;
  }

  last(): CosignedRecord | undefined {
    if (!existsSync(this.recordFile)) return undefined;
    const lines = readFileSync(this.recordFile, 'utf8')
      .split('\n')
      .filter((l) => l.length > 0);
    const line = lines[lines.length - 1];
    return line === undefined ? undefined : (JSON.parse(line) as CosignedRecord);
  }

  /** Returns the signature line for `text`, or throws CosignRefusedError. `proof` leads from the last signed size. */
  cosign(text: string, proof: readonly Buffer[], now: string): string {
    const checkpoint = parseCheckpointText(text);
    const last = this.last();
    if (last) {
      const refuse = (reason: string): never => {
        throw new CosignRefusedError(this.name, reason);
      };
      const lastRoot = Buffer.from(last.root, 'base64');
      if (last.origin !== checkpoint.origin)
        refuse(`origin ${checkpoint.origin} is not ${last.origin}, the log it signed before`);
      if (checkpoint.size < last.size)
        refuse(`tree size ${checkpoint.size} is smaller than ${last.size}, which it already signed`);
      if (checkpoint.size === last.size && !checkpoint.root.equals(lastRoot))
        refuse(`a different root for tree size ${last.size}, which it already signed`);
      if (
        checkpoint.size > last.size &&
        last.size > 0 &&
        !verifyConsistency(last.size, checkpoint.size, proof, lastRoot, checkpoint.root)
      )
        refuse(`tree size ${checkpoint.size} is not consistent with tree size ${last.size}, which it signed`);
    }
    const record: CosignedRecord = {
      origin: checkpoint.origin,
      size: checkpoint.size,
      root: checkpoint.root.toString('base64'),
      signedAt: now,
    };
    mkdirSync(dirname(this.recordFile), { recursive: true });
    appendFileSync(this.recordFile, `${JSON.stringify(record)}\n`, { mode: 0o600 });
    const fd = openSync(this.recordFile, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    return signatureLine(this.key, text);
  }
}
