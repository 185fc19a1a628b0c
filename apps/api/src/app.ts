import 'reflect-metadata';
import { createHash, randomUUID } from 'node:crypto';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { type FastifyError, type FastifyReply, type FastifyRequest, LogController } from 'fastify';
import pino from 'pino';
import { CURRENT_RULES, type LegalCalendar, type RuleSet } from '@accord/domain';
import { loadCalendar } from '@accord/calendar-data';
import { type EventStore, openSqliteStore } from '@accord/store';
import { AppModule } from './app.module';
import type { ApiConfig } from './config/config';
import { buildOpenApiDocument, serveOpenApi } from './docs/openapi';
import { ApiError } from './http/api-error';
import { IdempotencyStore } from './http/idempotency.store';
import { parseJsonBody } from './http/json-body';
import { languageOf, PROBLEM_CONTENT_TYPE, toProblem } from './http/problem';
import { validationPipe } from './http/validation';
import { bearerToken } from './identity/auth.guard';
import { loadSigningKey, type SigningKey } from './identity/signing-key';
import { Metrics } from './metrics/metrics';

export interface BuildOptions {
  /** Defaults to the embedded SQLite ledger `<dataDir>/ledger.db`. */
  readonly store?: EventStore;
  readonly calendar?: LegalCalendar;
  readonly rules?: RuleSet;
}

export interface BuiltApp {
  readonly app: NestFastifyApplication;
  readonly store: EventStore;
  readonly signingKey: SigningKey;
  /** Stops the server, then closes the store and api.db (each only if this call opened it). */
  close(): Promise<void>;
}

const CORRELATION_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * The whole API for a given config, not yet listening: `main.ts`, the e2e harness and the benchmark
 * all build it here, so they run the same app. `await built.app.listen({ port, host })` to serve.
 */
export async function buildApp(config: ApiConfig, options: BuildOptions = {}): Promise<BuiltApp> {
  const signingKey = loadSigningKey(config);
  const store = options.store ?? (await openSqliteStore(config.dataDir));
  const idempotency = new IdempotencyStore(config.dataDir);

  const logger = pino({
    level: config.logLevel,
    redact: { paths: ['req.headers.authorization', 'req.headers.cookie'], remove: true },
  });
  const calendar = options.calendar ?? bootCalendar(config.dataDir, logger);
  const adapter = new FastifyAdapter({
    loggerInstance: logger,
    bodyLimit: config.bodyLimitBytes,
    logController: new LogController({
      requestIdLogLabel: 'correlationId',
      // Per-request lines only at debug: at info they would double the log volume of a busy ledger.
      disableRequestLogging: config.logLevel !== 'debug' && config.logLevel !== 'trace',
    }),
    // Ids longer than this get Fastify's own 414 before any pipe sees them; up to it, IdPipe answers 400 INVALID_ID.
    routerOptions: { maxParamLength: 1024 },
    frameworkErrors: (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
      const { problem } = toProblem(
        new ApiError(
          error.code === 'FST_ERR_MAX_PARAM_LENGTH' || error.code === 'FST_ERR_BAD_URL'
            ? 'INVALID_ID'
            : 'MALFORMED_BODY',
        ),
        languageOf(request.headers['accept-language']),
        request.url,
      );
      void reply.status(problem.status).header('content-type', PROBLEM_CONTENT_TYPE).send(problem);
    },
    // The correlation id is the request id: every log line of the request and every event it writes carry it.
    genReqId: (request: { headers: Record<string, string | string[] | undefined> }) => {
      const given = request.headers['x-correlation-id'];
      return typeof given === 'string' && CORRELATION_ID.test(given) ? given : randomUUID();
    },
  });

  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot({
      config,
      store,
      calendar,
      rules: options.rules ?? CURRENT_RULES,
      tokens: { key: signingKey.key, issuer: config.jwt.issuer, audience: config.jwt.audience },
      idempotency,
    }),
    adapter,
    // Only JSON bodies: Nest's urlencoded parser is left out, and Fastify's text/plain parser removed below.
    { bodyParser: false, logger: false },
  );
  const fastify = app.getHttpAdapter().getInstance();
  fastify.removeContentTypeParser('text/plain');
  fastify.removeContentTypeParser('application/json');
  fastify.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
    try {
      done(null, parseJsonBody(body as string));
    } catch (error) {
      done(error as Error, undefined);
    }
  });

  const metrics = app.get(Metrics);
  fastify.addHook('onRequest', async (request, reply) => {
    (request as FastifyRequest).receivedAt = new Date();
    void reply.header('x-correlation-id', request.id);
  });
  // Every answer that names a stream revision carries it as a strong ETag, for If-Match on the next
  // write; a hook rather than an interceptor, so reads pay nothing for it.
  fastify.addHook('preSerialization', async (_request, reply, payload: unknown) => {
    const revision = (payload as { revision?: unknown } | null)?.revision;
    if (typeof revision === 'number' && Number.isInteger(revision) && revision >= 0) {
      void reply.header('etag', `"${revision}"`);
    }
    return payload;
  });
  fastify.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    metrics.requests.inc({ method: request.method, route, status: String(reply.statusCode) });
    metrics.latency.observe({ method: request.method, route }, reply.elapsedTime / 1000);
  });

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Swagger UI sets inline style attributes as it renders.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
      },
    },
  });
  await app.register(rateLimit, {
    global: true,
    max: config.rateLimitPerMin,
    timeWindow: 60_000,
    // Per token: the raw token's digest, so a forged token cannot borrow another caller's allowance.
    keyGenerator: (request) => {
      const token = bearerToken(request);
      return token ? `t:${createHash('sha256').update(token).digest('base64url')}` : `ip:${request.ip}`;
    },
    allowList: (request) =>
      request.url === '/health' || request.url === '/health/ready' || request.url === '/metrics',
    errorResponseBuilder: (_request, context) => ({
      statusCode: 429,
      code: 'RATE_LIMITED',
      ttl: context.ttl,
    }),
  });

  app.useGlobalPipes(validationPipe());
  app.enableShutdownHooks();
  await app.init();
  serveOpenApi(app, buildOpenApiDocument(app));

  return {
    app,
    store,
    signingKey,
    async close() {
      await app.close();
      idempotency.close();
      if (!options.store) await store.close();
    },
  };
}

/** The legal-day calendar; a year no official schedule covers is counted on weekends only, so say so loudly. */
function bootCalendar(dataDir: string, logger: pino.Logger): LegalCalendar {
  const loaded = loadCalendar({ dataDir });
  for (const warning of loaded.warnings) logger.warn({ calendar: loaded.file ?? 'chinese-days' }, warning);
  return loaded.calendar;
}
