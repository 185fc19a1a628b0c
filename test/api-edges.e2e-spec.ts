import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as jwt from 'jsonwebtoken';
import { deterministicEventId } from '@accord/events/ids';
import { startApi, type ApiHarness } from './support/api-harness';
import { ACTIVITY, courtCase, litigationCase } from './support/api-fixtures';

describe('API edges: identity, problems, idempotency, If-Match, limits', () => {
  let h: ApiHarness;
  let court: Record<string, string>;

  beforeAll(async () => {
    h = await startApi();
    court = h.staff.courtClerk;
  });
  afterAll(() => h.close());

  describe('health and correlation', () => {
    it('answers liveness and readiness (the store answers headPosition)', async () => {
      await h.http.get('/health').expect(200, { status: 'ok' });
      // Without ACCORD_OPS_TOKEN, readiness and metrics answer auditors only (issue 8 §10).
      await h.http.get('/health/ready').expect(401);
      const ready = await h.http.get('/health/ready').set(h.staff.auditor).expect(200);
      // No projector runs here: no read model, so no projection to report on.
      expect(ready.body).toEqual({ status: 'ready', headPosition: expect.any(Number), projections: [] });
    });

    it('echoes a given X-Correlation-Id and generates one otherwise', async () => {
      const given = await h.http.get('/health').set('x-correlation-id', 'trace-abc-123');
      expect(given.headers['x-correlation-id']).toBe('trace-abc-123');
      const generated = await h.http.get('/health');
      expect(generated.headers['x-correlation-id']).toMatch(/^[0-9a-f-]{36}$/);
    });

    it('sets security headers (helmet)', async () => {
      const res = await h.http.get('/health');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    });
  });

  describe('identity', () => {
    it('401 without a token', async () => {
      const res = await h.http.post('/cases').send(litigationCase()).expect(401);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.body).toMatchObject({ status: 401, code: 'UNAUTHENTICATED', instance: '/cases' });
    });

    it('401 for a token signed with another key, for another audience, or expired', async () => {
      const claims = { agency: 'COURT', staffId: 's', roles: ['clerk'] };
      const forged = jwt.sign(claims, 'x'.repeat(48), {
        issuer: 'accord',
        audience: 'accord-api',
        expiresIn: 60,
      });
      const key = h.built.signingKey.key;
      const otherAudience = jwt.sign(claims, key, { issuer: 'accord', audience: 'elsewhere', expiresIn: 60 });
      const expired = jwt.sign({ ...claims, exp: Math.floor(Date.now() / 1000) - 60 }, key, {
        issuer: 'accord',
        audience: 'accord-api',
      });
      for (const token of [forged, otherAudience, 'not.a.jwt']) {
        const res = await h.http
          .get('/cases/6a9ce0dc-08a1-58c7-8dfa-ba3890002047')
          .set('authorization', `Bearer ${token}`);
        expect(res.status).toBe(401);
        expect(res.body.code).toBe('UNAUTHENTICATED');
      }
      const res = await h.http
        .post('/cases')
        .set('authorization', `Bearer ${expired}`)
        .send(litigationCase());
      expect(res.status).toBe(401);
      expect(res.body.code).toBe('TOKEN_EXPIRED');
    });

    it('403 for a valid token lacking the role: auditors are read-only', async () => {
      const res = await h.http
        .post('/cases')
        .set(h.auth('COURT', 'aud-1', 'auditor'))
        .send(litigationCase())
        .expect(403);
      expect(res.body).toMatchObject({ code: 'ROLE_FORBIDDEN', allowedRoles: ['clerk', 'lead'] });
    });

    it('takes the acting agency from the token only: a body field naming another agency is refused', async () => {
      const res = await h.http
        .post('/cases')
        .set(court)
        .send(litigationCase({ agency: 'GOV_OFFICE' }))
        .expect(400);
      expect(res.body.errors).toEqual([
        expect.objectContaining({ field: 'agency', constraints: ['whitelistValidation'] }),
      ]);
    });
  });

  describe('problem details', () => {
    it('lists field errors, in English by default and in Chinese for Accept-Language: zh', async () => {
      const bad = litigationCase({ acceptedOn: '1 March', peopleInvolved: 0 });
      const en = await h.http.post('/cases').set(court).send(bad).expect(400);
      expect(en.body).toMatchObject({
        type: 'urn:accord:problem:validation-failed',
        title: 'Bad Request',
        status: 400,
        code: 'VALIDATION_FAILED',
        detail: 'The request is not valid.',
        instance: '/cases',
      });
      expect(en.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
        'acceptedOn',
        'peopleInvolved',
      ]);
      const zh = await h.http
        .post('/cases')
        .set(court)
        .set('accept-language', 'zh-CN,zh;q=0.9,en;q=0.5')
        .send(bad)
        .expect(400);
      expect(zh.body.title).toBe('请求错误');
      expect(zh.body.detail).toBe('请求内容不符合要求。');
      expect(zh.body.errors[0].message).toMatch(/^字段 /);
    });

    it('maps a rule refusal to 422 with its code and article, in both languages', async () => {
      const wrongChannel = litigationCase({ channel: 'RECONSIDERATION' });
      const en = await h.http.post('/cases').set(court).send(wrongChannel).expect(403);
      expect(en.body).toMatchObject({ code: 'CASE_REGISTRAR_NOT_LEAD', status: 403 });
      const id = await courtCase(h);
      const notOpen = await h.http
        .post(`/cases/${id}/activities`)
        .set(court)
        .set('accept-language', 'zh')
        .send(ACTIVITY);
      expect(notOpen.status).toBe(422);
      expect(notOpen.body).toMatchObject({ code: 'RESOLUTION_NOT_OPEN', title: '违反规则' });
      expect(notOpen.body.detail).toMatch(/[\u4e00-\u9fff]/);
    });

    it('never answers 500 to bad input: malformed JSON 400, wrong content type 415, huge body 413, bad id 400', async () => {
      const malformed = await h.http
        .post('/cases')
        .set(court)
        .set('content-type', 'application/json')
        .send('{"channel":');
      expect(malformed.status).toBe(400);
      expect(malformed.body.code).toBe('MALFORMED_BODY');

      const text = await h.http.post('/cases').set(court).set('content-type', 'text/plain').send('hello');
      expect(text.status).toBe(415);
      expect(text.body.code).toBe('UNSUPPORTED_MEDIA_TYPE');

      const form = await h.http.post('/cases').set(court).type('form').send({ channel: 'LITIGATION' });
      expect(form.status).toBe(415);

      const huge = await h.http
        .post('/cases')
        .set(court)
        .send(litigationCase({ matter: 'x'.repeat(300 * 1024) }));
      expect(huge.status).toBe(413);
      expect(huge.body.code).toBe('BODY_TOO_LARGE');

      const badId = await h.http.get('/cases/not-a-uuid').set(court).expect(400);
      expect(badId.body.code).toBe('INVALID_ID');

      const array = await h.http.post('/cases').set(court).send([1, 2, 3]);
      expect(array.status).toBe(400);

      const proto = await h.http
        .post('/cases')
        .set(court)
        .set('content-type', 'application/json')
        .send('{"__proto__":{"admin":true}}');
      expect(proto.status).toBe(400);
    });

    it('answers an unknown route with a 404 problem', async () => {
      const res = await h.http.get('/nowhere').expect(404);
      expect(res.body).toMatchObject({ code: 'ROUTE_NOT_FOUND', status: 404 });
    });
  });

  describe('Idempotency-Key', () => {
    it('returns the first answer on a retry and writes nothing new', async () => {
      const first = await h.http
        .post('/cases')
        .set(court)
        .set('idempotency-key', 'reg-001')
        .send(litigationCase())
        .expect(201);
      const head = await h.built.store.headPosition();
      const retry = await h.http
        .post('/cases')
        .set(court)
        .set('idempotency-key', 'reg-001')
        .send(litigationCase())
        .expect(201);
      expect(retry.body).toEqual(first.body);
      expect(retry.headers.etag).toBe(first.headers.etag);
      expect(await h.built.store.headPosition()).toBe(head);
    });

    it('replays a refusal too, with the same status and body', async () => {
      const body = litigationCase({ channel: 'RECONSIDERATION' });
      const first = await h.http
        .post('/cases')
        .set(court)
        .set('idempotency-key', 'refused-1')
        .send(body)
        .expect(403);
      const retry = await h.http
        .post('/cases')
        .set(court)
        .set('idempotency-key', 'refused-1')
        .set('accept-language', 'zh')
        .send(body)
        .expect(403);
      expect(retry.body).toEqual(first.body);
    });

    it('refuses the same key with a different body: 422 IDEMPOTENCY_KEY_REUSED', async () => {
      await h.http
        .post('/cases')
        .set(court)
        .set('idempotency-key', 'reg-002')
        .send(litigationCase())
        .expect(201);
      const head = await h.built.store.headPosition();
      const res = await h.http
        .post('/cases')
        .set(court)
        .set('idempotency-key', 'reg-002')
        .send(litigationCase({ matter: 'something else' }))
        .expect(422);
      expect(res.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
      expect(await h.built.store.headPosition()).toBe(head);
    });

    it('scopes keys per agency and staff: another clerk may use the same key', async () => {
      const a = await h.http
        .post('/cases')
        .set(court)
        .set('idempotency-key', 'shared')
        .send(litigationCase())
        .expect(201);
      const b = await h.http
        .post('/cases')
        .set(h.auth('COURT', 'clerk-2', 'clerk'))
        .set('idempotency-key', 'shared')
        .send(litigationCase())
        .expect(201);
      expect(b.body.id).not.toBe(a.body.id);
    });

    it('derives the command id, and so every event id, from the key', async () => {
      const res = await h.http
        .post('/cases')
        .set(court)
        .set('idempotency-key', 'derive-1')
        .send(litigationCase())
        .expect(201);
      const [event] = await h.built.store.readStream(res.body.streamId);
      const again = await startApi();
      try {
        const other = await again.http
          .post('/cases')
          .set(again.auth('COURT', 'clerk-1', 'clerk'))
          .set('idempotency-key', 'derive-1')
          .send(litigationCase())
          .expect(201);
        const [twin] = await again.built.store.readStream(other.body.streamId);
        expect(twin!.commandId).toBe(event!.commandId);
        expect(twin!.eventId).toBe(event!.eventId);
        expect(event!.eventId).toBe(deterministicEventId(event!.commandId, 0));
        expect(other.body.id).toBe(res.body.id);
      } finally {
        await again.close();
      }
    });

    it('keeps its records durably in <dataDir>/api.db: a retry after a restart still gets the first answer', async () => {
      const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'accord-api-restart-'));
      try {
        const one = await startApi({}, { dataDir });
        const first = await one.http
          .post('/cases')
          .set(one.auth('COURT', 'clerk-1', 'clerk'))
          .set('idempotency-key', 'across-restart')
          .send(litigationCase())
          .expect(201);
        await one.close();
        expect(fs.existsSync(path.join(dataDir, 'api.db'))).toBe(true);

        const two = await startApi({}, { dataDir });
        const head = await two.built.store.headPosition();
        const retry = await two.http
          .post('/cases')
          .set(two.auth('COURT', 'clerk-1', 'clerk'))
          .set('idempotency-key', 'across-restart')
          .send(litigationCase())
          .expect(201);
        expect(retry.body).toEqual(first.body);
        expect(await two.built.store.headPosition()).toBe(head);
        await two.close();
      } finally {
        fs.rmSync(dataDir, { recursive: true, force: true });
      }
    });

    it('refuses a malformed key', async () => {
      const res = await h.http
        .post('/cases')
        .set(court)
        .set('idempotency-key', 'ü')
        .send(litigationCase())
        .expect(400);
      expect(res.body.code).toBe('IDEMPOTENCY_KEY_INVALID');
    });
  });

  describe('If-Match and concurrency', () => {
    it('accepts the current revision and refuses a stale one with 412', async () => {
      const id = await courtCase(h, { open: true });
      const current = await h.http.get(`/cases/${id}`).set(court).expect(200);
      expect(current.headers.etag).toBe('"2"');
      const ok = await h.http
        .post(`/cases/${id}/activities`)
        .set(court)
        .set('if-match', current.headers.etag)
        .send(ACTIVITY)
        .expect(201);
      expect(ok.body.revision).toBe(3);
      expect(ok.headers.etag).toBe('"3"');
      const stale = await h.http
        .post(`/cases/${id}/activities`)
        .set(court)
        .set('if-match', '"2"')
        .send(ACTIVITY)
        .expect(412);
      expect(stale.body).toMatchObject({ code: 'REVISION_STALE', currentRevision: 3 });
      await h.http
        .post(`/cases/${id}/activities`)
        .set(court)
        .set('if-match', 'three')
        .send(ACTIVITY)
        .expect(400);
    });

    it('without If-Match, re-decides on fresh state after a concurrent append: every command lands once', async () => {
      const id = await courtCase(h, { open: true });
      const results = await Promise.all(
        Array.from({ length: 8 }, () => h.http.post(`/cases/${id}/activities`).set(court).send(ACTIVITY)),
      );
      expect(results.map((r) => r.status)).toEqual(Array(8).fill(201));
      expect(results.map((r) => r.body.revision).sort((a, b) => a - b)).toEqual([3, 4, 5, 6, 7, 8, 9, 10]);
      const events = await h.built.store.readStream(`case-${id}`);
      expect(events.filter((e) => e.type === 'ActivityRecorded')).toHaveLength(8);
    });
  });

  describe('metrics and docs', () => {
    it('exposes request counts, latency, appends and rule refusals', async () => {
      const res = await h.http.get('/metrics').set(h.staff.auditor).expect(200);
      expect(res.headers['content-type']).toContain('text/plain');
      expect(res.text).toMatch(
        /accord_http_requests_total\{method="POST",route="\/cases",status="201"\} \d+/,
      );
      expect(res.text).toContain('accord_http_request_duration_seconds_bucket');
      expect(res.text).toMatch(/accord_events_appended_total\{type="CaseRegistered"\} \d+/);
      expect(res.text).toMatch(/accord_rule_refusals_total\{code="RESOLUTION_NOT_OPEN",kind="rule"\} 1/);
      expect(res.text).toMatch(/accord_version_conflicts_total\{outcome="stale_if_match"\} 1/);
    });

    it('serves OpenAPI at /docs-json with every route, bearer auth, roles and error responses', async () => {
      const doc = (await h.http.get('/docs-json').expect(200)).body;
      expect(doc.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
      expect(Object.keys(doc.paths)).toEqual(
        expect.arrayContaining([
          '/health',
          '/health/ready',
          '/metrics',
          '/cases',
          '/cases/{id}',
          '/cases/{id}/history',
          '/cases/{id}/activities',
        ]),
      );
      const register = doc.paths['/cases'].post;
      expect(register['x-accord-roles']).toEqual(['clerk', 'lead']);
      expect(Object.keys(register.responses)).toEqual(
        expect.arrayContaining(['201', '400', '401', '403', '409', '412', '413', '415', '422', '429', '500']),
      );
      // Registration creates the case: its act never answers 404, so none is documented.
      expect(register.responses['404']).toBeUndefined();
      expect(Object.keys(doc.paths['/cases/{id}/activities'].post.responses)).toContain('404');
      expect(register.parameters.map((p: { name: string }) => p.name)).toEqual(
        expect.arrayContaining(['Idempotency-Key', 'If-Match', 'X-Correlation-Id']),
      );
      expect(doc.paths['/cases/{id}'].get['x-accord-roles']).toEqual(['auditor', 'lead', 'clerk']);
    });

    it('serves Swagger UI from the local package, nothing from a CDN', async () => {
      const page = await h.http.get('/docs').expect(200);
      expect(page.text).toContain('/docs/swagger-ui-bundle.js');
      expect(page.text).not.toMatch(/https?:\/\//);
      const bundle = await h.http.get('/docs/swagger-ui-bundle.js').expect(200);
      expect(bundle.text.length).toBeGreaterThan(100_000);
      await h.http.get('/docs/../package.json').expect(404);
    });
  });
});

describe('API rate limit', () => {
  let h: ApiHarness;
  beforeAll(async () => {
    h = await startApi({ rateLimitPerMin: 3 });
  });
  afterAll(() => h.close());

  it('answers 429 with Retry-After once a token exceeds its allowance, and counts per token', async () => {
    const a = h.auth('COURT', 'clerk-a', 'clerk');
    const id = '6a9ce0dc-08a1-58c7-8dfa-ba3890002047';
    for (let i = 0; i < 3; i += 1) await h.http.get(`/cases/${id}`).set(a).expect(404);
    const limited = await h.http.get(`/cases/${id}`).set(a).set('accept-language', 'zh').expect(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited.body).toMatchObject({ status: 429, code: 'RATE_LIMITED', title: '请求过多' });
    await h.http
      .get(`/cases/${id}`)
      .set(h.auth('COURT', 'clerk-b', 'clerk'))
      .expect(404);
    await h.http.get('/health').expect(200);
  });
});
