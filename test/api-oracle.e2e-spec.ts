import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import type { Response } from 'supertest';
import { startApi, type ApiHarness } from './support/api-harness';
import { litigationCase } from './support/api-fixtures';
import { arbitraryFor } from './support/schema-arbitrary';

type Headers = Record<string, string>;
type Schema = Record<string, unknown>;

/** Something that exists, the callers it is hidden from, and the ids of things inside it. */
interface Target {
  readonly id: string;
  readonly unknownId: string;
  /** Callers the thing is hidden from; auditors read everything, so they count for writes only. */
  readonly hiddenFrom: readonly Headers[];
  readonly inner: Readonly<Record<string, string>>;
}

interface Route {
  readonly method: 'get' | 'post';
  readonly path: string;
  readonly target: Target;
  readonly body: fc.Arbitrary<unknown>;
}

/** The headers a client may act on; the rest (date, correlation id, length) differ by nature. */
const HEADERS_THAT_MATTER = ['content-type', 'etag', 'location', 'retry-after', 'www-authenticate'];

/**
 * Issue 8 §5/§11: on every route that names something by id, a thing the caller may not see answers
 * byte-identically to a thing that does not exist — status, the headers that matter, and the body
 * (once the id itself, the instance and the correlation id are set aside). Routes come from the
 * app's own OpenAPI document, so a route added later is covered without touching this test.
 */
describe('no oracle: hidden and unknown ids answer alike on every route (property)', () => {
  let h: ApiHarness;
  let routes: Route[];

  beforeAll(async () => {
    h = await startApi();
    const s = h.staff;
    auditor = s.auditor;
    const procLead = h.auth('PROCURATORATE', 'chief-2', 'lead');
    const otherOrgan = h.auth('ORGAN:other-bureau', 'o-2', 'clerk');
    const courtLead = h.auth('COURT', 'chief-1', ['clerk', 'lead']);

    const caseId = (await h.http.post('/cases').set(s.courtClerk).send(litigationCase()).expect(201)).body.id;
    await h.http
      .post(`/cases/${caseId}/eligibility`)
      .set(s.courtClerk)
      .send({ outcome: 'ELIGIBLE', grounds: [{ category: 1, reasons: 'r' }], assessedOn: '2024-03-02' })
      .expect(201);
    await h.http
      .post(`/cases/${caseId}/resolution`)
      .set(s.courtClerk)
      .send({ openedOn: '2024-03-03' })
      .expect(200);
    const invitationId = (
      await h.http
        .post(`/cases/${caseId}/invitations`)
        .set(s.courtClerk)
        .send({ to: 'GOV_OFFICE', grounds: 'g', noticeServedOn: '2024-03-04' })
        .expect(201)
    ).body.id;

    const letterId = (
      await h.http
        .post('/letters')
        .set(s.courtClerk)
        .send({
          organ: { code: 'county-land-bureau', name: '县自然资源局' },
          grounds: ['UNLAWFUL_ACT'],
          facts: 'f',
          issuedOn: '2024-09-20',
        })
        .expect(201)
    ).body.id;
    await h.http
      .post(`/letters/${letterId}/service`)
      .set(s.courtClerk)
      .send({ servedOn: '2024-09-25' })
      .expect(200);

    const meetingId = (
      await h.http
        .post('/meetings')
        .set(s.courtClerk)
        .send({
          kind: 'REGULAR',
          heldOn: '2024-06-04',
          attendees: [
            { agency: 'COURT', staffId: 'judge-1', name: '赵法官' },
            { agency: 'GOV_OFFICE', staffId: 'gov-1', name: '钱主任' },
          ],
          conclusions: ['c'],
        })
        .expect(201)
    ).body.id;

    const partyId = 'p-oracle';
    const flagId = (
      await h.http
        .post(`/register/parties/${partyId}/flags`)
        .set(s.courtClerk)
        .send({
          party: { kind: 'NATURAL_PERSON', name: '张三' },
          grounds: 'g',
          evidence: ['e'],
          proposedOn: '2024-06-01',
        })
        .expect(201)
    ).body.id;
    const mediatorId = (
      await h.http
        .post('/mediators')
        .set(courtLead)
        .send({ name: '李四', source: 'LEGAL_WORKER', expertise: ['land'], admittedOn: '2024-03-01' })
        .expect(201)
    ).body.id;

    const target = (
      id: string,
      hiddenFrom: Headers[],
      inner: Record<string, string> = {},
      unknownId: string = randomUUID(),
    ): Target => ({
      id,
      unknownId,
      hiddenFrom,
      inner,
    });
    const targets: Record<string, Target> = {
      cases: target(caseId, [s.procClerk, procLead, s.organ, s.auditor], { invitationId }),
      letters: target(letterId, [s.govClerk, s.govLead, procLead, otherOrgan, s.auditor]),
      meetings: target(meetingId, [s.procClerk, procLead, s.organ, s.auditor]),
      register: target(partyId, [s.organ], { flagId }, 'p-nobody'),
      mediators: target(mediatorId, [s.organ]),
    };

    const spec = (await h.http.get('/docs-json').expect(200)).body as {
      paths: Record<
        string,
        Record<string, { requestBody?: { content: Record<string, { schema: Schema }> } }>
      >;
      components: { schemas: Record<string, Schema> };
    };
    routes = [];
    for (const [path, operations] of Object.entries(spec.paths)) {
      const prefix = /^\/(cases|letters|meetings|register|mediators)\/\{/.exec(path)?.[1];
      if (prefix === undefined) continue;
      for (const [method, operation] of Object.entries(operations)) {
        if (method !== 'get' && method !== 'post') continue;
        const schema = operation.requestBody?.content['application/json']?.schema;
        routes.push({
          method,
          path,
          target: targets[prefix]!,
          body: method === 'get' ? fc.constant(undefined) : arbitraryFor(schema, spec.components.schemas),
        });
      }
    }
  });
  afterAll(() => h.close());
  let auditor: Headers;

  const send = (
    route: Route,
    id: string,
    who: Headers,
    body: unknown,
    ifMatch: number | null,
  ): Promise<Response> => {
    const url = route.path.replace(/\{(\w+)\}/g, (_m, name: string) =>
      name === 'id' || name === 'partyId'
        ? id
        : (route.target.inner[name] ?? '0b0b0b0b-1111-4222-8333-999999999999'),
    );
    const request = route.method === 'get' ? h.http.get(url) : h.http.post(url).send(body as object);
    return ifMatch === null ? request.set(who) : request.set(who).set('if-match', `"${ifMatch}"`);
  };

  const observed = (res: Response, id: string) => {
    const body = JSON.parse(res.text.split(id).join('<id>')) as Record<string, unknown>;
    delete body.instance;
    delete body.correlationId;
    return {
      status: res.status,
      headers: Object.fromEntries(HEADERS_THAT_MATTER.map((name) => [name, res.headers[name]])),
      body,
    };
  };

  it('covers every route that names a case, letter, meeting, party register or mediator', () => {
    expect(routes.length).toBeGreaterThanOrEqual(32);
  });

  it('answers a hidden id exactly as an unknown one, for every caller it is hidden from and any body', async () => {
    for (const route of routes) {
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(
            ...route.target.hiddenFrom.filter((who) => route.method === 'post' || who !== auditor),
          ),
          route.body,
          fc.option(fc.integer({ min: 0, max: 3 })),
          async (who, body, ifMatch) => {
            const { id, unknownId } = route.target;
            const hidden = await send(route, id, who, body, ifMatch);
            const unknown = await send(route, unknownId, who, body, ifMatch);
            expect({ route: `${route.method} ${route.path}`, ...observed(hidden, id) }).toEqual({
              route: `${route.method} ${route.path}`,
              ...observed(unknown, unknownId),
            });
            expect(hidden.status).toBeGreaterThanOrEqual(400);
          },
        ),
        { numRuns: 4 },
      );
    }
  });
});
