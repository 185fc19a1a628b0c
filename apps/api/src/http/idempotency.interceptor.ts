import {
  type CallHandler,
  type ExecutionContext,
  Inject,
  Injectable,
  type NestInterceptor,
} from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants';
import type { FastifyRequest } from 'fastify';
import { catchError, defer, finalize, type Observable, of, tap, throwError } from 'rxjs';
import { v5 as uuidv5 } from 'uuid';
import { canonicalJson, sha256Hex } from '@accord/events/integrity';
import { ApiError } from './api-error';
import { IdempotencyStore } from './idempotency.store';
import { languageOf, ProblemException, toProblem } from './problem';

export function etagOf(revision: number): string {
  return `"${revision}"`;
}

export const IDEMPOTENCY_STORE = Symbol('IDEMPOTENCY_STORE');

/** Fixed namespace of command ids derived from idempotency keys: uuidv5('urn:accord:idempotency-key', URL). */
const COMMAND_ID_NAMESPACE = uuidv5('urn:accord:idempotency-key', uuidv5.URL);
const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;

/** Answers not worth replaying: they never reached the handler's decision, or were the server's fault. */
const NOT_RECORDED = new Set([401, 429]);

/**
 * Applied to writes only (by `@Act()` / `@LeadAct()`), so reads skip it. `Idempotency-Key`: the first answer (status and body, refusals included) is kept per
 * caller and key; a retry gets it back and writes nothing; the same key with another body is 422.
 * Keys are scoped to agency + staff id, so one clerk's key never collides with another's.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  private readonly inFlight = new Set<string>();

  constructor(@Inject(IDEMPOTENCY_STORE) private readonly store: IdempotencyStore) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const header = request.headers['idempotency-key'];
    if (header === undefined || request.method === 'GET' || request.method === 'HEAD' || !request.caller) {
      return next.handle();
    }
    const key = Array.isArray(header) ? header.join(',') : header;
    if (!KEY_PATTERN.test(key)) return throwError(() => new ApiError('IDEMPOTENCY_KEY_INVALID'));

    const { agency, staffId } = request.caller.identity;
    const scope = `${agency}/${staffId}`;
    const requestHash = sha256Hex(`${request.method} ${request.url}\n${canonicalJson(request.body ?? null)}`);
    const first = this.store.get(scope, key);
    if (first) {
      if (first.requestHash !== requestHash) return throwError(() => new ApiError('IDEMPOTENCY_KEY_REUSED'));
      if (first.status >= 400) return throwError(() => new ProblemException(first.body as never));
      return of(first.body);
    }

    const flightKey = `${scope}\n${key}`;
    if (this.inFlight.has(flightKey)) return throwError(() => new ApiError('IDEMPOTENCY_KEY_IN_FLIGHT'));
    this.inFlight.add(flightKey);
    request.commandId = uuidv5(`${scope}\n${key}`, COMMAND_ID_NAMESPACE);
    const successStatus =
      (Reflect.getMetadata(HTTP_CODE_METADATA, context.getHandler()) as number | undefined) ??
      (request.method === 'POST' ? 201 : 200);

    return defer(() => next.handle()).pipe(
      tap((body: unknown) => {
        const revision = (body as { revision?: unknown } | null)?.revision;
        this.store.put(scope, key, {
          requestHash,
          status: successStatus,
          body,
          ...(typeof revision === 'number' ? { etag: etagOf(revision) } : {}),
        });
      }),
      catchError((error: unknown) => {
        const language = languageOf(request.headers['accept-language']);
        const { problem, unexpected } = toProblem(error, language, request.url);
        if (!unexpected && !NOT_RECORDED.has(problem.status)) {
          this.store.put(scope, key, { requestHash, status: problem.status, body: problem });
        }
        return throwError(() => error);
      }),
      finalize(() => this.inFlight.delete(flightKey)),
    );
  }
}
