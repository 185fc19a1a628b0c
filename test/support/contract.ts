import Ajv, { type ValidateFunction } from 'ajv';
import type { Response } from 'supertest';
import type TestAgent from 'supertest/lib/agent';

type Document = {
  readonly paths: Record<string, Record<string, { responses: Record<string, ResponseSpec> }>>;
};
type ResponseSpec = { readonly content?: Record<string, { readonly schema: unknown }> };

const METHODS = new Set(['get', 'post', 'put', 'patch', 'delete']);

/** `#/components/...` as an absolute reference into the document registered under `spec`. */
function absoluteRefs(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(absoluteRefs);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) => [
      key,
      key === '$ref' && typeof inner === 'string' && inner.startsWith('#/')
        ? `spec${inner}`
        : absoluteRefs(inner),
    ]),
  );
}

/**
 * The published OpenAPI document as a checker of real answers: each answer's status must be
 * documented for its route, its content type listed, and its body valid against that schema (ajv;
 * OpenAPI's `nullable` included). Adding a field to an answer is one line in its `*.schema.ts`.
 */
export class Contract {
  private readonly ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
  private readonly routes: { method: string; pattern: RegExp; template: string }[] = [];
  private readonly validators = new Map<string, ValidateFunction>();

  constructor(private readonly document: Document) {
    this.ajv.addSchema(absoluteRefs(document) as object, 'spec');
    for (const [template, item] of Object.entries(document.paths)) {
      const pattern = new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`);
      for (const method of Object.keys(item))
        if (METHODS.has(method)) this.routes.push({ method, pattern, template });
    }
  }

  /** Why the answer breaks the contract, or an empty list. Routes outside the document (/docs) are not checked. */
  problems(
    method: string,
    url: string,
    res: Pick<Response, 'status' | 'headers' | 'body' | 'text'>,
  ): string[] {
    const path = new URL(url, 'http://x').pathname;
    const route = this.routes.find((r) => r.method === method && r.pattern.test(path));
    if (route === undefined) return [];
    const where = `${method.toUpperCase()} ${route.template} → ${res.status}`;
    const responses = this.document.paths[route.template]![method]!.responses;
    const spec = responses[String(res.status)] ?? responses.default;
    if (spec === undefined) return [`${where}: status not documented`];
    if (res.text === '' || res.text === undefined) return [];
    const type = String(res.headers['content-type'] ?? '')
      .split(';')[0]!
      .trim();
    if (type !== 'application/json' && type !== 'application/problem+json') return [];
    const content = spec.content?.[type];
    if (content === undefined)
      return [
        `${where}: content type ${type} not documented (documented: ${Object.keys(spec.content ?? {}).join(', ') || 'none'})`,
      ];
    const key = `${where} ${type}`;
    let validate = this.validators.get(key);
    if (validate === undefined) {
      validate = this.ajv.compile(absoluteRefs(content.schema) as object);
      this.validators.set(key, validate);
    }
    if (validate(res.body)) return [];
    return (validate.errors ?? []).map(
      (e) => `${where}: body${e.instancePath} ${e.message} ${JSON.stringify(e.params)}`,
    );
  }

  assert(method: string, url: string, res: Response): void {
    const problems = this.problems(method, url, res);
    if (problems.length > 0)
      throw new Error(
        `answer outside the OpenAPI contract:\n  ${problems.join('\n  ')}\nbody: ${res.text.slice(0, 2000)}`,
      );
  }
}

const contracts = new Map<string, Contract>();

/** One Contract per distinct document (the apps of one test file publish the same one). */
export function contractFor(json: string): Contract {
  let contract = contracts.get(json);
  if (contract === undefined) {
    contract = new Contract(JSON.parse(json) as Document);
    contracts.set(json, contract);
  }
  return contract;
}

/** The supertest agent, with every answer it receives checked against the contract. */
export function checkedAgent(agent: TestAgent, contract: Contract): TestAgent {
  return new Proxy(agent, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver) as unknown;
      if (typeof property !== 'string' || !METHODS.has(property) || typeof value !== 'function') return value;
      return (url: string, ...rest: unknown[]) => {
        const test = (value as (...args: unknown[]) => ReturnType<TestAgent['get']>).call(
          target,
          url,
          ...rest,
        );
        return test.expect((res: Response) => contract.assert(property, url, res));
      };
    },
  });
}
