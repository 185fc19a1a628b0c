import * as fs from 'node:fs';
import * as path from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import type { ParameterObject, SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { ProblemDto } from '../http/problem.dto';
import { ANSWER_SCHEMAS } from './answer-schemas';
import { DECIDED_ACT, type DecidedAct } from '../slices/decides';
import { codesFor, codesForAct, LISTED_STATUSES } from './problem-codes';

const PROBLEM_REF = { $ref: `#/components/schemas/${ProblemDto.name}` };
const problem = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: PROBLEM_REF } },
});

/**
 * Every refusal is sent as application/problem+json (RFC 7807): Nest's response decorators say
 * application/json, so the document is corrected here, once, for every status from 400 up.
 */
function problemContent(document: OpenAPIObject): void {
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of ['get', 'post', 'put', 'patch', 'delete'] as const) {
      const operation = item[method];
      const responses = operation?.responses ?? {};
      // A write names the domain act it decides (`@Decides`): its codes are that act's, per status;
      // any other route lists the catalogues behind its path.
      const extensions = (operation ?? {}) as Record<string, unknown>;
      const decided = extensions[DECIDED_ACT] as DecidedAct | undefined;
      const organsMayAct = extensions['x-accord-organs'] === true;
      const codesOf = (status: number): string[] | undefined =>
        decided === undefined
          ? codesFor(path, status)
          : LISTED_STATUSES.includes(status as (typeof LISTED_STATUSES)[number])
            ? codesForAct(decided, status, organsMayAct)
            : undefined;
      if (method !== 'get')
        for (const status of LISTED_STATUSES) {
          if ((codesOf(status)?.length ?? 0) > 0) responses[status] ??= problem(STATUS_DESCRIPTIONS[status]);
          // A status the act can never answer is not documented for it.
          else if (decided !== undefined) delete responses[status];
        }
      for (const [status, response] of Object.entries(responses)) {
        if (Number(status) < 400 || response === undefined || !('description' in response)) continue;
        const codes = codesOf(Number(status));
        if (codes === undefined || codes.length === 0) {
          response.content = { 'application/problem+json': { schema: PROBLEM_REF } };
          continue;
        }
        // The codes this route can send with this status, from the error catalogues behind it.
        response.description = `${response.description} Codes: ${codes.join(', ')}.`;
        response.content = {
          'application/problem+json': {
            schema: {
              allOf: [PROBLEM_REF, { type: 'object', properties: { code: { type: 'string', enum: codes } } }],
            },
          },
        };
      }
    }
  }
}

const STATUS_DESCRIPTIONS: Readonly<Record<(typeof LISTED_STATUSES)[number], string>> = {
  403: 'Not this actor’s act.',
  404: 'Not found, or not visible to your agency (Art 17).',
  409: 'Conflicts with the current state.',
  422: 'Refused by a rule of the Measures.',
};

/**
 * A header a handler reads with `@Headers(name)` is documented by Nest as required and under its
 * lower-case name, beside the same header the route's decorators already describe. No header is
 * required by any route (identity is the bearer scheme), and names are case-insensitive (RFC 9110):
 * one optional parameter per header, the described one kept.
 */
function optionalHeaders(document: OpenAPIObject): void {
  for (const item of Object.values(document.paths)) {
    for (const method of ['get', 'post', 'put', 'patch', 'delete'] as const) {
      const operation = item[method];
      if (!operation?.parameters) continue;
      const seen = new Set<string>();
      const headers = operation.parameters.filter(
        (p): p is ParameterObject => 'in' in p && p.in === 'header',
      );
      // Described ones first, so an undescribed duplicate is the one dropped.
      const keep = new Set(
        [...headers]
          .sort((a, b) => Number(b.description !== undefined) - Number(a.description !== undefined))
          .filter((p) => {
            const name = p.name.toLowerCase();
            if (seen.has(name)) return false;
            seen.add(name);
            return true;
          }),
      );
      operation.parameters = operation.parameters.filter(
        (p) => !('in' in p && p.in === 'header') || keep.has(p as ParameterObject),
      );
      for (const header of keep) header.required = false;
    }
  }
}

/** Errors every route can answer, added where a route's own decorators did not already say more. */
function addCommonErrors(document: OpenAPIObject): void {
  for (const item of Object.values(document.paths)) {
    for (const method of ['get', 'post', 'put', 'patch', 'delete'] as const) {
      const operation = item[method];
      if (!operation) continue;
      const responses = operation.responses;
      const hasInput = (operation.parameters?.length ?? 0) > 0 || operation.requestBody !== undefined;
      if (hasInput)
        responses['400'] ??= problem('Validation failed or malformed input (field errors listed).');
      if (operation.requestBody !== undefined) {
        responses['413'] ??= problem('Request body over the size limit.');
        responses['415'] ??= problem('Body is not application/json.');
        responses['422'] ??= problem(
          'A rule of the Measures refuses the act, or an Idempotency-Key was reused with another body.',
        );
      }
      responses['429'] ??= problem('Rate limit per token exceeded; see Retry-After.');
      responses['500'] ??= problem('Unexpected server error (logged with the correlation id).');
      responses['503'] ??= problem(
        'A store the route needs cannot serve now: STORE_UNAVAILABLE or STORE_REFUSED (the ledger), READ_STORE_UNAVAILABLE (the read models); retry shortly.',
      );
    }
  }
}

export function buildOpenApiDocument(app: NestFastifyApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Accord API')
    .setDescription(
      [
        'Event-sourced inter-agency ledger for the Lushan County Measures on jointly resolving administrative disputes (鲁法〔2021〕144号).',
        '',
        'Identity: a bearer token (HS256 JWT, `npx accord token issue`) names the agency, staff id and roles. The acting agency comes from the token only.',
        'Roles: `clerk` acts for its own agency; `lead` also does leadership acts (escalation Art 10, absence reports Art 12, register flag confirmations and contest decisions Art 11, mediator pool Art 13); `auditor` reads everything, writes nothing. Each operation lists its roles in `x-accord-roles`.',
        'Confidentiality (Art 17): a case is visible to its lead agency, agencies that accepted an invitation, an invited agency (reduced view) and auditors; otherwise it answers 404 exactly as a case that does not exist. Every read is recorded.',
        'Writes answer `{ id, streamId, revision, position }` with `ETag: "<revision>"`; send `If-Match` to refuse a stale write (412), `Idempotency-Key` to make a retry safe, `X-Correlation-Id` to trace a request into the ledger.',
        'Errors are RFC 7807 problem details with a stable `code` and the `article` a rule enforces; `Accept-Language: zh` gives Chinese messages.',
      ].join('\n'),
    )
    .setVersion('0.1.0')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
    .build();
  const document = SwaggerModule.createDocument(app, config, { extraModels: [ProblemDto] });
  document.components = {
    ...document.components,
    schemas: { ...document.components?.schemas, ...(ANSWER_SCHEMAS as Record<string, SchemaObject>) },
  };
  optionalHeaders(document);
  problemContent(document);
  addCommonErrors(document);
  return document;
}

// swagger-ui-dist comes with @nestjs/swagger; resolved through it so a hoisting change cannot break /docs.
function swaggerUiDist(): string {
  const manifest = require.resolve('swagger-ui-dist/package.json', {
    paths: [require.resolve('@nestjs/swagger')],
  });
  return path.dirname(manifest);
}

const HTML = `<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Accord API</title>
  <link rel="stylesheet" href="/docs/swagger-ui.css">
  <link rel="icon" type="image/png" href="/docs/favicon-32x32.png" sizes="32x32">
</head>
<body>
  <div id="swagger-ui"></div>
  <script src="/docs/swagger-ui-bundle.js"></script>
  <script src="/docs/swagger-ui-standalone-preset.js"></script>
  <script src="/docs/swagger-ui-init.js"></script>
</body>
</html>
`;

// An external script, not inline: the Content-Security-Policy allows scripts from 'self' only.
const INIT_JS = `window.onload = function () {
  window.ui = SwaggerUIBundle({
    url: '/docs-json',
    dom_id: '#swagger-ui',
    deepLinking: true,
    persistAuthorization: true,
    presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
    plugins: [SwaggerUIBundle.plugins.DownloadUrl],
    layout: 'StandaloneLayout'
  });
};
`;

const ASSETS: Readonly<Record<string, string>> = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'application/javascript; charset=utf-8',
  'swagger-ui-standalone-preset.js': 'application/javascript; charset=utf-8',
  'favicon-32x32.png': 'image/png',
  'favicon-16x16.png': 'image/png',
};

/**
 * `/docs` (Swagger UI from the local swagger-ui-dist package, nothing from a CDN) and `/docs-json`.
 * Served by hand because Nest's Swagger UI on Fastify needs @fastify/static, which is not installed.
 */
export function serveOpenApi(app: NestFastifyApplication, document: OpenAPIObject): void {
  const fastify = app.getHttpAdapter().getInstance();
  const assetsDir = swaggerUiDist();
  const json = JSON.stringify(document);
  const cache = new Map<string, Buffer>();

  fastify.get('/docs-json', (_request, reply) => {
    void reply.type('application/json; charset=utf-8').send(json);
  });
  fastify.get('/docs', (_request, reply) => {
    void reply.type('text/html; charset=utf-8').send(HTML);
  });
  fastify.get('/docs/', (_request, reply) => {
    void reply.type('text/html; charset=utf-8').send(HTML);
  });
  fastify.get('/docs/swagger-ui-init.js', (_request, reply) => {
    void reply.type('application/javascript; charset=utf-8').send(INIT_JS);
  });
  fastify.get<{ Params: { asset: string } }>('/docs/:asset', (request, reply) => {
    const { asset } = request.params;
    const type = Object.hasOwn(ASSETS, asset) ? ASSETS[asset] : undefined;
    if (type === undefined) {
      void reply.callNotFound();
      return;
    }
    let body = cache.get(asset);
    if (!body) {
      body = fs.readFileSync(path.join(assetsDir, asset));
      cache.set(asset, body);
    }
    void reply.type(type).header('cache-control', 'public, max-age=3600').send(body);
  });
}
