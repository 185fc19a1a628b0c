import { Injectable, Param, type PipeTransform } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { parse as parseUuid, v5 as uuidv5, validate as isUuid } from 'uuid';
import { RESERVED_IDS } from '@accord/events';
import { ApiError } from './api-error';
import type { RequestContext } from './request-context';

const CODE = /^[A-Za-z0-9_-]{1,64}$/;

/** Ids the API generates are UUIDs; codes (agencies, organs) are short words. Anything else is a 400, never a 500. */
@Injectable()
export class IdPipe implements PipeTransform<unknown, string> {
  constructor(private readonly kind: 'uuid' | 'code') {}

  transform(value: unknown): string {
    // A code naming a property every object has (`__proto__`, `constructor`) would name a stream
    // `party-__proto__`, and a map keyed by it misbehaves: refused like any malformed id.
    const ok =
      typeof value === 'string' &&
      (this.kind === 'uuid' ? isUuid(value) : CODE.test(value) && !RESERVED_IDS.has(value));
    if (!ok)
      throw new ApiError('INVALID_ID', { expected: this.kind === 'uuid' ? 'UUID' : '[A-Za-z0-9_-]{1,64}' });
    // One spelling per id: stream names are case-sensitive, UUIDs are not.
    return this.kind === 'uuid' ? (value as string).toLowerCase() : (value as string);
  }
}

/** `@UuidParam('id') id: string` — a generated id in the path. */
export const UuidParam = (name = 'id') => Param(name, new IdPipe('uuid'));

/** `@CodeParam('code') code: string` — a code in the path. */
export const CodeParam = (name = 'code') => Param(name, new IdPipe('code'));

/** Fixed namespace of ids the API derives from a command: uuidv5('urn:accord:generated-id', URL). */
const GENERATED_ID_NAMESPACE = uuidv5('urn:accord:generated-id', uuidv5.URL);
/** As bytes: given a string, uuid parses the namespace (twice) on every call. */
const GENERATED_ID_NAMESPACE_BYTES = parseUuid(GENERATED_ID_NAMESPACE);

/**
 * A new id for something an act creates (a case, an invitation, an activity), derived from the
 * command id: a retry under the same Idempotency-Key names the same thing, so it cannot create a twin.
 */
export function newId(ctx: RequestContext, kind: string, index = 0): string {
  return nameBasedUuid(GENERATED_ID_NAMESPACE_BYTES, `${kind}/${ctx.commandId}/${index}`);
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/**
 * RFC 9562 §5.5 (a version-5 UUID), as `uuid`'s v5 computes it (the spec holds them equal), without
 * its per-call UTF-8 conversion through `unescape(encodeURIComponent(…))` and byte arrays.
 */
export function nameBasedUuid(namespace: Uint8Array, name: string): string {
  const b = createHash('sha1').update(namespace).update(name, 'utf8').digest();
  b[6] = (b[6]! & 0x0f) | 0x50;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = (i: number): string => HEX[b[i]!]!;
  return `${h(0)}${h(1)}${h(2)}${h(3)}-${h(4)}${h(5)}-${h(6)}${h(7)}-${h(8)}${h(9)}-${h(10)}${h(11)}${h(12)}${h(13)}${h(14)}${h(15)}`;
}

/**
 * A validated DTO as the plain JSON the domain and the ledger take (no class instances in events):
 * what `JSON.parse(JSON.stringify(dto))` gives, in one walk instead of a string and a parse.
 */
export function plain<T>(dto: T): T {
  return toJson(dto) as T;
}

function toJson(value: unknown): unknown {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  // JSON has no -0, NaN or Infinity.
  if (typeof value === 'number') return Number.isFinite(value) ? value + 0 : null;
  if (typeof value !== 'object') return undefined;
  const withToJson = value as { toJSON?: unknown };
  if (typeof withToJson.toJSON === 'function') return toJson((withToJson.toJSON as () => unknown)());
  if (Array.isArray(value)) {
    const copy = new Array<unknown>(value.length);
    for (let i = 0; i < value.length; i += 1) copy[i] = toJson(value[i]) ?? null;
    return copy;
  }
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const item = toJson((value as Record<string, unknown>)[key]);
    if (item === undefined) continue;
    // JSON.parse makes `__proto__` an own key; an assignment would set the prototype instead.
    if (key === '__proto__')
      Object.defineProperty(copy, key, { value: item, enumerable: true, writable: true, configurable: true });
    else copy[key] = item;
  }
  return copy;
}
