import type { RecordedEvent } from '@accord/events';
import { verifyChain } from '@accord/events/integrity';
import type { VerifierKey } from './note';
import { NoteError } from './note';
import { verifyCheckpointNote, type VerifiedCheckpoint } from './checkpoint';
import { eventLeafHash } from './leaf';
import { verifyInclusion } from './rfc6962';

export const BUNDLE_FORMAT = 'accord-case-bundle/1';

/**
 * One case's events as stored, each with its inclusion proof in a co-signed checkpoint: what an
 * inspector or a court is handed, checkable with the agencies' public keys and nothing else.
 */
export interface CaseBundle {
  readonly format: typeof BUNDLE_FORMAT;
  readonly caseId: string;
  readonly streamId: string;
  /** The co-signed checkpoint, a C2SP signed note. */
  readonly checkpoint: string;
  readonly events: readonly {
    /** The event's place in the tree: the leafIndex-th event of the log. */
    readonly leafIndex: number;
    /** base64 hashes, RFC 6962 PATH order. */
    readonly proof: readonly string[];
    readonly event: RecordedEvent;
  }[];
}

export class BundleError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BundleError';
  }
}

export interface BundleReport {
  readonly caseId: string;
  readonly events: number;
  readonly checkpoint: VerifiedCheckpoint;
}

const B64_HASH = /^[A-Za-z0-9+/]{43}=$/;

/**
 * Checks a bundle offline: the checkpoint's signatures (every required agency), then every event:
 * its hash against its own bytes, its chain from revision 0, and its inclusion proof against the
 * signed root. Throws BundleError naming the first thing wrong.
 */
export function verifyCaseBundle(
  raw: unknown,
  trusted: readonly VerifierKey[],
  required?: readonly string[],
): BundleReport {
  const bundle = raw as Partial<CaseBundle> | null;
  if (!bundle || typeof bundle !== 'object' || bundle.format !== BUNDLE_FORMAT)
    throw new BundleError(`not a case bundle (format ${BUNDLE_FORMAT})`);
  if (
    typeof bundle.checkpoint !== 'string' ||
    !Array.isArray(bundle.events) ||
    typeof bundle.streamId !== 'string'
  )
    throw new BundleError('the bundle lacks its checkpoint, stream or events');
  let signed: VerifiedCheckpoint;
  try {
    signed = verifyCheckpointNote(bundle.checkpoint, trusted, required);
  } catch (error) {
    if (error instanceof NoteError) throw new BundleError(`checkpoint refused: ${error.message}`);
    throw error;
  }
  const { size, root } = signed.checkpoint;
  if (bundle.events.length === 0) throw new BundleError('the bundle holds no events');
  const events: RecordedEvent[] = [];
  for (const [i, entry] of bundle.events.entries()) {
    const event = entry?.event;
    const where = `event ${i} (${event?.streamId ?? '?'} revision ${event?.revision ?? '?'}, position ${event?.position ?? '?'})`;
    if (!event || typeof event !== 'object' || event.streamId !== bundle.streamId)
      throw new BundleError(`${where} is not an event of ${bundle.streamId}`);
    if (
      !Number.isSafeInteger(entry.leafIndex) ||
      !Array.isArray(entry.proof) ||
      !(entry.proof as unknown[]).every((p) => typeof p === 'string' && B64_HASH.test(p))
    )
      throw new BundleError(`${where}: malformed inclusion proof`);
    const broken = verifyChain(
      bundle.streamId,
      [event],
      events.length === 0 ? undefined : events[events.length - 1],
    );
    if (broken)
      throw new BundleError(
        broken.kind === 'hash_mismatch'
          ? `${where}: its content does not match its hash (changed)`
          : `${where}: breaks the stream's chain (${broken.kind.replace(/_/g, ' ')})`,
      );
    let leaf: Buffer;
    try {
      leaf = eventLeafHash(event);
    } catch (error) {
      throw new BundleError(`${where}: ${(error as Error).message}`);
    }
    if (
      !verifyInclusion(
        entry.leafIndex,
        size,
        leaf,
        entry.proof.map((p: string) => Buffer.from(p, 'base64')),
        root,
      )
    )
      throw new BundleError(
        `${where}: its inclusion proof does not lead to the signed root of tree size ${size}`,
      );
    events.push(event);
  }
  return { caseId: String(bundle.caseId), events: events.length, checkpoint: signed };
}
