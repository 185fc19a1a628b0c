import { ApiError } from './api-error';

/** Far deeper than any DTO; deep enough input makes recursive validators overflow the stack (a 500). */
export const MAX_JSON_DEPTH = 32;
/** Keys that the validation pipe would strip silently: refused instead, like any unknown field. */
const FORBIDDEN_KEY_LIST = ['__proto__', 'constructor', 'prototype'];
const FORBIDDEN_KEYS = new Set(FORBIDDEN_KEY_LIST);

/** How deeply `text` nests objects and arrays, counted without recursion (so it cannot overflow). */
export function jsonDepth(text: string): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i += 1;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) max = Math.max(max, ++depth);
    else if (c === 0x7d || c === 0x5d) depth -= 1;
  }
  return max;
}

/**
 * Whether `text` could hold a forbidden key. Without a backslash every key is spelled out as it is,
 * so one that names none of them holds none; the reviver that checks each key makes parsing several
 * times slower, and is only needed otherwise.
 */
function mayHoldForbiddenKey(text: string): boolean {
  return text.includes('\\') || FORBIDDEN_KEY_LIST.some((key) => text.includes(key));
}

/** The API's JSON body parser: bounded depth, no prototype keys, anything else as JSON.parse. */
export function parseJsonBody(text: string): unknown {
  if (text.length === 0) throw new ApiError('MALFORMED_BODY');
  if (jsonDepth(text) > MAX_JSON_DEPTH) throw new ApiError('MALFORMED_BODY', { maxDepth: MAX_JSON_DEPTH });
  try {
    if (!mayHoldForbiddenKey(text)) return JSON.parse(text) as unknown;
    return JSON.parse(text, (key, value: unknown) => {
      if (FORBIDDEN_KEYS.has(key)) throw new ApiError('MALFORMED_BODY', { forbiddenKey: key });
      return value;
    });
  } catch (error) {
    throw error instanceof ApiError ? error : new ApiError('MALFORMED_BODY');
  }
}
