import { Injectable, Param, type PipeTransform } from '@nestjs/common';
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
  return uuidv5(`${kind}/${ctx.commandId}/${index}`, GENERATED_ID_NAMESPACE_BYTES);
}

/** A validated DTO as the plain JSON the domain and the ledger take (no class instances in events). */
export function plain<T>(dto: T): T {
  return JSON.parse(JSON.stringify(dto)) as T;
}
