import { type ArgumentsHost, Catch, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { RuleError } from '@accord/domain';
import { Metrics } from '../metrics/metrics';
import { IdempotentReplay } from './idempotency.guard';
import { languageOf, PROBLEM_CONTENT_TYPE, toProblem } from './problem';

/**
 * The single exception filter: every error, from Nest or from Fastify's own parsing and limits
 * (Nest routes Fastify's error handler through global filters), leaves as RFC 7807 problem details.
 */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  constructor(private readonly metrics: Metrics) {}

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    if (error instanceof IdempotentReplay) {
      // Not a problem: a retry under a known Idempotency-Key gets its first answer again.
      if (reply.sent) return;
      const { status, body, etag } = error.record;
      if (etag !== undefined) void reply.header('etag', etag);
      void reply.status(status).send(body);
      return;
    }
    const { problem, unexpected } = toProblem(
      error,
      languageOf(request.headers['accept-language']),
      request.url,
    );
    if (unexpected) request.log.error({ err: error }, 'unexpected error');
    if (error instanceof RuleError) this.metrics.ruleRefusals.inc({ code: error.code, kind: error.kind });
    if (reply.sent) return;
    void reply.status(problem.status).header('content-type', PROBLEM_CONTENT_TYPE).send(problem);
  }
}
