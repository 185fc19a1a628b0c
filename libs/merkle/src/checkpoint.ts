import { isSignedBy, NoteError, parseNote, parseVerifierKey, type Note, type VerifierKey } from './note';
import { HASH_BYTES } from './rfc6962';

/** C2SP tlog-checkpoint (https://c2sp.org/tlog-checkpoint): origin, tree size, base64 root hash. */
export interface Checkpoint {
  readonly origin: string;
  readonly size: number;
  readonly root: Buffer;
}

/** The origin Accord writes unless told otherwise: a log identity, not a URL anyone fetches. */
export const DEFAULT_ORIGIN = 'accord.ledger/lushan-2021-144';

export function checkpointText(checkpoint: Checkpoint): string {
  if (checkpoint.origin.length === 0 || /[\n]/.test(checkpoint.origin))
    throw new NoteError('origin must be one non-empty line');
  return `${checkpoint.origin}\n${checkpoint.size}\n${checkpoint.root.toString('base64')}\n`;
}

export function parseCheckpointText(text: string): Checkpoint {
  const lines = text.split('\n');
  // Extension lines (fourth and later) are allowed by the spec; Accord writes none and reads none.
  if (lines.length < 4 || lines[lines.length - 1] !== '')
    throw new NoteError('checkpoint text must be at least 3 lines, each ending in a newline');
  const [origin, sizeText, rootText] = lines as [string, string, string];
  if (origin.length === 0) throw new NoteError('checkpoint origin is empty');
  if (!/^(0|[1-9][0-9]*)$/.test(sizeText) || !Number.isSafeInteger(Number(sizeText)))
    throw new NoteError(`checkpoint tree size ${JSON.stringify(sizeText)} is not a decimal integer`);
  const root = Buffer.from(rootText, 'base64');
  if (root.length !== HASH_BYTES || root.toString('base64') !== rootText)
    throw new NoteError('checkpoint root is not the base64 of 32 bytes');
  return { origin, size: Number(sizeText), root };
}

/** The three agencies whose signatures a checkpoint needs, unless the verifier says otherwise. */
export const REQUIRED_SIGNERS = ['COURT', 'PROCURATORATE', 'GOV_OFFICE'] as const;

/**
 * A trust file: one verifier key per line (`<name>+<id>+<key>`, as `accord keys generate` prints),
 * blank lines and `#` comments ignored. The key name is the agency.
 */
export function parseTrustFile(text: string): VerifierKey[] {
  const keys = text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0 && !line.startsWith('#'))
    .map(parseVerifierKey);
  if (keys.length === 0) throw new NoteError('the trust file lists no keys');
  return keys;
}

export interface VerifiedCheckpoint {
  readonly checkpoint: Checkpoint;
  readonly note: Note;
  /** Agencies whose trusted key signed. */
  readonly signedBy: readonly string[];
}

/**
 * Policy: every name in `required` must have a trusted key, and every trusted key of a required
 * name must have signed. So one agency (or two) cannot vouch for a checkpoint alone.
 */
export function verifyCheckpointNote(
  noteText: string,
  trusted: readonly VerifierKey[],
  required: readonly string[] = REQUIRED_SIGNERS,
): VerifiedCheckpoint {
  const note = parseNote(noteText);
  const checkpoint = parseCheckpointText(note.text);
  const signedBy = trusted.filter((key) => isSignedBy(note, key)).map((key) => key.name);
  for (const name of required) {
    if (!trusted.some((key) => key.name === name))
      throw new NoteError(`the trust file has no key for ${name}`);
    if (!signedBy.includes(name)) throw new NoteError(`the checkpoint carries no valid signature by ${name}`);
  }
  return { checkpoint, note, signedBy };
}
