import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { Actor, Instant } from '@accord/events';
import type { Identity } from '@accord/identity';
import { ApiError } from './api-error';
import { languageOf, type Language } from './problem';

/** What a handler needs to know about the request besides its body: who, which command, which revision. */
export interface RequestContext {
  readonly identity: Identity;
  readonly actor: Actor;
  /** From `X-Correlation-Id`, else generated; echoed in the response and stored on every event. */
  readonly correlationId: string;
  /** Derived from `Idempotency-Key` when there is one (so event ids are too), else random. */
  readonly commandId: string;
  /** True when the command id came from an `Idempotency-Key`: a retry may find it already recorded. */
  readonly keyed: boolean;
  /** The revision in `If-Match`, when the client sent one. */
  readonly ifMatch?: number;
  /** The API's clock reading when the request arrived: the decider's `metadata.now`. */
  readonly now: Instant;
  readonly language: Language;
}

declare module 'fastify' {
  interface FastifyRequest {
    commandId?: string;
    receivedAt?: Date;
  }
}

/** `3`, `"3"` or `W/"3"`: the ETag a write or read returned. */
export function parseIfMatch(header: string | string[] | undefined): number | undefined {
  if (header === undefined) return undefined;
  const value = (Array.isArray(header) ? header.join(',') : header).trim();
  const match = /^(?:W\/)?"?(\d{1,15})"?$/.exec(value);
  if (!match) throw new ApiError('IF_MATCH_INVALID');
  return Number(match[1]);
}

export function requestContextOf(request: FastifyRequest): RequestContext {
  const caller = request.caller;
  // Only reachable on a route marked @Public() that asks for a context: a programming error.
  if (!caller) throw new Error('request context needs an authenticated route');
  const ifMatch = parseIfMatch(request.headers['if-match']);
  return {
    identity: caller.identity,
    actor: caller.actor,
    correlationId: request.id,
    commandId: request.commandId ?? randomUUID(),
    keyed: request.commandId !== undefined,
    ...(ifMatch === undefined ? {} : { ifMatch }),
    now: (request.receivedAt ?? new Date()).toISOString(),
    language: languageOf(request.headers['accept-language']),
  };
}

/** `@Ctx() ctx: RequestContext` in a controller method. */
export const Ctx = createParamDecorator((_: unknown, context: ExecutionContext) =>
  requestContextOf(context.switchToHttp().getRequest<FastifyRequest>()),
);
