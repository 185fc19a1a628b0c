import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { CompactRange } from './compact-range';
import { encodeLeaf, eventLeafHash, type LeafEvent } from './leaf';
import { rootOf } from './rfc6962';
import { appendLeafInputs, edgeRoot, leafInputRoom, readLeafInput, writeLeafInput } from './tree-kernel';

const HASH = 'a1'.repeat(32);

/** Stream ids as the ledger might hold them, and the odd ones: empty, non-ASCII, astral, lone surrogates. */
const streamIds = fc.oneof(
  fc.constantFrom('', 'case-1', 'access-log', '案件-2021-144', 'x'.repeat(300), '\u{1F600}', '\uD800'),
  fc.string({ unit: 'binary', maxLength: 40 }),
);
const leafEvents = fc.record({
  position: fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }),
  revision: fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }),
  streamId: streamIds,
  hash: fc.uint8Array({ minLength: 32, maxLength: 32 }).map((b) => Buffer.from(b).toString('hex')),
});

function packed(events: readonly LeafEvent[]): { bytes: Buffer; end: number } {
  const bytes = Buffer.alloc(events.reduce((n, e) => n + leafInputRoom(e.streamId), 0));
  let end = 0;
  for (const e of events) end = writeLeafInput(bytes, end, e.position, e.revision, e.streamId, e.hash);
  return { bytes, end };
}

describe('tree-kernel.js (the hashing the rebuild thread shares)', () => {
  it('lays a leaf out as documented: version, position, revision, length-prefixed UTF-8 stream id, hash', () => {
    const leaf = encodeLeaf({ position: 0x1_0000_0002, revision: 3, streamId: 'é1', hash: HASH });
    expect(leaf.toString('hex')).toBe(
      '01' + '0000000100000002' + '0000000000000003' + '0003' + 'c3a931' + HASH,
    );
    expect(eventLeafHash({ position: 0x1_0000_0002, revision: 3, streamId: 'é1', hash: HASH })).toEqual(
      createHash('sha256')
        .update(Buffer.concat([Buffer.from([0]), leaf]))
        .digest(),
    );
  });

  it('reads back every leaf input it writes, and hashes packed inputs to the CompactRange root', () => {
    fc.assert(
      fc.property(fc.array(leafEvents, { maxLength: 40 }), (events) => {
        const { bytes, end } = packed(events);
        const back: LeafEvent[] = [];
        for (let at = 0; at < end;) {
          const { end: next, ...event } = readLeafInput(bytes, at);
          back.push(event);
          at = next;
        }
        // A lone surrogate has no UTF-8: it is written (and committed to) as U+FFFD, as Buffer writes it.
        const utf8 = (text: string) => Buffer.from(text, 'utf8').toString('utf8');
        expect(back).toEqual(events.map((e) => ({ ...e, streamId: utf8(e.streamId) })));
        const edge: (string | undefined)[] = [];
        expect(appendLeafInputs(edge, 0, bytes, end)).toBe(events.length);
        const range = new CompactRange();
        for (const e of events) range.add(eventLeafHash(e));
        const root = edgeRoot(edge);
        expect(root === undefined ? rootOf([]) : Buffer.from(root, 'latin1')).toEqual(range.root());
        expect(range.root()).toEqual(rootOf(events.map(eventLeafHash)));
      }),
    );
  });

  it('refuses what is not a leaf: hashes that are not 64 lowercase hex digits, numbers beyond 2^53, long stream ids', () => {
    const leaf =
      (hash: string, position = 1, streamId = 's') =>
      () =>
        encodeLeaf({ position, revision: 0, streamId, hash });
    expect(leaf(HASH)).not.toThrow();
    for (const bad of [
      HASH.toUpperCase(),
      HASH.slice(1),
      `${HASH}0`,
      `${HASH.slice(0, 63)}g`,
      // A two-byte character whose low byte is a hex digit ('š' is U+0161): Buffer's hex decoder would take it.
      `${HASH.slice(0, 31)}\u0161${HASH.slice(32)}`,
    ])
      expect(leaf(bad)).toThrow(/64 lowercase hex digits/);
    expect(leaf(HASH, -1)).toThrow(RangeError);
    expect(leaf(HASH, 2 ** 53)).toThrow(RangeError);
    expect(leaf(HASH, 1, 'é'.repeat(40_000))).toThrow(/longer than 65535 bytes/);
    expect(() => writeLeafInput(Buffer.alloc(60), 0, 1, 0, 'stream', HASH)).toThrow(/no room/);
  });

  it('refuses packed bytes that are not leaf inputs', () => {
    const { bytes, end } = packed([{ position: 1, revision: 0, streamId: 's', hash: HASH }]);
    expect(() => appendLeafInputs([], 0, bytes, end - 1)).toThrow(/no leaf input at byte 0/);
    bytes[0] = 0x01;
    expect(() => appendLeafInputs([], 0, bytes, end)).toThrow(/no leaf input at byte 0/);
  });
});
