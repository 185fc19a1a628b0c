import { hashLeaf } from './rfc6962';

/** What leaf i commits to: the event at the i-th place of the log, in commit order. */
export interface LeafEvent {
  readonly position: number;
  readonly streamId: string;
  readonly revision: number;
  /** The event's envelope hash, 64 lowercase hex digits. */
  readonly hash: string;
}

const LEAF_VERSION = 0x01;
const HEX_HASH = /^[0-9a-f]{64}$/;
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
  if (!Number.isSafeInteger(event.position) || event.position < 0)
    throw new RangeError(`position ${event.position} is not a non-negative integer`);
  if (!Number.isSafeInteger(event.revision) || event.revision < 0)
    throw new RangeError(`revision ${event.revision} is not a non-negative integer`);
  if (!HEX_HASH.test(event.hash)) throw new RangeError('envelope hash is not 64 lowercase hex digits');
  const stream = Buffer.from(event.streamId, 'utf8');
  if (stream.length > MAX_STREAM_ID_BYTES) throw new RangeError('stream id is longer than 65535 bytes');
  const out = Buffer.alloc(1 + 8 + 8 + 2 + stream.length + 32);
  let at = out.writeUInt8(LEAF_VERSION, 0);
  at = out.writeBigUInt64BE(BigInt(event.position), at);
  at = out.writeBigUInt64BE(BigInt(event.revision), at);
  at = out.writeUInt16BE(stream.length, at);
  at += stream.copy(out, at);
  out.write(event.hash, at, 'hex');
  return out;
}

export function eventLeafHash(event: LeafEvent): Buffer {
  return hashLeaf(encodeLeaf(event));
}
