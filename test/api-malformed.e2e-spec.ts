import type { Response } from 'supertest';
import { startApi, type ApiHarness } from './support/api-harness';
import { ACTIVITY, courtCase, litigationCase } from './support/api-fixtures';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Body = { [key: string]: Json };
type Who = 'courtClerk' | 'courtLead' | 'govClerk' | 'organ';
type Key = string | number;

const ORGAN = 'county-land-bureau';

/** Ids the routes act on, created over HTTP before the sweep; nothing the sweep sends may change them. */
interface Fixture {
  readonly caseId: string;
  readonly invitationId: string;
  readonly letterId: string;
  readonly partyId: string;
}

interface RouteSpec {
  readonly route: string;
  readonly who: Who;
  readonly path: (f: Fixture) => string;
  /** The path with one of its ids replaced by `bad`, for every id the path carries. */
  readonly badPaths?: (f: Fixture, bad: string) => string[];
  /** Generated ids are UUIDs; party ids and agency codes are codes (`[A-Za-z0-9_-]{1,64}`). */
  readonly idKind?: 'uuid' | 'code';
  /** A body the route accepts: the sweep only ever sends it broken, and the control at the end sends it whole. */
  readonly body: Body;
  readonly status: 200 | 201;
}

/** The write routes swept, one or more per aggregate; the control test sends their bodies in this order. */
const ROUTES: readonly RouteSpec[] = [
  {
    route: 'POST /cases',
    who: 'courtClerk',
    path: () => '/cases',
    body: litigationCase() as Body,
    status: 201,
  },
  {
    route: 'POST /cases/:id/invitations',
    who: 'courtClerk',
    path: (f) => `/cases/${f.caseId}/invitations`,
    badPaths: (_f, bad) => [`/cases/${bad}/invitations`],
    body: { to: 'PROCURATORATE', grounds: 'petition risk', noticeServedOn: '2024-03-04' },
    status: 201,
  },
  {
    route: 'POST /cases/:id/invitations/:invitationId/reply',
    who: 'govClerk',
    path: (f) => `/cases/${f.caseId}/invitations/${f.invitationId}/reply`,
    badPaths: (f, bad) => [
      `/cases/${bad}/invitations/${f.invitationId}/reply`,
      `/cases/${f.caseId}/invitations/${bad}/reply`,
    ],
    body: { answer: 'ACCEPT', repliedOn: '2024-03-05' },
    status: 200,
  },
  {
    route: 'POST /cases/:id/activities',
    who: 'courtClerk',
    path: (f) => `/cases/${f.caseId}/activities`,
    badPaths: (_f, bad) => [`/cases/${bad}/activities`],
    body: ACTIVITY as unknown as Body,
    status: 201,
  },
  {
    route: 'POST /cases/:id/risk-assessments',
    who: 'courtClerk',
    path: (f) => `/cases/${f.caseId}/risk-assessments`,
    badPaths: (_f, bad) => [`/cases/${bad}/risk-assessments`],
    body: {
      level: 'MEDIUM',
      peopleInvolved: 3,
      massIncidentRisk: false,
      factors: ['compensation standard disputed'],
      assessedOn: '2024-03-05',
    },
    status: 201,
  },
  {
    route: 'POST /cases/:id/outcome',
    who: 'courtClerk',
    path: (f) => `/cases/${f.caseId}/outcome`,
    badPaths: (_f, bad) => [`/cases/${bad}/outcome`],
    body: {
      outcome: 'ADMINISTRATIVE_ACT_CORRECTED',
      decidedOn: '2024-03-20',
      summary: 'The bureau revoked the act.',
    },
    status: 200,
  },
  {
    route: 'POST /letters',
    who: 'courtClerk',
    path: () => '/letters',
    body: {
      organ: { code: ORGAN, name: '县自然资源局' },
      grounds: ['UNLAWFUL_ACT'],
      facts: 'The bureau has not ruled on the claim for eight months.',
      issuedOn: '2024-09-20',
    },
    status: 201,
  },
  {
    route: 'POST /letters/:id/response',
    who: 'organ',
    path: (f) => `/letters/${f.letterId}/response`,
    badPaths: (_f, bad) => [`/letters/${bad}/response`],
    body: { respondedOn: '2024-10-08', outcome: 'ADOPTED', summary: 'Compensation decided.' },
    status: 200,
  },
  {
    route: 'POST /register/parties/:partyId/flags',
    who: 'courtClerk',
    path: (f) => `/register/parties/${f.partyId}/flags`,
    badPaths: (_f, bad) => [`/register/parties/${bad}/flags`],
    idKind: 'code',
    body: {
      party: { kind: 'NATURAL_PERSON', name: '张三' },
      grounds: 'Forty suits on the same matter within a year.',
      evidence: ['（2024）鲁0423行初12号'],
      proposedOn: '2024-06-01',
    },
    status: 201,
  },
  {
    route: 'POST /mediators',
    who: 'courtLead',
    path: () => '/mediators',
    body: { name: '李四', source: 'LEGAL_WORKER', expertise: ['land requisition'], admittedOn: '2024-03-01' },
    status: 201,
  },
  {
    route: 'POST /agencies/:code/liaison',
    who: 'courtLead',
    path: () => '/agencies/COURT/liaison',
    badPaths: (_f, bad) => [`/agencies/${bad}/liaison`],
    idKind: 'code',
    body: {
      liaison: { staffId: 'court-liaison-1', name: '王五', contact: '0539-1234567' },
      from: '2024-03-01',
    },
    status: 200,
  },
  {
    route: 'POST /meetings',
    who: 'courtClerk',
    path: () => '/meetings',
    body: {
      kind: 'REGULAR',
      heldOn: '2024-07-01',
      attendees: [
        { agency: 'COURT', staffId: 'judge-1', name: '赵法官' },
        { agency: 'GOV_OFFICE', staffId: 'gov-1', name: '钱主任' },
      ],
      conclusions: ['Case briefing for the second quarter noted.'],
    },
    status: 201,
  },
];

// ---- generating broken bodies from a valid one -------------------------------------------------

const DATE = /^\d{4}-\d{2}-\d{2}$/;
/** Enum values and codes: a short token where 10 kB has no business. */
const SHORT_CODE = /^[A-Z][A-Z_]+$|^[a-z0-9-]+$/;
const kind = (v: Json): string => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);

/** Every node of the body (not the root): object members, and the first element of each array. */
function nodes(value: Json, at: Key[] = []): { path: Key[]; value: Json }[] {
  const children: [Key, Json][] = Array.isArray(value)
    ? value.length > 0
      ? [[0, value[0]!]]
      : []
    : value !== null && typeof value === 'object'
      ? Object.entries(value)
      : [];
  return children.flatMap(([key, child]) => [
    { path: [...at, key], value: child },
    ...nodes(child, [...at, key]),
  ]);
}

const label = (path: readonly Key[]) => path.join('.');

function setAt(body: Body, path: readonly Key[], value: Json | undefined): Body {
  const copy = structuredClone(body);
  let parent: Json = copy;
  for (const key of path.slice(0, -1)) parent = (parent as Record<Key, Json>)[key]!;
  const last = path[path.length - 1]!;
  if (value === undefined) delete (parent as Record<Key, Json>)[last];
  else (parent as Record<Key, Json>)[last] = value;
  return copy;
}

interface Mutation {
  readonly name: string;
  readonly body: Body;
  /** Statuses that are a correct refusal; always a problem with a code, never a write. */
  readonly statuses: readonly number[];
}

/**
 * A broken field is refused by the validation pipe (400) or, where a DTO lets a shape through that
 * only the rules can judge (an impossible day, an optional field a rule requires), by the decider's
 * own input guard (422). Either way: a problem with a code, and nothing written.
 */
const REFUSED: readonly number[] = [400, 422];

const WRONG_VALUES: readonly Json[] = [42, -1.5, true, 'text', [], {}, null];
const BAD_DATES: readonly Json[] = [
  '2024-02-30',
  '2024-13-01',
  '2023-02-29',
  'yesterday',
  '2024-3-1',
  '',
  20240301,
];
const TEN_KB = 'X'.repeat(10 * 1024);
const ONE_MB = 'x'.repeat(1024 * 1024);

/** The generated tables: for each node of the valid body, what breaks it. */
const mutationsOf = (body: Body): Record<string, Mutation[]> => {
  const all = nodes(body);
  const inArray = (path: Key[]) => path.some((k) => typeof k === 'number');
  return {
    'wrong types': all.flatMap(({ path, value }) =>
      WRONG_VALUES.filter((wrong) => kind(wrong) !== kind(value)).map((wrong) => ({
        name: `${label(path)} = ${JSON.stringify(wrong)}`,
        body: setAt(body, path, wrong),
        statuses: REFUSED,
      })),
    ),
    'missing fields': all
      .filter(({ path }) => !inArray(path))
      .map(({ path }) => ({
        name: `without ${label(path)}`,
        body: setAt(body, path, undefined),
        statuses: REFUSED,
      })),
    'unknown fields': [
      { name: 'unexpected', body: { ...body, unexpected: 1 }, statuses: [400] },
      {
        name: 'agency (comes from the token only)',
        body: { ...body, agency: 'GOV_OFFICE' },
        statuses: [400],
      },
      ...all
        .filter(({ value }) => kind(value) === 'object')
        .map(({ path }) => ({
          name: `${label(path)}.unexpected`,
          body: setAt(body, [...path, 'unexpected'], 'x'),
          statuses: [400],
        })),
    ],
    'arrays where objects are expected': all
      .filter(({ value }) => kind(value) === 'object')
      .map(({ path, value }) => ({
        name: `${label(path)} = [${label(path)}]`,
        body: setAt(body, path, [value]),
        statuses: REFUSED,
      })),
    'bad dates': all
      .filter(({ value }) => typeof value === 'string' && DATE.test(value))
      .flatMap(({ path }) =>
        BAD_DATES.map((bad) => ({
          name: `${label(path)} = ${JSON.stringify(bad)}`,
          body: setAt(body, path, bad),
          statuses: REFUSED,
        })),
      ),
    'huge strings': [
      ...all
        .filter(({ value }) => typeof value === 'string' && SHORT_CODE.test(value) && !DATE.test(value))
        .map(({ path }) => ({
          name: `${label(path)} = 10 kB`,
          body: setAt(body, path, TEN_KB),
          statuses: [400],
        })),
      ...all
        .filter(({ value }) => typeof value === 'string')
        .slice(0, 1)
        .map(({ path }) => ({
          name: `${label(path)} = 1 MB`,
          body: setAt(body, path, ONE_MB),
          statuses: [413],
        })),
    ],
  };
};

const NESTED_OBJECTS = (depth: number) => '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
const NESTED_ARRAYS = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);
/** The valid body's JSON with `extra` spliced in as its first member(s). */
const withMembers = (body: Body, extra: string) => `{${extra},${JSON.stringify(body).slice(1)}`;
const firstObjectMember = (body: Body) => Object.entries(body).find(([, v]) => kind(v) === 'object')?.[0];

interface RawCase {
  readonly name: string;
  readonly raw?: string;
  readonly contentType?: string;
  readonly statuses: readonly number[];
}

/** Whole-body breakage, the same for every route. */
const rawCasesOf = (body: Body): RawCase[] => {
  const nested = firstObjectMember(body);
  return [
    { name: 'null body', raw: 'null', statuses: [400] },
    { name: 'empty body (application/json)', raw: '', statuses: [400] },
    { name: 'no body and no content type', statuses: [400, 415] },
    { name: 'array body', raw: JSON.stringify([body]), statuses: [400] },
    { name: 'string body', raw: '"hello"', statuses: [400] },
    { name: 'number body', raw: '42', statuses: [400] },
    { name: 'truncated JSON', raw: JSON.stringify(body).slice(0, -3), statuses: [400] },
    { name: 'single-quoted pseudo JSON', raw: "{'channel':'LITIGATION'}", statuses: [400] },
    { name: 'trailing garbage', raw: `${JSON.stringify(body)}garbage`, statuses: [400] },
    { name: 'text/plain', raw: JSON.stringify(body), contentType: 'text/plain', statuses: [415] },
    {
      name: 'form-encoded',
      raw: 'channel=LITIGATION',
      contentType: 'application/x-www-form-urlencoded',
      statuses: [415],
    },
    { name: 'application/xml', raw: '<case/>', contentType: 'application/xml', statuses: [415] },
    {
      name: 'JSON sent as multipart',
      raw: JSON.stringify(body),
      contentType: 'multipart/form-data; boundary=x',
      statuses: [415],
    },
    {
      name: 'objects nested 20,000 deep',
      raw: withMembers(body, `"deep":${NESTED_OBJECTS(20_000)}`),
      statuses: [400],
    },
    {
      name: 'arrays nested 50,000 deep',
      raw: withMembers(body, `"deep":${NESTED_ARRAYS(50_000)}`),
      statuses: [400],
    },
    ...(nested === undefined
      ? []
      : [
          {
            name: `${nested} nested 20,000 deep`,
            raw: JSON.stringify({ ...body, [nested]: '@@' }).replace('"@@"', NESTED_OBJECTS(20_000)),
            statuses: [400],
          },
          {
            name: `${nested}.__proto__`,
            raw: JSON.stringify({ ...body, [nested]: '@@' }).replace(
              '"@@"',
              '{"__proto__":{"polluted":"yes"}}',
            ),
            statuses: [400],
          },
        ]),
    { name: '__proto__', raw: withMembers(body, '"__proto__":{"polluted":"yes"}'), statuses: [400] },
    {
      name: 'constructor.prototype',
      raw: withMembers(body, '"constructor":{"prototype":{"polluted":"yes"}}'),
      statuses: [400],
    },
    { name: 'prototype', raw: withMembers(body, '"prototype":{"polluted":"yes"}'), statuses: [400] },
    { name: 'constructor as a plain member', raw: withMembers(body, '"constructor":1'), statuses: [400] },
  ];
};

const CODE = /^[A-Za-z0-9_-]{1,64}$/;
/** Path segments as sent (percent-encoded); for a code route, those that are well-formed codes are left out. */
const BAD_IDS: readonly string[] = [
  '..%2F..%2Fetc%2Fpasswd',
  '..%2F',
  'a'.repeat(500),
  'not-a-uuid',
  '%00',
  '%E4%B8%AD%E6%96%87',
  '1%20OR%201%3D1',
  '6f1c2b7e-9a1d-4c52-8d4e-0b3f5a7c9e2',
];

// ---- the sweep ----------------------------------------------------------------------------------

describe('malformed input to every kind of write: never a 500, always a problem with a code, nothing written', () => {
  let h: ApiHarness;
  let fixture: Fixture;
  let who: Record<Who, Record<string, string>>;

  beforeAll(async () => {
    h = await startApi();
    who = {
      courtClerk: h.auth('COURT', 'court-clerk', 'clerk'),
      courtLead: h.auth('COURT', 'court-chief', 'lead'),
      govClerk: h.auth('GOV_OFFICE', 'gov-clerk', 'clerk'),
      organ: h.auth(`ORGAN:${ORGAN}`, 'organ-1', 'clerk'),
    };
    const caseId = await courtCase(h, { open: true });
    const invitation = await h.http
      .post(`/cases/${caseId}/invitations`)
      .set(who.courtClerk)
      .send({ to: 'GOV_OFFICE', grounds: 'appeal risk', noticeServedOn: '2024-03-04' })
      .expect(201);
    const letter = await h.http
      .post('/letters')
      .set(who.courtClerk)
      .send(ROUTES.find((r) => r.route === 'POST /letters')!.body)
      .expect(201);
    await h.http
      .post(`/letters/${letter.body.id}/service`)
      .set(who.courtClerk)
      .send({ servedOn: '2024-09-25' })
      .expect(200);
    fixture = { caseId, invitationId: invitation.body.id, letterId: letter.body.id, partyId: 'p-sweep' };
  });
  afterAll(() => h.close());

  /** What went wrong with one request, or undefined when it was refused as it should be. */
  async function judge(
    name: string,
    send: () => Promise<Response>,
    statuses: readonly number[],
  ): Promise<string | undefined> {
    const head = await h.built.store.headPosition();
    const res = await send();
    const wrote = (await h.built.store.headPosition()) !== head;
    const problems = [
      statuses.includes(res.status) ? undefined : `status ${res.status} (want ${statuses.join('/')})`,
      String(res.headers['content-type']).startsWith('application/problem+json')
        ? undefined
        : 'not a problem',
      typeof res.body?.code === 'string' && /^[A-Z][A-Z0-9_.]*$/.test(res.body.code) ? undefined : 'no code',
      res.body?.status === res.status ? undefined : 'status differs in the body',
      wrote ? 'WROTE TO THE LEDGER' : undefined,
    ].filter((p) => p !== undefined);
    if (problems.length === 0) return undefined;
    return `${name}: ${problems.join(', ')} → ${JSON.stringify(res.body).slice(0, 200)}`;
  }

  const post =
    (spec: RouteSpec, body: unknown, path = spec.path(fixture)) =>
    () =>
      h.http
        .post(path)
        .set(who[spec.who])
        .send(body as object);

  const postRaw = (spec: RouteSpec, c: RawCase) => () => {
    const req = h.http.post(spec.path(fixture)).set(who[spec.who]);
    if (c.raw === undefined) return req;
    return req.set('content-type', c.contentType ?? 'application/json').send(c.raw);
  };

  describe.each(ROUTES.map((spec) => [spec.route, spec] as const))('%s', (_route, spec) => {
    it.each(Object.keys(mutationsOf(spec.body)))('%s', async (category) => {
      const failures: string[] = [];
      const mutations = mutationsOf(spec.body)[category]!;
      for (const m of mutations) {
        const failure = await judge(m.name, post(spec, m.body), m.statuses);
        if (failure) failures.push(failure);
      }
      expect(failures).toEqual([]);
    });

    it('whole-body breakage: null, empty, wrong shapes, wrong content types, non-JSON, deep nesting, prototype keys', async () => {
      const failures: string[] = [];
      for (const c of rawCasesOf(spec.body)) {
        const failure = await judge(c.name, postRaw(spec, c), c.statuses);
        if (failure) failures.push(failure);
      }
      expect(failures).toEqual([]);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });

    if (spec.badPaths) {
      it('bad ids in the path', async () => {
        const failures: string[] = [];
        const bads =
          spec.idKind === 'code' ? BAD_IDS.filter((b) => !CODE.test(decodeURIComponent(b))) : BAD_IDS;
        for (const bad of bads) {
          for (const path of spec.badPaths!(fixture, bad)) {
            const failure = await judge(path.slice(0, 80), post(spec, spec.body, path), [400, 404]);
            if (failure) failures.push(failure);
          }
        }
        expect(failures).toEqual([]);
      });
    }
  });

  it('control: every valid body is accepted as is, so the refusals above were the breakage', async () => {
    for (const spec of ROUTES) {
      const res = await h.http.post(spec.path(fixture)).set(who[spec.who]).send(spec.body);
      expect([spec.route, res.status]).toEqual([spec.route, spec.status]);
    }
  });
});
