import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { parse as parseUuid, v5 as uuidv5 } from 'uuid';
import { canonicalJson, sha256Hex } from '@accord/events/integrity';
import { ApiError } from './api-error';
import { type IdempotencyRecord, IdempotencyStore } from './idempotency.store';
import { ProblemException } from './problem';

export function etagOf(revision: number): string {
  return `"${revision}"`;
}

export const IDEMPOTENCY_STORE = Symbol('IDEMPOTENCY_STORE');

/** Fixed namespace of command ids derived from idempotency keys: uuidv5('urn:accord:idempotency-key', URL). */
const COMMAND_ID_NAMESPACE = parseUuid(uuidv5('urn:accord:idempotency-key', uuidv5.URL));
const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;

/** Answers not worth replaying: they never reached the handler's decision, or were the server's fault. */
const NOT_RECORDED = new Set([401, 429]);

/** A keyed write on its way: what the answer is recorded under, and how to let the key go. */
interface KeyedWrite {
  readonly scope: string;
  readonly key: string;
  readonly requestHash: string;
  readonly release: () => void;
}

declare module 'fastify' {
  interface FastifyRequest {
    idempotency?: KeyedWrite;
  }
}

/** The first answer to a key, given again: thrown by the guard, sent as it was by the ProblemFilter. */
export class IdempotentReplay extends Error {
  constructor(readonly record: IdempotencyRecord) {
    super('idempotent replay');
    this.name = 'IdempotentReplay';
  }
}

/**
 * Applied to writes only (by `@Act()` / `@LeadAct()`), after the AuthGuard. `Idempotency-Key`: the
 * first answer (status and body, refusals included) is kept per caller and key; a retry gets it
 * back and writes nothing; the same key with another body is 422. Keys are scoped to agency + staff
 * id, so one clerk's key never collides with another's.
 *
 * A guard and a Fastify `onSend` hook rather than an interceptor: Nest wraps every intercepted call
 * in RxJS and two `AsyncResource.bind`s, which cost every write about a tenth of its time, keyed
 * or not. The guard answers a replay or lets the request through; `recordAnswer` keeps the answer.
 */
@Injectable()
export class IdempotencyGuard implements CanActivate {
  private readonly inFlight = new Set<string>();

  constructor(@Inject(IDEMPOTENCY_STORE) private readonly store: IdempotencyStore) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const header = request.headers['idempotency-key'];
    if (header === undefined || request.method === 'GET' || request.method === 'HEAD' || !request.caller) {
      return true;
    }
    const key = Array.isArray(header) ? header.join(',') : header;
    if (!KEY_PATTERN.test(key)) throw new ApiError('IDEMPOTENCY_KEY_INVALID');

    const { agency, staffId } = request.caller.identity;
    const scope = `${agency}/${staffId}`;
    const requestHash = sha256Hex(`${request.method} ${request.url}\n${canonicalJson(request.body ?? null)}`);
    const first = this.store.get(scope, key);
    if (first) {
      if (first.requestHash !== requestHash) throw new ApiError('IDEMPOTENCY_KEY_REUSED');
      if (first.status >= 400) throw new ProblemException(first.body as never);
      throw new IdempotentReplay(first);
    }

    const flightKey = `${scope}\n${key}`;
    if (this.inFlight.has(flightKey)) throw new ApiError('IDEMPOTENCY_KEY_IN_FLIGHT');
    this.inFlight.add(flightKey);
    request.commandId = uuidv5(flightKey, COMMAND_ID_NAMESPACE);
    request.idempotency = { scope, key, requestHash, release: () => this.inFlight.delete(flightKey) };
    return true;
  }
}

/**
 * Fastify `onSend`: the first answer to a keyed write is stored just before it leaves, success or
 * refusal alike; a server fault (5xx) or a 401/429 is not, so a retry may still succeed.
 */
export function recordAnswer(
  store: IdempotencyStore,
  request: FastifyRequest,
  reply: FastifyReply,
  payload: unknown,
): void {
  const keyed = request.idempotency;
  if (keyed === undefined) return;
  request.idempotency = undefined;
  try {
    const status = reply.statusCode;
    if (status >= 500 || NOT_RECORDED.has(status) || typeof payload !== 'string') return;
    const etag = reply.getHeader('etag');
    store.put(keyed.scope, keyed.key, {
      requestHash: keyed.requestHash,
      status,
      body: JSON.parse(payload) as unknown,
      ...(status < 400 && typeof etag === 'string' ? { etag } : {}),
    });
  } finally {
    keyed.release();
  }
}

/**
 * Fastify `onResponse`: a keyed write that never reached `onSend` lets its key go. Not on abort: the
 * handler still runs, and a retry must wait for it (IDEMPOTENCY_KEY_IN_FLIGHT) as before.
 */
export function releaseKey(request: FastifyRequest): void {
  const keyed = request.idempotency;
  request.idempotency = undefined;
  keyed?.release();
}
