import type { Response } from 'supertest';
import type { Actor, RecordedEvent } from '@accord/events';
import { ACCESS_LOG_STREAM } from '@accord/api/access/access-log';
import { startApi, type ApiHarness } from './support/api-harness';
import { litigationCase } from './support/api-fixtures';

type Headers = Record<string, string>;
type Reader = 'COURT' | 'PROCURATORATE' | 'GOV_OFFICE' | 'ORGAN' | 'AUDITOR';
type CaseName = 'RECONSIDERATION' | 'LITIGATION' | 'SUPERVISION';
/** full: participant; reduced: open invitee; none: outsider (404 as unknown); audit: auditor, read-only. */
type Sight = 'full' | 'reduced' | 'none' | 'audit';

const READERS: Readonly<Record<Reader, Actor>> = {
  COURT: { agency: 'COURT', staffId: 'court-clerk', role: 'clerk' },
  PROCURATORATE: { agency: 'PROCURATORATE', staffId: 'proc-clerk', role: 'clerk' },
  GOV_OFFICE: { agency: 'GOV_OFFICE', staffId: 'gov-clerk', role: 'clerk' },
  ORGAN: { agency: 'ORGAN:county-land-bureau', staffId: 'organ-1', role: 'clerk' },
  AUDITOR: { agency: 'COURT', staffId: 'inspector-1', role: 'auditor' },
};

/**
 * Art 17, who sees what. The reconsideration case (GOV_OFFICE) invited the procuratorate, which
 * accepted; the litigation case (COURT) invited GOV_OFFICE, which has not replied; the supervision
 * case (PROCURATORATE) invited nobody. Administrative organs never take part in a case.
 */
// prettier-ignore
const MATRIX: Readonly<Record<Reader, Readonly<Record<CaseName, Sight>>>> = {
  COURT:         { RECONSIDERATION: 'none',  LITIGATION: 'full',    SUPERVISION: 'none'  },
  PROCURATORATE: { RECONSIDERATION: 'full',  LITIGATION: 'none',    SUPERVISION: 'full'  },
  GOV_OFFICE:    { RECONSIDERATION: 'full',  LITIGATION: 'reduced', SUPERVISION: 'none'  },
  ORGAN:         { RECONSIDERATION: 'none',  LITIGATION: 'none',    SUPERVISION: 'none'  },
  AUDITOR:       { RECONSIDERATION: 'audit', LITIGATION: 'audit',   SUPERVISION: 'audit' },
};

/** Registration order: the list shows the newest first. */
const CASE_NAMES: readonly CaseName[] = ['RECONSIDERATION', 'LITIGATION', 'SUPERVISION'];
const UNKNOWN_CASE = '0b0b0b0b-1111-4222-8333-999999999999';

type AccessData = {
  caseId?: string;
  caseIds?: string[];
  view: string;
  outcome: string;
  revision?: number;
};

describe('Art 17 visibility matrix: every agency, an organ and an auditor against every case', () => {
  let h: ApiHarness;
  const ids = {} as Record<CaseName, string>;
  /** Revision of each case once set up; nothing writes to them afterwards. */
  const revisions = {} as Record<CaseName, number>;
  const headers = (reader: Reader): Headers => {
    const { agency, staffId, role } = READERS[reader];
    return h.auth(agency, staffId, role);
  };

  const post = async (path: string, who: Headers, body: object, status: number) => {
    const res = await h.http.post(path).set(who).send(body);
    if (res.status !== status) throw new Error(`POST ${path}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as { id: string; revision: number };
  };

  beforeAll(async () => {
    h = await startApi({}, { inProcessProjector: true });
    const gov = headers('GOV_OFFICE');
    const court = headers('COURT');
    const proc = headers('PROCURATORATE');

    ids.RECONSIDERATION = (await post('/cases', gov, litigationCase({ channel: 'RECONSIDERATION' }), 201)).id;
    const toProc = await post(
      `/cases/${ids.RECONSIDERATION}/invitations`,
      gov,
      { to: 'PROCURATORATE', grounds: 'may become a lawsuit', noticeServedOn: '2024-03-04' },
      201,
    );
    revisions.RECONSIDERATION = (
      await post(
        `/cases/${ids.RECONSIDERATION}/invitations/${toProc.id}/reply`,
        proc,
        { answer: 'ACCEPT', repliedOn: '2024-03-05' },
        200,
      )
    ).revision;

    ids.LITIGATION = (await post('/cases', court, litigationCase(), 201)).id;
    revisions.LITIGATION = (
      await post(
        `/cases/${ids.LITIGATION}/invitations`,
        court,
        { to: 'GOV_OFFICE', grounds: 'appeal and petition risk', noticeServedOn: '2024-03-04' },
        201,
      )
    ).revision;

    const supervision = await post(
      '/cases',
      proc,
      litigationCase({ channel: 'PROCURATORIAL_SUPERVISION', externalCaseNumber: '鲁检行监受〔2024〕7号' }),
      201,
    );
    ids.SUPERVISION = supervision.id;
    revisions.SUPERVISION = supervision.revision;
  });
  afterAll(() => h.close());

  /** Runs one read and returns its answer with the access events it appended (there must be one). */
  const read = async (reader: Reader, path: string) => {
    const before = (await h.built.store.readStream(ACCESS_LOG_STREAM)).length;
    // The list reads the projector's read model: ask for one that has seen every write so far.
    const query = path === '/cases' ? { minPosition: await h.built.store.headPosition() } : {};
    const res = await h.http.get(path).query(query).set(headers(reader));
    const logged = (await h.built.store.readStream(ACCESS_LOG_STREAM, {
      fromRevision: before,
    })) as RecordedEvent<AccessData>[];
    return { res, logged };
  };

  const expectLogged = (logged: RecordedEvent<AccessData>[], reader: Reader, data: Partial<AccessData>) => {
    expect(logged).toHaveLength(1);
    // The general access event (Art 17): a case's id is its `resourceId`, a list page's ids its `shownIds`.
    const { caseId, caseIds, ...rest } = data;
    expect(logged[0]).toMatchObject({
      type: 'DataAccessed',
      actor: READERS[reader],
      data: {
        ...rest,
        ...(caseId === undefined ? {} : { resource: 'case', resourceId: caseId }),
        ...(caseIds === undefined ? {} : { resource: 'case-list', shownIds: caseIds }),
      },
    });
  };

  /** An invisible case must answer exactly as a case that does not exist (Art 17: not even its existence). */
  const expectSameAsUnknown = async (
    reader: Reader,
    path: (id: string) => string,
    id: string,
    body: unknown,
  ) => {
    const unknown = await read(reader, path(UNKNOWN_CASE));
    expect(unknown.res.status).toBe(404);
    expectLogged(unknown.logged, reader, { caseId: UNKNOWN_CASE, outcome: 'not_found' });
    expect(JSON.stringify(body).replaceAll(id, 'ID')).toBe(
      JSON.stringify(unknown.res.body).replaceAll(UNKNOWN_CASE, 'ID'),
    );
  };

  const cells = (Object.keys(MATRIX) as Reader[]).flatMap((reader) =>
    CASE_NAMES.map((name) => [reader, name, MATRIX[reader][name]] as const),
  );

  describe('GET /cases/:id', () => {
    it.each(cells)('%s reading the %s case: %s', async (reader, name, sight) => {
      const id = ids[name];
      const { res, logged } = await read(reader, `/cases/${id}`);
      if (sight === 'none') {
        expect(res.status).toBe(404);
        expect(res.body.code).toBe('CASE_NOT_FOUND');
        expectLogged(logged, reader, { caseId: id, view: 'full', outcome: 'refused', revision: -1 });
        await expectSameAsUnknown(reader, (x) => `/cases/${x}`, id, res.body);
        return;
      }
      expect(res.status).toBe(200);
      expect(res.headers.etag).toBe(`"${revisions[name]}"`);
      if (sight === 'reduced') {
        expect(res.body).toMatchObject({ id, access: 'invitee', view: 'reduced', revision: revisions[name] });
        // What the written notice carries, and the reader's own invitations: nothing confidential.
        expect(Object.keys(res.body.case).sort()).toEqual(
          [
            'acceptedOn',
            'caseId',
            'channel',
            'externalCaseNumber',
            'invitations',
            'leadAgency',
            'matter',
            'respondent',
            'status',
          ].sort(),
        );
        expect(res.body.case.invitations.map((i: { to: string }) => i.to)).toEqual([READERS[reader].agency]);
        expectLogged(logged, reader, {
          caseId: id,
          view: 'reduced',
          outcome: 'granted',
          revision: revisions[name],
        });
        return;
      }
      expect(res.body).toMatchObject({
        id,
        access: sight === 'audit' ? 'auditor' : 'participant',
        view: 'full',
        revision: revisions[name],
        case: { caseId: id, parties: [expect.objectContaining({ idNumber: expect.any(String) })] },
      });
      expectLogged(logged, reader, {
        caseId: id,
        view: 'full',
        outcome: 'granted',
        revision: revisions[name],
      });
    });
  });

  describe('GET /cases/:id/history', () => {
    it.each(cells)('%s reading the history of the %s case: %s', async (reader, name, sight) => {
      const id = ids[name];
      const { res, logged } = await read(reader, `/cases/${id}/history`);
      // An invitee is refused the history as firmly as an outsider: it holds everything.
      if (sight === 'none' || sight === 'reduced') {
        expect(res.status).toBe(404);
        expectLogged(logged, reader, { caseId: id, view: 'history', outcome: 'refused', revision: -1 });
        await expectSameAsUnknown(reader, (x) => `/cases/${x}/history`, id, res.body);
        return;
      }
      expect(res.status).toBe(200);
      expect(res.body.events).toHaveLength(revisions[name] + 1);
      expectLogged(logged, reader, {
        caseId: id,
        view: 'history',
        outcome: 'granted',
        revision: revisions[name],
      });
    });
  });

  describe('GET /cases', () => {
    it.each(Object.keys(MATRIX) as Reader[])(
      '%s lists exactly the cases of its row of the matrix',
      async (reader) => {
        const expected = [...CASE_NAMES]
          .reverse()
          .filter((name) => MATRIX[reader][name] !== 'none')
          .map((name) => ({ name, sight: MATRIX[reader][name] }));
        const { res, logged } = await read(reader, '/cases');
        expect(res.status).toBe(200);
        expect(res.headers.etag).toBeUndefined();
        expect(res.body.nextCursor).toBeNull();
        expect(res.body.items.map((i: { caseId: string }) => i.caseId)).toEqual(
          expected.map((e) => ids[e.name]),
        );
        res.body.items.forEach((item: Record<string, unknown>, index: number) => {
          const { name, sight } = expected[index]!;
          expect(item).toMatchObject({ revision: revisions[name], status: 'open' });
          if (sight === 'reduced') {
            expect(item).toMatchObject({ access: 'invitee', view: 'reduced' });
            expect(item).not.toHaveProperty('stage');
            expect(item).not.toHaveProperty('participants');
            expect((item.openInvitations as { agency: string }[]).map((i) => i.agency)).toEqual([
              READERS[reader].agency,
            ]);
          } else {
            expect(item).toMatchObject({
              access: sight === 'audit' ? 'auditor' : 'participant',
              view: 'full',
              stage: 'REGISTERED',
              participants: expect.arrayContaining([item.leadAgency]),
            });
          }
        });
        expectLogged(logged, reader, {
          view: 'list',
          outcome: 'granted',
          caseIds: expected.map((e) => ids[e.name]),
        });
      },
    );

    it('shows the full rows their participants and open invitations', async () => {
      const { res } = await read('AUDITOR', '/cases');
      const byId = new Map(res.body.items.map((i: { caseId: string }) => [i.caseId, i]));
      expect(byId.get(ids.RECONSIDERATION)).toMatchObject({
        channel: 'RECONSIDERATION',
        leadAgency: 'GOV_OFFICE',
        participants: ['GOV_OFFICE', 'PROCURATORATE'],
        openInvitations: [],
      });
      expect(byId.get(ids.LITIGATION)).toMatchObject({
        participants: ['COURT'],
        openInvitations: [{ agency: 'GOV_OFFICE', invitationId: expect.any(String) }],
      });
      expect(byId.get(ids.SUPERVISION)).toMatchObject({ leadAgency: 'PROCURATORATE', openInvitations: [] });
    });
  });

  it('auditors are read-only: every write they try is 403 and writes nothing', async () => {
    for (const name of CASE_NAMES) {
      const head = await h.built.store.headPosition();
      const res = await h.http
        .post(`/cases/${ids[name]}/activities`)
        .set(headers('AUDITOR'))
        .send({ kind: 'HEARING', heldOn: '2024-03-05', agencies: ['COURT'], partyIds: ['p-1'], others: [] });
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('ROLE_FORBIDDEN');
      expect(await h.built.store.headPosition()).toBe(head);
    }
  });
});

describe('GET /cases: pages, filters, read-your-writes', () => {
  let h: ApiHarness;
  let court: Headers;
  beforeAll(async () => {
    h = await startApi({}, { inProcessProjector: true });
    court = h.auth('COURT', 'court-clerk', 'clerk');
  });
  afterAll(() => h.close());

  /** The head now: what a client that has just written passes as `minPosition`. */
  const head = () => h.built.store.headPosition();

  it('a case is in the list once the read model has reached its registration (minPosition)', async () => {
    for (let i = 0; i < 5; i += 1) {
      const created = await h.http.post('/cases').set(court).send(litigationCase()).expect(201);
      const list = await h.http
        .get('/cases')
        .query({ limit: 1, minPosition: created.body.position })
        .set(court)
        .expect(200);
      expect(list.body.items[0].caseId).toBe(created.body.id);
      expect(list.body.position).toBeGreaterThanOrEqual(created.body.position);
    }
  });

  it('walks every case once with the cursor, newest first, and records each page read', async () => {
    const all = await h.http
      .get('/cases')
      .query({ limit: 100, minPosition: await head() })
      .set(court)
      .expect(200);
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const before = (await h.built.store.readStream(ACCESS_LOG_STREAM)).length;
      const res: Response = await h.http
        .get('/cases')
        .query(after === null ? { limit: 2 } : { limit: 2, after })
        .set(court)
        .expect(200);
      const shown = res.body.items.map((i: { caseId: string }) => i.caseId);
      const logged = await h.built.store.readStream(ACCESS_LOG_STREAM, { fromRevision: before });
      expect(logged.map((e) => e.data)).toEqual([
        expect.objectContaining({
          view: 'list',
          shownIds: shown,
          filter: expect.objectContaining({ limit: 2, after }),
        }),
      ]);
      seen.push(...shown);
      after = res.body.nextCursor;
      pages += 1;
    } while (after !== null);
    expect(pages).toBe(3);
    expect(seen).toEqual(all.body.items.map((i: { caseId: string }) => i.caseId));
    expect(new Set(seen).size).toBe(5);
  });

  it('filters by channel and stage', async () => {
    const [first] = (
      await h.http
        .get('/cases')
        .query({ minPosition: await head() })
        .set(court)
        .expect(200)
    ).body.items;
    const assessment = await h.http
      .post(`/cases/${first.caseId}/eligibility`)
      .set(court)
      .send({
        outcome: 'ELIGIBLE',
        grounds: [{ category: 1, reasons: 'compensation' }],
        assessedOn: '2024-03-02',
      })
      .expect(201);
    const assessed = await h.http
      .get('/cases')
      .query({ stage: 'ELIGIBILITY_ASSESSED', minPosition: assessment.body.position })
      .set(court)
      .expect(200);
    expect(assessed.body.items.map((i: { caseId: string }) => i.caseId)).toEqual([first.caseId]);
    const registered = await h.http.get('/cases').query({ stage: 'REGISTERED' }).set(court).expect(200);
    expect(registered.body.items).toHaveLength(4);
    const lit = await h.http.get('/cases').query({ channel: 'LITIGATION' }).set(court).expect(200);
    expect(lit.body.items).toHaveLength(5);
    const recon = await h.http.get('/cases').query({ channel: 'RECONSIDERATION' }).set(court).expect(200);
    expect(recon.body.items).toEqual([]);
  });

  it('is documented in OpenAPI: its filters, the page, the 503 when it cannot catch up', async () => {
    const doc = (await h.http.get('/docs-json').expect(200)).body;
    const list = doc.paths['/cases'].get;
    expect(list.parameters.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining(['channel', 'stage', 'limit', 'after']),
    );
    expect(Object.keys(list.responses)).toEqual(expect.arrayContaining(['200', '401', '403', '503']));
    expect(doc.components.schemas.CaseListDto.required).toEqual(['items', 'nextCursor', 'position']);
  });

  it.each([
    [{ limit: 0 }, 'limit'],
    [{ limit: 101 }, 'limit'],
    [{ limit: 'ten' }, 'limit'],
    [{ limit: 1.5 }, 'limit'],
    [{ after: 'abc' }, 'after'],
    [{ after: '0' }, 'after'],
    [{ after: '-3' }, 'after'],
    [{ channel: 'ARBITRATION' }, 'channel'],
    [{ stage: 'open' }, 'stage'],
    [{ since: '2024-01-01' }, 'since'],
  ])('refuses the query %j with 400 naming %s, and records nothing', async (query, field) => {
    const before = (await h.built.store.readStream(ACCESS_LOG_STREAM)).length;
    const res = await h.http.get('/cases').query(query).set(court).expect(400);
    expect(res.body).toMatchObject({
      code: 'VALIDATION_FAILED',
      errors: [expect.objectContaining({ field })],
    });
    expect(await h.built.store.readStream(ACCESS_LOG_STREAM)).toHaveLength(before);
  });
});

type Thing = 'LETTER' | 'REGISTER' | 'MEETING' | 'MEDIATOR';
/** full: may read; none: 404 as for an unknown id. Writes: the status each reader gets for one act. */
// prettier-ignore
const OTHER_MATRIX: Readonly<Record<Reader, Readonly<Record<Thing, { read: 'full' | 'none'; write: number }>>>> = {
  // The court issued (and served) the letter, recorded the meeting listing the government office.
  COURT:         { LETTER: { read: 'full', write: 409 }, REGISTER: { read: 'full', write: 201 }, MEETING: { read: 'full', write: 409 }, MEDIATOR: { read: 'full', write: 403 } },
  PROCURATORATE: { LETTER: { read: 'none', write: 404 }, REGISTER: { read: 'full', write: 201 }, MEETING: { read: 'none', write: 404 }, MEDIATOR: { read: 'full', write: 403 } },
  GOV_OFFICE:    { LETTER: { read: 'none', write: 404 }, REGISTER: { read: 'full', write: 201 }, MEETING: { read: 'full', write: 200 }, MEDIATOR: { read: 'full', write: 403 } },
  ORGAN:         { LETTER: { read: 'full', write: 403 }, REGISTER: { read: 'none', write: 403 }, MEETING: { read: 'none', write: 403 }, MEDIATOR: { read: 'none', write: 403 } },
  AUDITOR:       { LETTER: { read: 'full', write: 403 }, REGISTER: { read: 'full', write: 403 }, MEETING: { read: 'full', write: 403 }, MEDIATOR: { read: 'full', write: 403 } },
};
const UNKNOWN_ID = '0b0b0b0b-1111-4222-8333-777777777777';

describe('Art 17 visibility matrix beyond cases: letters, party registers, meetings, mediators (reads and writes)', () => {
  let h: ApiHarness;
  const ids = {} as Record<Thing, string>;
  const headers = (reader: Reader): Headers => {
    const { agency, staffId, role } = READERS[reader];
    return h.auth(agency, staffId, role);
  };
  const paths: Record<
    Thing,
    { read: (id: string) => string; write: (id: string, n: number) => [string, object] }
  > = {
    LETTER: {
      read: (id) => `/letters/${id}`,
      write: (id) => [`/letters/${id}/service`, { servedOn: '2024-09-26' }],
    },
    REGISTER: {
      read: (id) => `/register/parties/${id}`,
      write: (id) => [
        `/register/parties/${id}/notes`,
        { polarity: 'POSITIVE', text: 't', caseRef: 'c-1', notedOn: '2024-10-01' },
      ],
    },
    MEETING: {
      read: (id) => `/meetings/${id}`,
      write: (id) => [`/meetings/${id}/acknowledgements`, { acknowledgedOn: '2024-06-05' }],
    },
    MEDIATOR: {
      read: (id) => `/mediators/${id}`,
      write: (id) => [`/mediators/${id}/suspension`, { suspendedOn: '2024-04-01', reason: 'r' }],
    },
  };

  beforeAll(async () => {
    h = await startApi();
    const court = headers('COURT');
    ids.LETTER = (
      await h.http
        .post('/letters')
        .set(court)
        .send({
          organ: { code: 'county-land-bureau', name: '县自然资源局' },
          grounds: ['UNLAWFUL_ACT'],
          facts: 'f',
          issuedOn: '2024-09-20',
        })
        .expect(201)
    ).body.id;
    await h.http
      .post(`/letters/${ids.LETTER}/service`)
      .set(court)
      .send({ servedOn: '2024-09-25' })
      .expect(200);
    ids.REGISTER = 'p-matrix';
    await h.http
      .post(`/register/parties/${ids.REGISTER}/notes`)
      .set(court)
      .send({
        party: { kind: 'NATURAL_PERSON', name: '张三' },
        polarity: 'NEGATIVE',
        text: 't',
        caseRef: 'c',
        notedOn: '2024-10-01',
      })
      .expect(201);
    ids.MEETING = (
      await h.http
        .post('/meetings')
        .set(court)
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
    ids.MEDIATOR = (
      await h.http
        .post('/mediators')
        .set(h.auth('COURT', 'chief-1', 'lead'))
        .send({ name: '李四', source: 'LEGAL_WORKER', expertise: [], admittedOn: '2024-03-01' })
        .expect(201)
    ).body.id;
  });
  afterAll(() => h.close());

  const accessLogLength = async () => (await h.built.store.readStream(ACCESS_LOG_STREAM)).length;
  const cells = (Object.keys(OTHER_MATRIX) as Reader[]).flatMap((reader) =>
    (Object.keys(paths) as Thing[]).map((thing) => [reader, thing, OTHER_MATRIX[reader][thing]] as const),
  );

  it.each(cells)('%s reading the %s: %j, recorded as a DataAccessed', async (reader, thing, sight) => {
    const unknownId = thing === 'REGISTER' ? 'p-nobody-xx' : UNKNOWN_ID;
    const before = await accessLogLength();
    const res = await h.http.get(paths[thing].read(ids[thing])).set(headers(reader));
    const logged = await h.built.store.readStream(ACCESS_LOG_STREAM, { fromRevision: before });
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({
      type: 'DataAccessed',
      actor: READERS[reader],
      data: {
        resourceId: ids[thing],
        outcome: sight.read === 'full' ? 'granted' : 'refused',
        revision: sight.read === 'full' ? expect.any(Number) : -1,
      },
    });
    if (sight.read === 'full') {
      expect(res.status).toBe(200);
      return;
    }
    const unknown = await h.http.get(paths[thing].read(unknownId)).set(headers(reader));
    expect(res.status).toBe(404);
    expect(JSON.stringify({ ...res.body, instance: 0 }).replaceAll(ids[thing], 'ID')).toBe(
      JSON.stringify({ ...unknown.body, instance: 0 }).replaceAll(unknownId, 'ID'),
    );
  });

  it.each(cells)('%s writing to the %s: %j', async (reader, thing, sight) => {
    const [path, body] = paths[thing].write(ids[thing], 0);
    const res = await h.http.post(path).set(headers(reader)).send(body);
    expect(res.status).toBe(sight.write);
    if (sight.write === 404) {
      const unknownId = thing === 'REGISTER' ? 'p-nobody-xx' : UNKNOWN_ID;
      const [unknownPath] = paths[thing].write(unknownId, 0);
      const unknown = await h.http.post(unknownPath).set(headers(reader)).send(body);
      expect(JSON.stringify({ ...res.body, instance: 0 }).replaceAll(ids[thing], 'ID')).toBe(
        JSON.stringify({ ...unknown.body, instance: 0 }).replaceAll(unknownId, 'ID'),
      );
    }
  });
});
