// @ts-check
'use strict';
/*
 * The tree's hashing, written once: a leaf's bytes, RFC 6962's leaf and node hashes, and the
 * compact range's append and root. Plain CommonJS on purpose, so that a worker thread can run it
 * with no TypeScript loader: `verify --checkpoint` hashes the tree on a thread beside the chain
 * check, and a thread that loaded ts-node first would spend longer starting (~700 ms) than hashing.
 * leaf.ts, rfc6962.ts and compact-range.ts export it with types (allowJs; `// @ts-check` and the
 * JSDoc below make tsc check this file as it checks the TypeScript).
 */
const { hash } = require('node:crypto');

const HASH_BYTES = 32;
const LEAF_VERSION = 0x01;
const MAX_STREAM_ID_BYTES = 0xffff;

/** The leaf input's bytes besides the stream id: 0x00, version, position, revision, length, hash. */
const LEAF_INPUT_FIXED = 1 + 1 + 8 + 8 + 2 + HASH_BYTES;
/** Where the stream id's byte length sits in a leaf input. */
const STREAM_LENGTH_AT = 1 + 1 + 8 + 8;

/**
 * Writes the RFC 6962 leaf input of an event, 0x00 || leaf, at `out[at]`, and returns where it
 * ends. The leaf, unambiguous by construction (fixed widths and one length prefix):
 *
 *   0x01                      encoding version
 *   position   uint64 BE      global position in the log
 *   revision   uint64 BE      0-based revision in its stream
 *   len        uint16 BE      byte length of the stream id
 *   streamId   len bytes      UTF-8
 *   hash       32 bytes       the envelope hash (SHA-256 of its RFC 8785 bytes)
 *
 * The caller leaves room for leafInputRoom(streamId) bytes.
 *
 * @param {Buffer} out
 * @param {number} at
 * @param {number} position
 * @param {number} revision
 * @param {string} streamId
 * @param {string} hashHex the envelope hash, 64 lowercase hex digits
 * @returns {number}
 */
function writeLeafInput(out, at, position, revision, streamId, hashHex) {
  if (!Number.isSafeInteger(position) || position < 0)
    throw new RangeError(`position ${position} is not a non-negative integer`);
  if (!Number.isSafeInteger(revision) || revision < 0)
    throw new RangeError(`revision ${revision} is not a non-negative integer`);
  if (typeof hashHex !== 'string' || hashHex.length !== 2 * HASH_BYTES)
    throw new RangeError('envelope hash is not 64 lowercase hex digits');
  if (out.length - at < leafInputRoom(streamId)) throw new RangeError('no room for the leaf');
  out[at] = 0x00;
  out[at + 1] = LEAF_VERSION;
  writeUint64(out, position, at + 2);
  writeUint64(out, revision, at + 10);
  // Written first and measured after: one pass over the string instead of two.
  const streamBytes = out.write(streamId, at + STREAM_LENGTH_AT + 2, 'utf8');
  if (streamBytes > MAX_STREAM_ID_BYTES) throw new RangeError('stream id is longer than 65535 bytes');
  out[at + STREAM_LENGTH_AT] = streamBytes >>> 8;
  out[at + STREAM_LENGTH_AT + 1] = streamBytes & 0xff;
  const hashAt = at + STREAM_LENGTH_AT + 2 + streamBytes;
  // Decoded, then encoded back: equal only for 64 lowercase hex digits (the decoder alone takes
  // either case, and the low byte of a wider character). A third of the cost of a loop over the
  // digits, which was most of writing a leaf.
  if (
    out.write(hashHex, hashAt, 'hex') !== HASH_BYTES ||
    out.toString('hex', hashAt, hashAt + HASH_BYTES) !== hashHex
  )
    throw new RangeError('envelope hash is not 64 lowercase hex digits');
  return hashAt + HASH_BYTES;
}

/**
 * The most bytes writeLeafInput may need for a stream id (UTF-8 takes at most 3 bytes for each
 * UTF-16 code unit).
 *
 * @param {string} streamId
 */
function leafInputRoom(streamId) {
  return LEAF_INPUT_FIXED + 3 * streamId.length;
}

/**
 * The length of the leaf input that starts at `bytes[at]`.
 *
 * @param {Uint8Array} bytes
 * @param {number} at
 */
function leafInputLength(bytes, at) {
  return LEAF_INPUT_FIXED + ((bytes[at + STREAM_LENGTH_AT] << 8) | bytes[at + STREAM_LENGTH_AT + 1]);
}

/**
 * The event a leaf input at `bytes[at]` commits to (the inverse of writeLeafInput).
 *
 * @param {Buffer} bytes
 * @param {number} at
 * @returns {{ position: number, revision: number, streamId: string, hash: string, end: number }}
 */
function readLeafInput(bytes, at) {
  const end = at + leafInputLength(bytes, at);
  if (bytes[at] !== 0x00 || bytes[at + 1] !== LEAF_VERSION || end > bytes.length)
    throw new RangeError(`no leaf input at byte ${at}`);
  const streamEnd = end - HASH_BYTES;
  return {
    position: readUint64(bytes, at + 2),
    revision: readUint64(bytes, at + 10),
    streamId: bytes.toString('utf8', at + STREAM_LENGTH_AT + 2, streamEnd),
    hash: bytes.toString('hex', streamEnd, end),
    end,
  };
}

// One leaf input at a time for the callers that hash single events (hashing is synchronous).
let scratch = Buffer.alloc(256);

/**
 * RFC 6962 leaf hash of the event's leaf, SHA-256(0x00 || leaf), as a latin1 string (one char per
 * byte): see hashChildrenLatin1 for why.
 *
 * @param {number} position
 * @param {number} revision
 * @param {string} streamId
 * @param {string} hashHex
 * @returns {string}
 */
function leafHashLatin1(position, revision, streamId, hashHex) {
  const end = writeScratch(position, revision, streamId, hashHex);
  return hash('sha256', scratch.subarray(0, end), 'binary');
}

/**
 * The leaf's bytes (without the 0x00 prefix), a copy.
 *
 * @param {number} position
 * @param {number} revision
 * @param {string} streamId
 * @param {string} hashHex
 * @returns {Buffer}
 */
function encodeLeaf(position, revision, streamId, hashHex) {
  const end = writeScratch(position, revision, streamId, hashHex);
  return Buffer.from(scratch.subarray(1, end));
}

/**
 * @param {number} position
 * @param {number} revision
 * @param {string} streamId
 * @param {string} hashHex
 */
function writeScratch(position, revision, streamId, hashHex) {
  const room = leafInputRoom(streamId);
  if (scratch.length < room) scratch = Buffer.alloc(room);
  return writeLeafInput(scratch, 0, position, revision, streamId, hashHex);
}

/**
 * Hashes the leaf inputs packed in `bytes[0..end)` (each as writeLeafInput wrote it) and appends
 * them, in order, to the right edge of a tree of `count` leaves; returns how many there were.
 *
 * @param {(string | undefined)[]} edge
 * @param {number} count
 * @param {Buffer} bytes
 * @param {number} end
 */
function appendLeafInputs(edge, count, bytes, end) {
  let added = 0;
  for (let at = 0; at < end;) {
    const length = leafInputLength(bytes, at);
    if (bytes[at] !== 0x00 || bytes[at + 1] !== LEAF_VERSION || at + length > end)
      throw new RangeError(`no leaf input at byte ${at}`);
    appendToEdge(edge, count + added, hash('sha256', bytes.subarray(at, at + length), 'binary'), undefined);
    added += 1;
    at += length;
  }
  return added;
}

/**
 * @param {Buffer} out
 * @param {number} value
 * @param {number} at
 */
function writeUint64(out, value, at) {
  // Byte by byte: writeUInt32BE's argument checks cost more than the stores (value is checked).
  const high = Math.floor(value / 0x1_0000_0000);
  const low = value >>> 0;
  out[at] = high >>> 24;
  out[at + 1] = (high >>> 16) & 0xff;
  out[at + 2] = (high >>> 8) & 0xff;
  out[at + 3] = high & 0xff;
  out[at + 4] = low >>> 24;
  out[at + 5] = (low >>> 16) & 0xff;
  out[at + 6] = (low >>> 8) & 0xff;
  out[at + 7] = low & 0xff;
}

/**
 * @param {Buffer} bytes
 * @param {number} at
 */
function readUint64(bytes, at) {
  const value = bytes.readUInt32BE(at) * 0x1_0000_0000 + bytes.readUInt32BE(at + 4);
  if (!Number.isSafeInteger(value)) throw new RangeError('a leaf number beyond 2^53');
  return value;
}

// One-shot hashing of one assembled buffer: a streaming Hash object per call cost ~3x as much,
// and verify hashes two nodes per event. The scratch buffer is safe to reuse: hashing is synchronous.
const node = Buffer.alloc(1 + 2 * HASH_BYTES);
node[0] = 0x01;

/**
 * RFC 6962 leaf hash, SHA-256(0x00 || data).
 *
 * @param {Uint8Array} data
 * @returns {Buffer}
 */
function hashLeaf(data) {
  const leaf = Buffer.allocUnsafe(1 + data.length);
  leaf[0] = 0x00;
  leaf.set(data, 1);
  return hash('sha256', leaf, 'buffer');
}

/**
 * RFC 6962 node hash, SHA-256(0x01 || left || right).
 *
 * @param {Uint8Array} left
 * @param {Uint8Array} right
 * @returns {Buffer}
 */
function hashChildren(left, right) {
  node.set(left, 1);
  node.set(right, 1 + HASH_BYTES);
  return hash('sha256', node, 'buffer');
}

/**
 * hashChildren over hashes held as latin1 strings (one char per byte), for the loops that hash a
 * whole log (the follower, verify): a digest handed back as a Buffer costs about five times one
 * handed back as a string ('binary' is latin1), and these loops hash every node of the tree.
 *
 * @param {string} left
 * @param {string} right
 * @returns {string}
 */
function hashChildrenLatin1(left, right) {
  node.write(left, 1, HASH_BYTES, 'latin1');
  node.write(right, 1 + HASH_BYTES, HASH_BYTES, 'latin1');
  return hash('sha256', node, 'binary');
}

/**
 * Appends a leaf hash to the right edge of a tree of `count` leaves (edge[level] holds the perfect
 * subtree of 2^level leaves waiting for its right sibling, or nothing). `onNode` sees each perfect
 * subtree as it completes. Hashes are latin1 strings.
 *
 * @param {(string | undefined)[]} edge
 * @param {number} count
 * @param {string} leaf
 * @param {((level: number, index: number, hash: string) => void) | undefined} onNode
 */
function appendToEdge(edge, count, leaf, onNode) {
  let hash = leaf;
  let level = 0;
  // The index at `level` of the subtree holding the new leaf; odd while a left sibling waits.
  let index = count;
  while (index % 2 === 1) {
    hash = hashChildrenLatin1(/** @type {string} */ (edge[level]), hash);
    edge[level] = undefined;
    level += 1;
    index = (index - 1) / 2;
    if (onNode) onNode(level, index, hash);
  }
  edge[level] = hash;
}

/**
 * The root of the tree whose right edge this is (undefined for the empty tree).
 *
 * @param {readonly (string | undefined)[]} edge
 * @returns {string | undefined}
 */
function edgeRoot(edge) {
  /** @type {string | undefined} */
  let root;
  for (const hash of edge) if (hash) root = root ? hashChildrenLatin1(hash, root) : hash;
  return root;
}

module.exports = {
  HASH_BYTES,
  writeLeafInput,
  leafInputRoom,
  readLeafInput,
  appendLeafInputs,
  leafHashLatin1,
  encodeLeaf,
  hashLeaf,
  hashChildren,
  hashChildrenLatin1,
  appendToEdge,
  edgeRoot,
};
