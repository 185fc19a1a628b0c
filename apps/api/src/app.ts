import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import * as http from 'node:http';
import rateLimit from '@fastify/rate-limit';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { type FastifyError, type FastifyReply, type FastifyRequest, LogController } from 'fastify';
import pino, { type DestinationStream } from 'pino';
import { CURRENT_RULES, type LegalCalendar, type RuleSet } from '@accord/domain';
import { loadCalendar } from '@accord/calendar-data';
import {
  openReadStoreForProjector,
  openReadStoreForQueries,
  PROJECTIONS,
  Projector,
} from '@accord/read-store';
import { type CommitOn, type EventStore, openEventStore } from '@accord/store';
import { AppModule } from './app.module';
import type { ApiConfig, SqliteWriterThread } from '@accord/config';
import { buildOpenApiDocument, serveOpenApi } from './docs/openapi';
import { ApiError } from './http/api-error';
import { recordAnswer, releaseKey } from './http/idempotency.guard';
import { IdempotencyStore } from './http/idempotency.store';
import { serializeReply } from './http/json-answer';
import { parseJsonBody } from './http/json-body';
import { languageOf, PROBLEM_CONTENT_TYPE, toProblem } from './http/problem';
import { securityHeaders } from './http/security-headers';
import { validationPipe } from './http/validation';
import { bearerToken } from './identity/auth.guard';
import { loadSigningKey, type SigningKey } from '@accord/identity';
import { PinoNestLogger } from './logging/pino-nest-logger';
import { TokenVerifier } from './identity/token-verifier';
import { Metrics } from './metrics/metrics';

export interface BuildOptions {
  /** Defaults to the configured store (`config.eventStore`; the embedded SQLite ledger unless set). */
  readonly store?: EventStore;
  readonly calendar?: LegalCalendar;
  readonly rules?: RuleSet;
  /** Where the log lines go; stdout by default (tests capture them here). */
  readonly logDestination?: DestinationStream;
  /**
   * Run the projector inside this process (tests): its own read-store connection, following this
   * app's store. `npm start` forks it as a process of its own instead (see projector-child.ts).
   */
  readonly inProcessProjector?: boolean;
}

export interface BuiltApp {
  readonly app: NestFastifyApplication;
  readonly store: EventStore;
  readonly signingKey: SigningKey;
  /** The in-process projector, when asked for. */
  readonly projector?: Projector;
  /** Stops the server, then closes the store and api.db (each only if this call opened it). */
  close(): Promise<void>;
}

const CORRELATION_ID = /^[A-Za-z0-9._:-]{1,128}$/;

const COMMIT_ON = { off: 'this-thread', auto: 'auto', on: 'writer-thread' } as const satisfies Record<
  SqliteWriterThread,
  CommitOn
>;

/**
 * The whole API for a given config, not yet listening: `main.ts`, the e2e harness and the benchmark
 * all build it here, so they run the same app. `await built.app.listen({ port, host })` to serve.
 */
export async function buildApp(config: ApiConfig, options: BuildOptions = {}): Promise<BuiltApp> {
  const signingKey = loadSigningKey(config);
  const store =
    options.store ??
    (await openEventStore(config.eventStore, {
      // `auto`: a server starts the thread at once, so its start-up does not land in the first burst.
      startWriterThread: config.sqliteWriterThread === 'auto',
      commitOn: COMMIT_ON[config.sqliteWriterThread],
    }));
  const idempotency = new IdempotencyStore(config.dataDir);
  let projector: Projector | undefined;
  if (options.inProcessProjector) {
    projector = new Projector(store, await openReadStoreForProjector(config.readStore), PROJECTIONS);
    await projector.prepare();
    projector.start();
  }
  const readStore = await openReadStoreForQueries(config.readStore);

  const logger = pino(
    {
      level: config.logLevel,
      redact: { paths: ['req.headers.authorization', 'req.headers.cookie'], remove: true },
    },
    options.logDestination ?? pino.destination(1),
  );
  const calendar = options.calendar ?? bootCalendar(config.dataDir, logger);
  const tokens = new TokenVerifier({
    key: signingKey.key,
    issuer: config.jwt.issuer,
    audience: config.jwt.audience,
  });
  const adapter = new FastifyAdapter({
    loggerInstance: logger,
    bodyLimit: config.bodyLimitBytes,
    // Slow clients (issue 8 §7): Node cuts a request whose headers or body trickle in (408) and an
    // idle socket; its check runs every checkIntervalMs rather than its default 30 s.
    connectionTimeout: config.timeouts.idleMs,
    requestTimeout: config.timeouts.requestMs,
    serverFactory: (handler: http.RequestListener) => {
      const server = http.createServer(
        {
          requestTimeout: config.timeouts.requestMs,
          headersTimeout: config.timeouts.headersMs,
          connectionsCheckingInterval: config.timeouts.checkIntervalMs,
        },
        handler,
      );
      server.setTimeout(config.timeouts.idleMs);
      return server;
    },
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
      tokens,
      idempotency,
      readStore,
    }),
    adapter,
    // Only JSON bodies: Nest's urlencoded parser is left out, and Fastify's text/plain parser removed below.
    // One logger: Nest and its providers write through the same pino instance as Fastify.
    { bodyParser: false, logger: new PinoNestLogger(logger) },
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

  // Typed as string only, but Fastify sends a serializer's Buffer as it is (a cached case answer).
  fastify.setReplySerializer(serializeReply as (payload: unknown) => string);

  const metrics = app.get(Metrics);
  const security = await securityHeaders();
  // Sync hooks with `done`: an async hook costs a promise and a microtask per request.
  fastify.addHook('onRequest', (request, reply, done) => {
    request.receivedAt = new Date();
    void reply.headers(security).header('x-correlation-id', request.id);
    done();
  });
  // Every answer that names a stream revision carries it as a strong ETag, for If-Match on the next
  // write; a hook rather than an interceptor, so reads pay nothing for it.
  fastify.addHook('preSerialization', (_request, reply, payload: unknown, done) => {
    const revision = (payload as { revision?: unknown } | null)?.revision;
    if (typeof revision === 'number' && Number.isInteger(revision) && revision >= 0) {
      void reply.header('etag', `"${revision}"`);
    }
    done(null, payload);
  });
  fastify.addHook('onSend', (request, reply, payload, done) => {
    recordAnswer(idempotency, request, reply, payload);
    done(null, payload);
  });
  fastify.addHook('onResponse', (request, reply, done) => {
    // onSend has normally released it; this only covers an answer that bypassed onSend.
    releaseKey(request);
    metrics.observeRequest(
      request.method,
      request.routeOptions.url ?? 'unmatched',
      reply.statusCode,
      reply.elapsedTime / 1000,
    );
    done();
  });

  await app.register(rateLimit, {
    global: true,
    // Issue 8 §6: a member of staff has one allowance however many tokens they hold; anything
    // without a valid token (none, garbage, expired, forged) shares its client address's.
    keyGenerator: (request) => {
      const token = bearerToken(request);
      const identity = token === undefined ? undefined : tokens.tryIdentify(token);
      return identity ? `s:${identity.agency}/${identity.staffId}` : `ip:${request.ip}`;
    },
    max: (_request, key) => (key.startsWith('s:') ? config.rateLimitPerMin : config.rateLimitAnonPerMin),
    timeWindow: 60_000,
    allowList: (request) => request.url === '/health',
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
    ...(projector === undefined ? {} : { projector }),
    async close() {
      await app.close();
      if (projector !== undefined) {
        await projector.close();
        await projector.readStore.close();
      }
      await readStore.close();
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
