import fc from 'fast-check';
import { ENVELOPE_FIELDS, type HashedEnvelope, type RecordedEvent } from './envelope';
import {
  canonicalJson,
  GENESIS_HASH,
  hashEnvelope,
  isCanonicalText,
  sha256Hex,
  verifyChain,
} from './integrity';

/** A double from its IEEE 754 bits, as RFC 8785 Appendix B lists them. */
function fromBits(hex: string): number {
  const view = new DataView(new ArrayBuffer(8));
  view.setBigUint64(0, BigInt(`0x${hex}`));
  return view.getFloat64(0);
}

describe('canonicalJson (RFC 8785)', () => {
  it('matches the RFC 8785 section 3.2.2 example', () => {
    const input =
      '{"numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],' +
      ' "string": "\\u20ac$\\u000F\\u000aA\'\\u0042\\u0022\\u005c\\\\\\"\\/",' +
      ' "literals": [null, true, false]}';
    expect(canonicalJson(JSON.parse(input))).toBe(
      '{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],' +
        '"string":"€$\\u000f\\nA\'B\\"\\\\\\\\\\"/"}',
    );
  });

  it('orders keys by UTF-16 code units (RFC 8785 section 3.2.3), not by code points', () => {
    const input = {
      '\u20ac': 'Euro Sign',
      '\r': 'Carriage Return',
      '\ufb33': 'Hebrew Letter Dalet With Dagesh',
      '1': 'One',
      '\ud83d\ude00': 'Emoji: Grinning Face',
      '\u0080': 'Control',
      '\u00f6': 'Latin Small Letter O With Diaeresis',
    };
    // The emoji (surrogates D83D DE00) sorts before U+FB33 in UTF-16, though after it by code point.
    // (Compared as text: Object.keys would move the integer-like key "1" to the front.)
    expect(canonicalJson(input)).toBe(
      '{"\\r":"Carriage Return","1":"One","\u0080":"Control","\u00f6":"Latin Small Letter O With Diaeresis",' +
        '"\u20ac":"Euro Sign","\ud83d\ude00":"Emoji: Grinning Face","\ufb33":"Hebrew Letter Dalet With Dagesh"}',
    );
  });

  it('sorts nested objects and keeps array order', () => {
    expect(canonicalJson({ b: [{ z: 1, a: 2 }, 3], a: { d: null, c: 'x' } })).toBe(
      '{"a":{"c":"x","d":null},"b":[{"a":2,"z":1},3]}',
    );
  });

  it.each([
    ['0000000000000000', '0'],
    ['8000000000000000', '0'],
    ['0000000000000001', '5e-324'],
    ['8000000000000001', '-5e-324'],
    ['7fefffffffffffff', '1.7976931348623157e+308'],
    ['ffefffffffffffff', '-1.7976931348623157e+308'],
    ['4340000000000000', '9007199254740992'],
    ['c340000000000000', '-9007199254740992'],
    ['4430000000000000', '295147905179352830000'],
    ['44b52d02c7e14af5', '9.999999999999997e+22'],
    ['44b52d02c7e14af6', '1e+23'],
    ['44b52d02c7e14af7', '1.0000000000000001e+23'],
    ['444b1ae4d6e2ef4e', '999999999999999700000'],
    ['444b1ae4d6e2ef4f', '999999999999999900000'],
    ['444b1ae4d6e2ef50', '1e+21'],
    ['3eb0c6f7a0b5ed8c', '9.999999999999997e-7'],
    ['3eb0c6f7a0b5ed8d', '0.000001'],
    ['41b3de4355555553', '333333333.3333332'],
    ['41b3de4355555554', '333333333.33333325'],
    ['41b3de4355555555', '333333333.3333333'],
    ['41b3de4355555556', '333333333.3333334'],
    ['41b3de4355555557', '333333333.33333343'],
    ['becbf647612f3696', '-0.0000033333333333333333'],
    ['43143ff3c1cb0959', '1424953923781206.2'],
  ])('formats the double with bits %s as %s (RFC 8785 Appendix B)', (bits, expected) => {
    expect(canonicalJson(fromBits(bits))).toBe(expected);
    expect(canonicalJson([fromBits(bits)])).toBe(`[${expected}]`);
  });

  it('writes -0 as 0', () => {
    expect(canonicalJson({ n: -0 })).toBe('{"n":0}');
  });

  it.each([
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['-Infinity', Number.NEGATIVE_INFINITY],
  ])('refuses %s, which JSON cannot carry', (_name, value) => {
    expect(() => canonicalJson(value)).toThrow();
    expect(() => canonicalJson({ nested: [value] })).toThrow();
  });

  it('escapes only what JSON requires, and control characters as lowercase \\u00xx', () => {
    expect(canonicalJson('\u0000\u0008\t\n\u000b\f\r\u001f"\\/é€😀')).toBe(
      '"\\u0000\\b\\t\\n\\u000b\\f\\r\\u001f\\"\\\\/é€😀"',
    );
  });

  it('gives the same text whatever the key insertion order', () => {
    expect(canonicalJson({ a: 1, b: { c: 2, d: 3 } })).toBe(canonicalJson({ b: { d: 3, c: 2 }, a: 1 }));
  });

  it('drops undefined members, as JSON does', () => {
    expect(canonicalJson({ a: undefined, b: 1 })).toBe('{"b":1}');
  });
});

describe('sha256Hex', () => {
  it('hashes UTF-8 text (FIPS 180-2 vector, and a non-ASCII one)', () => {
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    // "é" must be hashed as its UTF-8 bytes C3 A9, not as one Latin-1 byte.
    expect(sha256Hex('é')).toBe('4a99557e4033c3539de2eb65472017cad5f9557f7a0625a09f1c3f6e2ba69c4c');
  });
});

function envelope(overrides: Partial<HashedEnvelope> = {}): HashedEnvelope {
  return {
    eventId: '00000000-0000-4000-8000-000000000001',
    streamId: 'case-1',
    revision: 0,
    type: 'CaseRegistered',
    schemaVersion: 1,
    data: { channel: 'LITIGATION', acceptedOn: '2021-03-01' },
    occurredAt: '2021-03-01T09:00:00.000+08:00',
    recordedAt: '2021-03-01T01:00:00.000Z',
    actor: { agency: 'COURT', staffId: 's-1', role: 'clerk' },
    commandId: 'cmd-1',
    correlationId: 'cmd-1',
    causationId: 'cmd-1',
    ruleSet: '2021-v1',
    prevHash: GENESIS_HASH,
    ...overrides,
  };
}

describe('hashEnvelope', () => {
  it('is SHA-256 of the canonical envelope without hash and position', () => {
    const e = envelope();
    expect(hashEnvelope(e)).toBe(sha256Hex(canonicalJson(e)));
    expect(hashEnvelope(e)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('ignores hash and position', () => {
    const e = envelope();
    const recorded: RecordedEvent = { ...e, hash: 'f'.repeat(64), position: 42 };
    expect(hashEnvelope(recorded)).toBe(hashEnvelope(e));
    const moved: RecordedEvent = { ...recorded, position: 43, hash: '0'.repeat(64) };
    expect(hashEnvelope(moved)).toBe(hashEnvelope(e));
  });

  it('does not depend on key order', () => {
    const e = envelope();
    const reversed = Object.fromEntries(Object.entries(e).reverse()) as unknown as HashedEnvelope;
    expect(hashEnvelope(reversed)).toBe(hashEnvelope(e));
  });

  const changes: Record<Exclude<(typeof ENVELOPE_FIELDS)[number], 'hash' | 'position'>, unknown> = {
    eventId: '00000000-0000-4000-8000-000000000002',
    streamId: 'case-2',
    revision: 1,
    type: 'CaseRegistered2',
    schemaVersion: 2,
    data: { channel: 'LITIGATION', acceptedOn: '2021-03-02' },
    occurredAt: '2021-03-01T09:00:00.001+08:00',
    recordedAt: '2021-03-01T01:00:00.001Z',
    actor: { agency: 'COURT', staffId: 's-2', role: 'clerk' },
    commandId: 'cmd-2',
    correlationId: 'cmd-2',
    causationId: 'cmd-2',
    ruleSet: '2021-v2',
    prevHash: '1'.repeat(64),
  };

  it.each(Object.entries(changes))('changes when %s changes', (field, value) => {
    expect(hashEnvelope(envelope({ [field]: value }))).not.toBe(hashEnvelope(envelope()));
  });

  it('covers every envelope field but hash and position', () => {
    expect(Object.keys(changes).sort()).toEqual(
      ENVELOPE_FIELDS.filter((f) => f !== 'hash' && f !== 'position').sort(),
    );
  });

  it('changes when a deeply nested data value changes, or only its type does', () => {
    const base = envelope({ data: { parties: [{ name: 'Li', shares: 1 }] } });
    expect(hashEnvelope(envelope({ data: { parties: [{ name: 'Li', shares: 2 }] } }))).not.toBe(
      hashEnvelope(base),
    );
    expect(hashEnvelope(envelope({ data: { parties: [{ name: 'Li', shares: '1' }] } }))).not.toBe(
      hashEnvelope(base),
    );
  });
});

/** A well-formed chain of `count` events in `streamId`. */
function chain(streamId: string, count: number, firstPosition = 1): RecordedEvent[] {
  const events: RecordedEvent[] = [];
  let prevHash = GENESIS_HASH;
  for (let revision = 0; revision < count; revision += 1) {
    const e = envelope({
      streamId,
      revision,
      eventId: `00000000-0000-4000-8000-${String(revision).padStart(12, '0')}`,
      data: { n: revision },
      prevHash,
    });
    const hash = hashEnvelope(e);
    events.push({ ...e, hash, position: firstPosition + revision });
    prevHash = hash;
  }
  return events;
}

/** Re-hash an event after an edit, as a forger would, keeping its chain link. */
function rehashed(event: RecordedEvent, edit: Partial<HashedEnvelope>): RecordedEvent {
  const e = { ...event, ...edit };
  return { ...e, hash: hashEnvelope(e) };
}

describe('verifyChain', () => {
  it('accepts an intact chain, an empty one, and a continuation', () => {
    const events = chain('case-1', 5);
    expect(verifyChain('case-1', events)).toBeNull();
    expect(verifyChain('case-1', [])).toBeNull();
    expect(verifyChain('case-1', events.slice(2), { revision: 1, hash: events[1]!.hash })).toBeNull();
  });

  it('detects a gap (a deleted middle event)', () => {
    const events = chain('case-1', 5);
    events.splice(2, 1);
    expect(verifyChain('case-1', events)).toEqual({
      kind: 'revision_gap',
      streamId: 'case-1',
      revision: 3,
      expected: 2,
    });
  });

  it('detects a chain that does not start at revision 0', () => {
    expect(verifyChain('case-1', chain('case-1', 3).slice(1))).toMatchObject({
      kind: 'revision_gap',
      revision: 1,
      expected: 0,
    });
  });

  it('detects two events swapped', () => {
    const events = chain('case-1', 4);
    [events[1], events[2]] = [events[2]!, events[1]!];
    expect(verifyChain('case-1', events)).toMatchObject({ kind: 'revision_gap', revision: 2, expected: 1 });
  });

  it('detects a prevHash that does not link to the previous event', () => {
    const events = chain('case-1', 4);
    events[2] = rehashed(events[2]!, { prevHash: 'a'.repeat(64) });
    expect(verifyChain('case-1', events)).toEqual({
      kind: 'prev_hash_mismatch',
      streamId: 'case-1',
      revision: 2,
    });
  });

  it('detects a revision 0 whose prevHash is not the genesis hash', () => {
    const events = chain('case-1', 2);
    events[0] = rehashed(events[0]!, { prevHash: 'a'.repeat(64) });
    expect(verifyChain('case-1', events)).toMatchObject({ kind: 'prev_hash_mismatch', revision: 0 });
  });

  it('detects a forged event re-hashed in place: the next event no longer links to it', () => {
    const events = chain('case-1', 4);
    events[1] = rehashed(events[1]!, { data: { n: 99 } });
    expect(verifyChain('case-1', events)).toMatchObject({ kind: 'prev_hash_mismatch', revision: 2 });
  });

  it('detects a hash that does not match the content', () => {
    const events = chain('case-1', 4);
    events[3] = { ...events[3]!, data: { n: 100 } };
    expect(verifyChain('case-1', events)).toEqual({ kind: 'hash_mismatch', streamId: 'case-1', revision: 3 });
    const other = chain('case-1', 4);
    other[1] = { ...other[1]!, hash: 'b'.repeat(64) };
    // The stored hash is wrong at 1; 2 links to the true hash, so the first break is the hash at 1.
    expect(verifyChain('case-1', other)).toMatchObject({ kind: 'hash_mismatch', revision: 1 });
  });

  it('detects an event of another stream', () => {
    const events = chain('case-1', 3);
    const foreign = chain('case-2', 3);
    expect(verifyChain('case-1', [events[0]!, foreign[1]!])).toEqual({
      kind: 'stream_mismatch',
      streamId: 'case-1',
      revision: 1,
    });
  });

  it('detects a continuation from the wrong previous hash', () => {
    const events = chain('case-1', 3);
    expect(verifyChain('case-1', events.slice(1), { revision: 0, hash: 'c'.repeat(64) })).toMatchObject({
      kind: 'prev_hash_mismatch',
      revision: 1,
    });
  });
});

describe('isCanonicalText', () => {
  const judged = (text: string) => isCanonicalText(text, JSON.parse(text));

  it('accepts canonical text, integer-like keys included (V8 enumerates those first)', () => {
    expect(judged('{"a":[{"b":1,"c":"é"}],"d":null}')).toBe(true);
    expect(judged('{"10":1,"9":2,"a":3}')).toBe(true);
    expect(judged('{"\\u0000":1,"é":2,"😀":3,"ﬀ":4}')).toBe(true);
  });

  it('refuses every rewrite that parses to the same value', () => {
    for (const text of [
      '{"b":1,"a":2}',
      '{"9":2,"10":1}',
      '{"a": 1}',
      '{"a":1.0}',
      '{"a":1e2}',
      '{"a":"\\u00e9"}',
      '{"a":"\\/"}',
      '{"a":{"c":1,"b":2}}',
      '[{"b":1,"a":2}]',
      '{"a":1,"a":1}',
      '{"a":-0}',
    ])
      expect(judged(text)).toBe(false);
  });

  it('agrees with comparing against canonicalJson, for any JSON value and for its plain stringify', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        for (const text of [canonicalJson(value), JSON.stringify(value)]) {
          const parsed: unknown = JSON.parse(text);
          expect(isCanonicalText(text, parsed)).toBe(canonicalJson(parsed) === text);
        }
      }),
      { numRuns: 500 },
    );
  });
});
