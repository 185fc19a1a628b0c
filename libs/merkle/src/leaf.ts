import { join } from 'node:path';
import { encodeLeaf as encode, leafHashLatin1 } from './tree-kernel';

/** Leaf inputs (0x00 || leaf) written into and read from a caller's buffer: how leaves cross to a thread. */
export { leafInputRoom, readLeafInput, writeLeafInput } from './tree-kernel';

/** The kernel's own file, for a worker thread to load with no TypeScript loader (`require` it). */
export const TREE_KERNEL_FILE = join(__dirname, 'tree-kernel.js');

/** What leaf i commits to: the event at the i-th place of the log, in commit order. */
export interface LeafEvent {
  readonly position: number;
  readonly streamId: string;
  readonly revision: number;
  /** The event's envelope hash, 64 lowercase hex digits. */
  readonly hash: string;
}

/**
 * The leaf's bytes, unambiguous by construction (fixed widths and one length prefix):
 *
 *   0x01                      encoding version
 *   position   uint64 BE      global position in the log
 *   revision   uint64 BE      0-based revision in its stream
 *   len        uint16 BE      byte length of the stream id
 *   streamId   len bytes      UTF-8
 *   hash       32 bytes       the envelope hash (SHA-256 of its RFC 8785 bytes)
 *
 * Written by tree-kernel.js (writeLeafInput), which the rebuild thread shares.
 */
export function encodeLeaf(event: LeafEvent): Buffer {
  return encode(event.position, event.revision, event.streamId, event.hash);
}

/** RFC 6962 leaf hash: SHA-256(0x00 || leaf). */
export function eventLeafHash(event: LeafEvent): Buffer {
  return Buffer.from(eventLeafHashLatin1(event), 'latin1');
}

/** The leaf hash as a latin1 string (one char per byte): see hashChildrenLatin1 for why. */
export function eventLeafHashLatin1(event: LeafEvent): string {
  return leafHashLatin1(event.position, event.revision, event.streamId, event.hash);
}
