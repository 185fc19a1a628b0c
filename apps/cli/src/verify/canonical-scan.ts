/**
 * A one-pass reader of stored envelope text for verify's fast path: it says yes only when the text
 * is exactly RFC 8785 canonical JSON (what `canonicalize(JSON.parse(text))` gives back) of an
 * object whose keys are exactly the expected ones, and it notes where each value lies, so the row's
 * columns and the chain link can be compared in place. It builds no value and allocates nothing on
 * the common path: JSON.parse plus JSON.stringify plus a key-order walk cost about five times as much.
 *
 * "No" means "not shown canonical here", not "broken": whatever this reader does not follow
 * (escaped keys, escaped lone surrogates, integer-like keys are fine; deep nesting is not) goes to
 * the slow check, which decides. The property tests hold it to `canonicalize` both ways round on
 * the texts it accepts.
 */

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const MAX_DEPTH = 64;
/**
 * A run of characters that stand for themselves in a string: not `"`, `\`, a control or a
 * surrogate (code units: no `u` flag). The regular expression engine skips it in machine code: the
 * bench's 28,600 envelopes scan in 31 ms instead of 47 with a charCodeAt loop. What stops it is
 * read below, as before.
 */
// eslint-disable-next-line no-control-regex -- the controls are what a JSON string may not hold raw
const PLAIN = /[^"\\\x00-\x1f\ud800-\udfff]*/y;
/**
 * Text with none of those but `"` anywhere, as nearly every envelope is: there a string ends at the
 * next quote, found with indexOf (the bench's envelopes: 31 → 27 ms).
 */
// eslint-disable-next-line no-control-regex -- as above
const PLAIN_TEXT = /^[^\\\x00-\x1f\ud800-\udfff]*$/;

let text = '';
let at = 0;
/** Whether the last string read held an escape (its raw text then differs from its value). */
let escaped = false;
/** Whether the text being scanned is PLAIN_TEXT. */
let plainText = false;

/** The keys of an envelope, in the order canonical text has them, with their value spans. */
export class EnvelopeShape {
  /** `"key":`, preceded by a comma after the first. */
  private readonly openers: readonly string[];
  /** Value i spans text[spans[2i], spans[2i+1]). */
  readonly spans: Int32Array;
  /** Whether value i is a string written with an escape. */
  private readonly escapes: Uint8Array;

  constructor(readonly keys: readonly string[]) {
    const sorted = [...keys].sort();
    if (sorted.some((key, i) => key !== keys[i] || (i > 0 && key === sorted[i - 1])))
      throw new Error('envelope keys must be given in canonical (sorted) order, once each');
    this.openers = keys.map((key, i) => `${i === 0 ? '' : ','}${JSON.stringify(key)}:`);
    this.spans = new Int32Array(keys.length * 2);
    this.escapes = new Uint8Array(keys.length);
  }

  index(key: string): number {
    const i = this.keys.indexOf(key);
    if (i < 0) throw new Error(`no key ${key}`);
    return i;
  }

  /** True when `source` is canonical JSON of an object with exactly these keys; fills `spans`. */
  scan(source: string): boolean {
    text = source;
    at = 0;
    plainText = PLAIN_TEXT.test(source);
    try {
      if (source.charCodeAt(0) !== 0x7b) return false;
      at = 1;
      for (let i = 0; i < this.openers.length; i++) {
        const opener = this.openers[i]!;
        if (!source.startsWith(opener, at)) return false;
        at += opener.length;
        this.spans[2 * i] = at;
        escaped = false;
        if (!value(1)) return false;
        this.spans[2 * i + 1] = at;
        this.escapes[i] = escaped ? 1 : 0;
      }
      return source.charCodeAt(at) === 0x7d && at + 1 === source.length;
    } finally {
      text = '';
    }
  }

  /** Value i as a number when it is a non-negative integer below 2^53 written plainly, else -1. */
  integer(source: string, i: number): number {
    const start = this.spans[2 * i]!;
    const end = this.spans[2 * i + 1]!;
    if (end - start > 15) return -1;
    let n = 0;
    for (let k = start; k < end; k++) {
      const c = source.charCodeAt(k);
      if (c < 0x30 || c > 0x39) return -1;
      n = n * 10 + (c - 0x30);
    }
    return end > start ? n : -1;
  }

  /** Whether value i of `source` (the text last scanned) is the JSON string `expected`. */
  stringIn(source: string, i: number, expected: string): boolean {
    const start = this.spans[2 * i]!;
    const end = this.spans[2 * i + 1]!;
    // The scan showed the value a canonical string token: unescaped, its raw text is its value.
    return (
      end - start === expected.length + 2 &&
      source.charCodeAt(start) === QUOTE &&
      this.escapes[i] === 0 &&
      source.startsWith(expected, start + 1)
    );
  }
}

function value(depth: number): boolean {
  const c = text.charCodeAt(at);
  if (c === QUOTE) return string();
  if (c === 0x7b) return object(depth);
  if (c === 0x5b) return array(depth);
  if (c === 0x74) return word('true');
  if (c === 0x66) return word('false');
  if (c === 0x6e) return word('null');
  return number();
}

function word(w: string): boolean {
  if (!text.startsWith(w, at)) return false;
  at += w.length;
  return true;
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/** A JSON number token, canonical when ECMAScript prints its value back the same way. */
function number(): boolean {
  const start = at;
  if (text.charCodeAt(at) === 0x2d) at++;
  const first = text.charCodeAt(at);
  if (first === 0x30) at++;
  else if (first >= 0x31 && first <= 0x39) while (isDigit(text.charCodeAt(at))) at++;
  else return false;
  let plain = true;
  if (text.charCodeAt(at) === 0x2e) {
    plain = false;
    at++;
    if (!isDigit(text.charCodeAt(at))) return false;
    while (isDigit(text.charCodeAt(at))) at++;
  }
  const e = text.charCodeAt(at);
  if (e === 0x65 || e === 0x45) {
    plain = false;
    at++;
    const sign = text.charCodeAt(at);
    if (sign === 0x2b || sign === 0x2d) at++;
    if (!isDigit(text.charCodeAt(at))) return false;
    while (isDigit(text.charCodeAt(at))) at++;
  }
  // A plain integer of at most 15 digits prints back as written, except -0.
  const negative = text.charCodeAt(start) === 0x2d;
  const digits = at - start - (negative ? 1 : 0);
  if (plain && digits <= 15 && !(negative && text.charCodeAt(start + 1) === 0x30)) return true;
  const token = text.slice(start, at);
  return String(Number(token)) === token;
}

/** A string as JSON.stringify writes it: only `"` `\` and controls escaped, surrogates paired. */
function string(): boolean {
  at++;
  escaped = false;
  if (plainText) {
    const quote = text.indexOf('"', at);
    if (quote < 0) return false;
    at = quote + 1;
    return true;
  }
  for (;;) {
    PLAIN.lastIndex = at;
    // It matches at least the empty run: false only past the end (and lastIndex back at 0).
    if (!PLAIN.test(text)) return false;
    at = PLAIN.lastIndex;
    const c = text.charCodeAt(at);
    if (c === QUOTE) {
      at++;
      return true;
    }
    if (c === BACKSLASH) {
      escaped = true;
      const e = text.charCodeAt(at + 1);
      // \" \\ \b \f \n \r \t
      if (
        e === QUOTE ||
        e === BACKSLASH ||
        e === 0x62 ||
        e === 0x66 ||
        e === 0x6e ||
        e === 0x72 ||
        e === 0x74
      ) {
        at += 2;
        continue;
      }
      // \u00xx, lowercase, for the other controls only (a lone surrogate's escape is left to the slow check).
      if (e !== 0x75 || text.charCodeAt(at + 2) !== 0x30 || text.charCodeAt(at + 3) !== 0x30) return false;
      const high = text.charCodeAt(at + 4);
      const low = text.charCodeAt(at + 5);
      if (high !== 0x30 && high !== 0x31) return false;
      const lowValue = isDigit(low) ? low - 0x30 : low >= 0x61 && low <= 0x66 ? low - 0x61 + 10 : -1;
      if (lowValue < 0) return false;
      const code = (high - 0x30) * 16 + lowValue;
      if (code === 8 || code === 9 || code === 10 || code === 12 || code === 13) return false;
      at += 6;
      continue;
    }
    // NaN past the end: unterminated.
    if (!(c >= 0x20)) return false;
    if (c >= 0xd800 && c <= 0xdfff) {
      const next = text.charCodeAt(at + 1);
      if (c >= 0xdc00 || !(next >= 0xdc00 && next <= 0xdfff)) return false;
      at += 2;
      continue;
    }
    at++;
  }
}

function array(depth: number): boolean {
  if (depth > MAX_DEPTH) return false;
  at++;
  if (text.charCodeAt(at) === 0x5d) {
    at++;
    return true;
  }
  for (;;) {
    if (!value(depth + 1)) return false;
    const c = text.charCodeAt(at++);
    if (c === 0x5d) return true;
    if (c !== 0x2c) return false;
  }
}

function object(depth: number): boolean {
  if (depth > MAX_DEPTH) return false;
  at++;
  if (text.charCodeAt(at) === 0x7d) {
    at++;
    return true;
  }
  let previousStart = -1;
  let previousEnd = -1;
  for (;;) {
    if (text.charCodeAt(at) !== QUOTE) return false;
    const keyStart = at + 1;
    if (!string()) return false;
    const keyEnd = at - 1;
    // Keys are ordered by their values; with an escape the raw text is not the value.
    if (escaped) return false;
    if (previousStart >= 0 && !before(previousStart, previousEnd, keyStart, keyEnd)) return false;
    previousStart = keyStart;
    previousEnd = keyEnd;
    if (text.charCodeAt(at) !== 0x3a) return false;
    at++;
    if (!value(depth + 1)) return false;
    const c = text.charCodeAt(at++);
    if (c === 0x7d) return true;
    if (c !== 0x2c) return false;
  }
}

/** text[a, aEnd) < text[b, bEnd) in UTF-16 code units, as Array.prototype.sort orders keys. */
function before(a: number, aEnd: number, b: number, bEnd: number): boolean {
  const aLength = aEnd - a;
  const bLength = bEnd - b;
  const common = aLength < bLength ? aLength : bLength;
  for (let k = 0; k < common; k++) {
    const x = text.charCodeAt(a + k);
    const y = text.charCodeAt(b + k);
    if (x !== y) return x < y;
  }
  return aLength < bLength;
}
