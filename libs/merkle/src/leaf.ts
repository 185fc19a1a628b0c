import { hash } from 'node:crypto';

/** What leaf i commits to: the event at the i-th place of the log, in commit order. */
export interface LeafEvent {
  readonly position: number;
  readonly streamId: string;
  readonly revision: number;
  /** The event's envelope hash, 64 lowercase hex digits. */
  readonly hash: string;
}

const LEAF_VERSION = 0x01;
const MAX_STREAM_ID_BYTES = 0xffff;

/**
 * The leaf's bytes, unambiguous by construction (fixed widths and one length prefix):
 *
 *   0x01                      encoding version
 *   position   uint64 BE      global position in the log
 *   revision   uint64 BE      0-based revision in its stream
 *   len        uint16 BE      byte length of the stream id
 *   streamId   len bytes      UTF-8
 *   hash       32 bytes       the envelope hash (SHA-256 of its RFC 8785 bytes)
 */
export function encodeLeaf(event: LeafEvent): Buffer {
  return Buffer.from(writeLeaf(event, 0));
}

/** RFC 6962 leaf hash: SHA-256(0x00 || leaf). */
export function eventLeafHash(event: LeafEvent): Buffer {
  return Buffer.from(eventLeafHashLatin1(event), 'latin1');
}

/** The leaf hash as a latin1 string (one char per byte): see hashChildrenLatin1 for why. */
export function eventLeafHashLatin1(event: LeafEvent): string {
  return hash('sha256', writeLeaf(event, 1), 'binary');
}

// Verify hashes every leaf of the log: one reused buffer (hashing is synchronous) instead of an
// allocation per leaf, and no BigInt.
let scratch = Buffer.alloc(256);

/** The leaf's bytes after `offset` zero bytes (room for the leaf prefix), as a view of `scratch`. */
function writeLeaf(event: LeafEvent, offset: number): Buffer {
  if (!Number.isSafeInteger(event.position) || event.position < 0)
    throw new RangeError(`position ${event.position} is not a non-negative integer`);
  if (!Number.isSafeInteger(event.revision) || event.revision < 0)
    throw new RangeError(`revision ${event.revision} is not a non-negative integer`);
  if (!isHashHex(event.hash)) throw new RangeError('envelope hash is not 64 lowercase hex digits');
  const streamBytes = Buffer.byteLength(event.streamId, 'utf8');
  if (streamBytes > MAX_STREAM_ID_BYTES) throw new RangeError('stream id is longer than 65535 bytes');
  const length = offset + 1 + 8 + 8 + 2 + streamBytes + 32;
  if (scratch.length < length) scratch = Buffer.alloc(length);
  scratch.fill(0, 0, offset);
  let at = scratch.writeUInt8(LEAF_VERSION, offset);
  at = writeUint64(scratch, event.position, at);
  at = writeUint64(scratch, event.revision, at);
  at = scratch.writeUInt16BE(streamBytes, at);
  at += scratch.write(event.streamId, at, 'utf8');
  scratch.write(event.hash, at, 'hex');
  return scratch.subarray(0, length);
}

function writeUint64(out: Buffer, value: number, at: number): number {
  out.writeUInt32BE(Math.floor(value / 0x1_0000_0000), at);
  return out.writeUInt32BE(value >>> 0, at + 4);
}

/** /^[0-9a-f]{64}$/ without the regular expression, which cost as much as the leaf's hash. */
function isHashHex(text: string): boolean {
  if (text.length !== 64) return false;
  for (let i = 0; i < 64; i++) {
    const c = text.charCodeAt(i);
    if (!((c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x66))) return false;
  }
  return true;
}
