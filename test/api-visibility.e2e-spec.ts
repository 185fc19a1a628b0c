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
    expect(logged[0]).toMatchObject({ type: 'CaseDataAccessed', actor: READERS[reader], data });
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
          caseIds: shown,
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
