import { PROJECTIONS } from '@accord/read-store';
import { createTestDatabase, describePg, type TestDatabase } from '@accord/store/postgres/testing/pg-test-db';
import { startApi, type ApiHarness } from './support/api-harness';

type Headers = Record<string, string>;

const CASE = {
  channel: 'RECONSIDERATION',
  externalCaseNumber: '鲁山复议〔2026〕17号',
  acceptedOn: '2026-11-02',
  parties: [
    {
      partyId: 'p-001',
      kind: 'NATURAL_PERSON',
      name: '王某',
      idScheme: 'RESIDENT_ID',
      idNumber: '410423199001011234',
    },
  ],
  respondent: { code: 'county-natural-resources', name: '鲁山县自然资源局' },
  matter: 'Compensation for a collectively owned plot taken for a road',
  peopleInvolved: 1,
};

const post = async (h: ApiHarness, path: string, who: Headers, body: object, status: number) => {
  const res = await h.http.post(path).set(who).send(body);
  if (res.status !== status) throw new Error(`POST ${path}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { id: string; streamId: string; revision: number; position: number };
};

/** ACCORD_EVENT_STORE=postgres ACCORD_READ_STORE=postgres: the README walk-through's reads. */
describePg('the API on PostgreSQL for both the ledger and the read models', () => {
  let db: TestDatabase;
  let h: ApiHarness;

  beforeAll(async () => {
    db = await createTestDatabase('accord_pgpg');
    h = await startApi(
      { eventStore: { kind: 'postgres', url: db.url }, readStore: { kind: 'postgres', url: db.url } },
      { inProcessProjector: true },
    );
  });
  afterAll(async () => {
    await h?.close();
    await db?.drop();
  });

  it('the walk-through: lists, deadlines, the register and the report, each read after its write (minPosition)', async () => {
    const gov = h.auth('GOV_OFFICE', 'gov-clerk-01', 'clerk');
    const pro = h.auth('PROCURATORATE', 'pro-clerk-07', 'clerk');
    const aud = h.auth('GOV_OFFICE', 'inspector-02', 'auditor');
    const created = await post(h, '/cases', gov, CASE, 201);
    const id = created.id;
    await post(
      h,
      `/cases/${id}/eligibility`,
      gov,
      {
        outcome: 'ELIGIBLE',
        assessedOn: '2026-11-03',
        grounds: [{ category: 1, reasons: 'A dispute over the amount of administrative compensation' }],
      },
      201,
    );
    await post(h, `/cases/${id}/resolution`, gov, { openedOn: '2026-11-04' }, 200);
    const invitation = await post(
      h,
      `/cases/${id}/invitations`,
      gov,
      {
        to: 'PROCURATORATE',
        grounds: 'Likely to become a suit if unresolved',
        noticeServedOn: '2026-11-20',
        documentRef: '鲁山复议邀〔2026〕3号',
      },
      201,
    );

    const listed = await h.http
      .get('/cases')
      .query({ minPosition: invitation.position })
      .set(gov)
      .expect(200);
    expect(listed.body.items.map((c: { caseId: string }) => c.caseId)).toEqual([id]);
    expect(listed.body.items[0]).toMatchObject({ stage: 'RESOLUTION_OPEN', view: 'full' });
    // The invitee sees the case reduced, with its own open invitation.
    const invited = await h.http
      .get('/cases')
      .query({ minPosition: invitation.position })
      .set(pro)
      .expect(200);
    expect(invited.body.items[0]).toMatchObject({ caseId: id, view: 'reduced' });

    const deadlines = await h.http
      .get('/deadlines')
      .query({ minPosition: invitation.position })
      .set(pro)
      .expect(200);
    expect(deadlines.body.items).toEqual([
      expect.objectContaining({
        kind: 'INVITATION_REPLY',
        caseId: id,
        owner: 'PROCURATORATE',
        status: 'open',
        dueBy: '2026-11-25',
      }),
    ]);

    const reply = await post(
      h,
      `/cases/${id}/invitations/${invitation.id}/reply`,
      pro,
      { answer: 'ACCEPT', repliedOn: '2026-11-24', documentRef: '鲁山检行复〔2026〕5号' },
      200,
    );
    const closed = await h.http
      .get('/deadlines')
      .query({ minPosition: reply.position, status: 'all' })
      .set(gov)
      .expect(200);
    // The lead also sees its own notice period (Arts 4/7), closed when the invitation was served.
    expect(closed.body.items).toEqual([
      expect.objectContaining({ kind: 'INVITATION_REPLY', status: 'closed', closedBy: 'replied' }),
      expect.objectContaining({ kind: 'INVITATION_NOTICE', status: 'closed', closedBy: 'served' }),
    ]);

    const party = await h.http
      .get('/register/parties/RESIDENT_ID-410423199001011234')
      .query({ minPosition: reply.position })
      .set(aud)
      .expect(200);
    expect(party.body.filings).toEqual([expect.objectContaining({ caseId: id, casePartyId: 'p-001' })]);

    const summary = await h.http
      .get('/reports/summary')
      .query({ minPosition: reply.position })
      .set(aud)
      .expect(200);
    expect(summary.body.rows).toEqual([
      expect.objectContaining({
        month: '2026-11',
        agency: 'GOV_OFFICE',
        channel: 'RECONSIDERATION',
        registered: 1,
      }),
    ]);

    const ready = await h.http.get('/health/ready').set(aud).expect(200);
    expect(ready.body.projections.map((p: { projection: string }) => p.projection).sort()).toEqual(
      PROJECTIONS.map((p) => p.name).sort(),
    );
  });
});

describePg('a store that cannot serve answers 503 with its code, in English and Chinese', () => {
  let db: TestDatabase;
  let h: ApiHarness;
  let unreachable: ApiHarness;

  beforeAll(async () => {
    db = await createTestDatabase('accord_gone');
    h = await startApi({ eventStore: { kind: 'postgres', url: db.url } });
    // Nothing listens on port 1: the read models cannot be reached at all.
    unreachable = await startApi({
      readStore: { kind: 'postgres', url: 'postgres://postgres@127.0.0.1:1/none' },
    });
  });
  afterAll(async () => {
    await h?.close();
    await unreachable?.close();
    await db?.drop();
  });

  it('read models unreachable: READ_STORE_UNAVAILABLE; the ledger still serves writes', async () => {
    const gov = unreachable.staff.govClerk;
    const en = await unreachable.http.get('/cases').set(gov).expect(503);
    expect(en.body).toMatchObject({
      code: 'READ_STORE_UNAVAILABLE',
      status: 503,
      detail: 'The read models cannot be reached right now; retry shortly.',
    });
    const zh = await unreachable.http.get('/deadlines').set(gov).set('Accept-Language', 'zh').expect(503);
    expect(zh.body).toMatchObject({
      code: 'READ_STORE_UNAVAILABLE',
      detail: '读模型暂时无法访问，请稍后重试。',
    });
    expect(JSON.stringify(zh.body)).not.toContain('127.0.0.1');
    await post(unreachable, '/cases', gov, CASE, 201);
  });

  it('the ledger database dropped: STORE_UNAVAILABLE on writes and reads', async () => {
    const gov = h.staff.govClerk;
    const created = await post(h, '/cases', gov, CASE, 201);
    await db.drop();
    const write = await h.http.post('/cases').set(gov).send(CASE).expect(503);
    expect(write.body).toMatchObject({
      code: 'STORE_UNAVAILABLE',
      detail: 'The ledger cannot be reached right now; nothing was changed by this request. Retry shortly.',
    });
    const read = await h.http.get(`/cases/${created.id}`).set(gov).set('Accept-Language', 'zh').expect(503);
    expect(read.body).toMatchObject({
      code: 'STORE_UNAVAILABLE',
      detail: '账本暂时无法访问，本次请求未作任何更改，请稍后重试。',
    });
  });
});
