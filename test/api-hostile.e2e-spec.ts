import * as net from 'node:net';
import * as jwt from 'jsonwebtoken';
import { issueToken } from '@accord/identity';
import { startApi, type ApiHarness } from './support/api-harness';
import { litigationCase } from './support/api-fixtures';

const OPS_TOKEN = 'ops-token-for-the-scraper-0123456789abcdef';

/** A token signed with the app's own key but naming whatever the forger likes (issue 8 §2). */
function forged(h: ApiHarness, claims: Record<string, unknown>): Record<string, string> {
  const token = jwt.sign(claims, h.built.signingKey.key, {
    algorithm: 'HS256',
    issuer: h.config.jwt.issuer,
    audience: h.config.jwt.audience,
    expiresIn: 600,
  });
  return { authorization: `Bearer ${token}` };
}

/** Writes raw bytes to the server and collects whatever comes back until the server closes. */
function rawExchange(
  url: string,
  send: (socket: net.Socket) => void,
): Promise<{ text: string; error: NodeJS.ErrnoException | null }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = net.connect(Number(port), hostname);
    const chunks: Buffer[] = [];
    let error: NodeJS.ErrnoException | null = null;
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', (e) => (error = e));
    socket.on('close', () => resolve({ text: Buffer.concat(chunks).toString('utf8'), error }));
    socket.on('connect', () => send(socket));
  });
}

describe('hostile callers (issue 8)', () => {
  let h: ApiHarness;
  beforeAll(async () => {
    h = await startApi({
      ops: { token: OPS_TOKEN },
      timeouts: { requestMs: 4000, headersMs: 1000, idleMs: 8000, checkIntervalMs: 250 },
    });
  });
  afterAll(() => h.close());

  describe('§2 roles are bound to who holds them', () => {
    it('refuses to issue an organ any role but clerk', () => {
      const settings = {
        key: h.built.signingKey.key,
        issuer: h.config.jwt.issuer,
        audience: h.config.jwt.audience,
      };
      for (const role of ['auditor', 'lead'] as const)
        expect(() =>
          issueToken(settings, { agency: 'ORGAN:county-land-bureau', staffId: 'o-1', roles: [role] }),
        ).toThrow(/may not hold/);
      expect(() =>
        issueToken(settings, { agency: 'ORGAN:county-land-bureau', staffId: 'o-1', roles: ['clerk'] }),
      ).not.toThrow();
    });

    it('refuses, on every request, a validly signed token granting an organ a role it may not hold', async () => {
      const caseId = (await h.http.post('/cases').set(h.staff.courtClerk).send(litigationCase()).expect(201))
        .body.id;
      for (const roles of [['auditor'], ['lead'], ['clerk', 'auditor']]) {
        const who = forged(h, { agency: 'ORGAN:county-land-bureau', staffId: 'o-9', roles });
        for (const res of [
          await h.http.get(`/cases/${caseId}`).set(who),
          await h.http.get(`/cases/${caseId}/history`).set(who),
          await h.http.get('/cases').set(who),
        ]) {
          expect([res.status, res.body.code]).toEqual([403, 'ROLE_NOT_FOR_HOLDER']);
          expect(JSON.stringify(res.body)).not.toContain('370423199001011234');
        }
      }
    });
  });

  describe('§10 metrics and readiness are for operators; liveness stays public', () => {
    it('answers /health to anyone, /metrics and /health/ready only with the ops token', async () => {
      await h.http.get('/health').expect(200);
      for (const path of ['/metrics', '/health/ready']) {
        expect((await h.http.get(path)).status).toBe(401);
        expect((await h.http.get(path).set(h.staff.courtClerk)).status).toBe(401);
        expect((await h.http.get(path).set('authorization', 'Bearer wrong-token')).status).toBe(401);
        await h.http.get(path).set('authorization', `Bearer ${OPS_TOKEN}`).expect(200);
      }
    });
  });

  describe('§7 slow clients and big bodies', () => {
    it('closes a request whose body trickles in slower than the request timeout', async () => {
      const { text } = await rawExchange(h.url, (socket) => {
        socket.write(
          `POST /cases HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\nAuthorization: ${h.staff.courtClerk.authorization}\r\n\r\n{`,
        );
        const drip = setInterval(() => (socket.writable ? socket.write(' ') : clearInterval(drip)), 400);
        socket.on('close', () => clearInterval(drip));
      });
      expect(text).toMatch(/^HTTP\/1\.1 408/);
    });
  });
});

describe('§7 big bodies under load (default timeouts)', () => {
  let h: ApiHarness;
  beforeAll(async () => {
    h = await startApi();
  });
  afterAll(() => h.close());

  it('answers 2 MB bodies with a readable 413 problem, not a reset (40 at once, keep-alive or not)', async () => {
    const body = Buffer.alloc(2 * 1024 * 1024, 0x20);
    const answers = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        rawExchange(h.url, (socket) => {
          socket.write(
            `POST /cases HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n${i % 2 ? 'Connection: close\r\n' : ''}Authorization: ${h.staff.courtClerk.authorization}\r\n\r\n`,
          );
          socket.write(body);
          // A keep-alive client that sent everything waits for the answer, then leaves.
          socket.on('data', () => socket.end());
        }),
      ),
    );
    for (const { text, error } of answers) {
      expect(error?.code).toBeUndefined();
      expect(text).toMatch(/^HTTP\/1\.1 413/);
      expect(text).toContain('"code":"BODY_TOO_LARGE"');
    }
  });
});

describe('§6 rate limits that bind', () => {
  let h: ApiHarness;
  beforeAll(async () => {
    h = await startApi({ rateLimitPerMin: 5, rateLimitAnonPerMin: 5 });
  });
  afterAll(() => h.close());
  const id = '6a9ce0dc-08a1-58c7-8dfa-ba3890002047';

  it('counts garbage and missing tokens per client address', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 8; i += 1)
      statuses.push((await h.http.get(`/cases/${id}`).set('authorization', `Bearer garbage.${i}.x`)).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429, 429]);
    expect((await h.http.get(`/cases/${id}`)).status).toBe(429);
  });

  it('counts per staff member, however many fresh tokens they hold', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 7; i += 1)
      statuses.push((await h.http.get(`/cases/${id}`).set(h.auth('COURT', 'clerk-z', 'clerk'))).status);
    expect(statuses).toEqual([404, 404, 404, 404, 404, 429, 429]);
    await h.http
      .get(`/cases/${id}`)
      .set(h.auth('COURT', 'clerk-y', 'clerk'))
      .expect(404);
    await h.http.get('/health').expect(200);
  });
});

describe('§3 §9 lookalikes and weak input are refused on every route', () => {
  let h: ApiHarness;
  beforeAll(async () => {
    h = await startApi();
  });
  afterAll(() => h.close());

  const register = (overrides: Record<string, unknown>) =>
    h.http.post('/cases').set(h.staff.courtClerk).send(litigationCase(overrides));
  const fieldsOf = (res: { body: { errors?: { field: string; constraints: string[] }[] } }) =>
    (res.body.errors ?? []).map((e) => e.field);

  it('refuses lookalike organ codes: zero-width, NUL, non-breaking hyphen, fullwidth letter', async () => {
    for (const code of [
      'county-land-bureau\u200b',
      'county-land-bureau\u0000',
      'county\u2011land-bureau',
      '\uff43ounty-land-bureau',
      'county_land_bureau',
      'county--land',
    ]) {
      const res = await register({ respondent: { code, name: '县自然资源局' } });
      expect([res.status, res.body.code]).toEqual([400, 'VALIDATION_FAILED']);
      expect(fieldsOf(res)).toContain('respondent.code');
    }
    const letter = await h.http
      .post('/letters')
      .set(h.staff.courtClerk)
      .send({
        organ: { code: 'county-land-bureau\u200b', name: 'x' },
        grounds: ['UNLAWFUL_ACT'],
        facts: 'f',
        issuedOn: '2024-09-20',
      });
    expect(letter.status).toBe(400);
    const mediator = await h.http
      .post('/mediators')
      .set(h.auth('COURT', 'chief-1', 'lead'))
      .send({
        name: '李四',
        source: 'ADMINISTRATIVE_ORGAN',
        organisationCode: 'county-land-bureau\u200b',
        expertise: [],
        admittedOn: '2024-03-01',
      });
    expect(mediator.status).toBe(400);
  });

  it('refuses control, bidi and zero-width characters and lone surrogates in names, party ids and case numbers', async () => {
    const party = (over: Record<string, unknown>) => ({
      partyId: 'p-1',
      kind: 'NATURAL_PERSON',
      name: '张三',
      idScheme: 'RESIDENT_ID',
      idNumber: '370423199001011234',
      ...over,
    });
    for (const bad of ['\u0007', '\u202e', '\u2066', '\u200d', '\ufeff', '\ud800', '\u0085']) {
      for (const [overrides, field] of [
        [{ parties: [party({ name: `张${bad}三` })] }, 'parties.0.name'],
        [{ parties: [party({ partyId: `p${bad}1` })] }, 'parties.0.partyId'],
        [{ externalCaseNumber: `（2024）${bad}12号` }, 'externalCaseNumber'],
        [{ matter: `land ${bad}` }, 'matter'],
      ] as const) {
        const res = await register(overrides);
        expect([res.status, res.body.code]).toEqual([400, 'VALIDATION_FAILED']);
        expect(fieldsOf(res)).toContain(field);
      }
    }
    // Line breaks are text in a matter, but not in an identifier.
    await register({ matter: 'line one\nline two' }).expect(201);
    expect((await register({ externalCaseNumber: 'A\n12' })).status).toBe(400);
  });

  it('refuses dates before the law that governs them', async () => {
    for (const acceptedOn of ['0001-01-01', '1990-09-30']) {
      const res = await register({ acceptedOn });
      expect([res.status, fieldsOf(res)]).toEqual([400, ['acceptedOn']]);
    }
    await register({ acceptedOn: '1990-10-01' }).expect(201);
    const meeting = await h.http
      .post('/meetings')
      .set(h.staff.courtClerk)
      .send({ kind: 'REGULAR', heldOn: '2020-12-31', attendees: [], conclusions: ['c'] });
    expect(fieldsOf(meeting)).toContain('heldOn');
  });

  it('refuses dates after today, judged by the request’s own clock', async () => {
    const tomorrow = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
    const res = await register({ acceptedOn: tomorrow });
    expect([res.status, res.body.code]).toEqual([422, 'CASE_DATE_IN_FUTURE']);
  });

  it('refuses unknown keys by name, those every object has included', async () => {
    for (const key of [
      'hasOwnProperty',
      'toString',
      '__defineGetter__',
      'valueOf',
      'isPrototypeOf',
      'surprise',
    ]) {
      const res = await register({ [key]: 1 });
      expect([res.status, res.body.code]).toEqual([400, 'VALIDATION_FAILED']);
      expect(fieldsOf(res)).toContain(key);
      const nested = await register({ respondent: { code: 'county-land-bureau', name: 'x', [key]: 'y' } });
      expect(fieldsOf(nested)).toContain(`respondent.${key}`);
    }
    for (const key of ['__proto__', 'constructor']) {
      const res = await h.http
        .post('/cases')
        .set(h.staff.courtClerk)
        .set('content-type', 'application/json')
        .send(
          JSON.stringify({ ...litigationCase(), [key]: {} }).replace('"channel"', `"${key}":{},"channel"`),
        );
      expect(res.status).toBe(400);
    }
  });

  it('refuses party ids that name what every object has, in paths and bodies', async () => {
    for (const partyId of ['__proto__', 'constructor', 'toString']) {
      const note = await h.http
        .post(`/register/parties/${partyId}/notes`)
        .set(h.staff.courtClerk)
        .send({
          party: { kind: 'NATURAL_PERSON', name: '张三' },
          polarity: 'NEGATIVE',
          text: 't',
          caseRef: 'c',
          notedOn: '2024-10-01',
        });
      expect([note.status, note.body.code]).toEqual([400, 'INVALID_ID']);
      const res = await register({
        parties: [{ partyId, kind: 'NATURAL_PERSON', name: '张三', idScheme: 'RESIDENT_ID', idNumber: '1' }],
      });
      expect(fieldsOf(res)).toContain('parties.0.partyId');
    }
    expect(await h.built.store.readStream('party-__proto__')).toEqual([]);
  });
});
