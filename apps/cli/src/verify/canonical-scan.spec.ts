import fc from 'fast-check';
import { canonicalJson } from '@accord/events/integrity';
import { EnvelopeShape } from './canonical-scan';

/** What the scan must never contradict: the text is what canonicalize makes of its own parse. */
function canonical(text: string): boolean {
  try {
    return canonicalJson(JSON.parse(text)) === text;
  } catch {
    return false;
  }
}

/** No key written with an escape and no lone surrogate anywhere: what the scan reads itself. */
function inRange(value: unknown): boolean {
  if (typeof value === 'string') return !/\\u[dD]/.test(JSON.stringify(value));
  if (Array.isArray(value)) return value.every(inRange);
  if (value === null || typeof value !== 'object') return true;
  return Object.entries(value).every(
    ([key, item]) => JSON.stringify(key) === `"${key}"` && inRange(key) && inRange(item),
  );
}

const shape = new EnvelopeShape(['a', 'b', 'c']);
const scanned = (text: string) => shape.scan(text);

describe('EnvelopeShape.scan', () => {
  it('accepts canonical text with exactly the expected keys, and finds each value', () => {
    const text = '{"a":[{"b":1,"c":"é"}],"b":null,"c":"x\\n\\u001f😀"}';
    expect(scanned(text)).toBe(true);
    expect(text.slice(shape.spans[0], shape.spans[1])).toBe('[{"b":1,"c":"é"}]');
    expect(text.slice(shape.spans[2], shape.spans[3])).toBe('null');
    expect(shape.stringIn(text, 2, 'x\n\u001f😀')).toBe(false); // escaped: left to the slow check
    expect(scanned('{"a":"plain","b":-12.5,"c":{"10":1,"9":2,"ﬀ":3}}')).toBe(true);
    expect(shape.stringIn('{"a":"plain","b":-12.5,"c":{"10":1,"9":2,"ﬀ":3}}', 0, 'plain')).toBe(true);
    expect(scanned('{"a":1e+21,"b":1.5e-7,"c":0}')).toBe(true);
  });

  it('refuses other keys, missing keys, and every rewrite that parses to the same value', () => {
    for (const text of [
      '{"a":1,"b":2}',
      '{"a":1,"b":2,"c":3,"d":4}',
      '{"b":1,"a":2,"c":3}',
      '{"a": 1,"b":2,"c":3}',
      '{"a":1.0,"b":2,"c":3}',
      '{"a":1e2,"b":2,"c":3}',
      '{"a":1E+21,"b":2,"c":3}',
      '{"a":-0,"b":2,"c":3}',
      '{"a":"\\u00e9","b":2,"c":3}',
      '{"a":"\\/","b":2,"c":3}',
      '{"a":"\\u000a","b":2,"c":3}',
      '{"a":"\\u001F","b":2,"c":3}',
      '{"a":{"c":1,"b":2},"b":2,"c":3}',
      '{"a":{"b":1,"b":2},"b":2,"c":3}',
      '{"a":[1,],"b":2,"c":3}',
      '{"a":1,"b":2,"c":3} ',
      '{"a":1,"b":2,"c":3',
      '{"a":"\ud800","b":2,"c":3}',
      '{"a":"\n","b":2,"c":3}',
      '{"a":01,"b":2,"c":3}',
      '{"a":tru,"b":2,"c":3}',
    ]) {
      expect({ text, scanned: scanned(text) }).toEqual({ text, scanned: false });
    }
  });

  it('says yes only to what canonicalize reproduces (any JSON under the three keys, canonical or not)', () => {
    // Strings of any UTF-16 code units: controls, non-ASCII, paired and lone surrogates.
    const json = fc.jsonValue({ stringUnit: 'binary' });
    const envelope = fc.record({ a: json, b: json, c: json });
    fc.assert(
      fc.property(envelope, (value) => {
        for (const text of [canonicalJson(value), JSON.stringify(value)]) {
          if (scanned(text)) expect(canonical(text)).toBe(true);
        }
        // Canonical text in the reader's range (no escaped key, no lone surrogate) is accepted.
        if (inRange(value)) expect(scanned(canonicalJson(value))).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it('says yes to no single-character edit that canonicalize would not reproduce', () => {
    const edit = fc.tuple(
      fc.record({ a: fc.jsonValue({ stringUnit: 'binary' }), b: fc.jsonValue(), c: fc.jsonValue() }),
      fc.nat(),
      fc.constantFrom(
        ' ',
        '"',
        '\\',
        ',',
        ':',
        '{',
        '}',
        '[',
        ']',
        '0',
        '1',
        '-',
        '.',
        'e',
        'E',
        '+',
        '/',
        'a',
        'é',
        '\n',
      ),
      fc.constantFrom('insert', 'replace', 'delete'),
    );
    fc.assert(
      fc.property(edit, ([value, at, char, how]) => {
        const text = canonicalJson(value);
        const i = at % text.length;
        const edited =
          how === 'insert'
            ? text.slice(0, i) + char + text.slice(i)
            : how === 'replace'
              ? text.slice(0, i) + char + text.slice(i + 1)
              : text.slice(0, i) + text.slice(i + 1);
        if (scanned(edited)) expect(canonical(edited)).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it('reads plain non-negative integers and refuses anything else as one', () => {
    const text = '{"a":1234,"b":-1,"c":1.5}';
    expect(scanned(text)).toBe(true);
    expect(shape.integer(text, 0)).toBe(1234);
    expect(shape.integer(text, 1)).toBe(-1);
    expect(shape.integer(text, 2)).toBe(-1);
  });

  it('wants its keys in canonical order, once each', () => {
    expect(() => new EnvelopeShape(['b', 'a'])).toThrow();
    expect(() => new EnvelopeShape(['a', 'a'])).toThrow();
  });
});
