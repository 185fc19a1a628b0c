import { CURRENT_RULES, RULES_2021_V2, type LegalCalendar } from '@accord/domain';
import { loadCalendar } from '@accord/calendar-data';
import { litigationCase } from './support/api-fixtures';
import { startApi, type ApiHarness } from './support/api-harness';

/**
 * Rule set v2 over HTTP, with the worked dates of issue 9. The real calendar (chinese-days, 2027
 * computed) is used; only its reading of "today" is moved to 2027-01-10, because the worked dates
 * run past the machine's clock and the domain refuses acts dated in the future.
 */
const TODAY = '2027-01-10';

describe('rule set v2 over HTTP: worked dates', () => {
  let h: ApiHarness;
  beforeAll(async () => {
    const real = loadCalendar({}).calendar;
    const calendar: LegalCalendar = { ...real, legalDateOf: () => TODAY };
    h = await startApi({}, { rules: RULES_2021_V2, calendar });
  });
  afterAll(() => h.close());

  const post = async (path: string, who: Record<string, string>, body: object, status: number) => {
    const res = await h.http.post(path).set(who).send(body);
    if (res.status !== status) throw new Error(`POST ${path}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as { id: string };
  };

  it('v2 is the current rule set, and it is stamped on events', async () => {
    expect(CURRENT_RULES.version).toBe('lushan-2021-144/v2');
    const { id } = await post('/cases', h.staff.courtClerk, litigationCase(), 201);
    const [event] = await h.built.store.readStream(`case-${id}`);
    expect(event?.ruleSet).toBe('lushan-2021-144/v2');
  });

  it('supervision: accepted 2026-07-01, not supported 2026-09-25, the notice served 2026-09-28 is in time', async () => {
    const pro = h.staff.procClerk;
    const { id } = await post(
      '/cases',
      pro,
      litigationCase({ channel: 'PROCURATORIAL_SUPERVISION', acceptedOn: '2026-07-01' }),
      201,
    );
    await post(
      `/cases/${id}/non-support-decision`,
      pro,
      { decisionNumber: '鲁检行监〔2026〕3号', decidedOn: '2026-09-25', summary: '不支持监督申请' },
      200,
    );
    const inv = await post(
      `/cases/${id}/invitations`,
      pro,
      {
        to: 'GOV_OFFICE',
        grounds: 'reasonable claim',
        noticeServedOn: '2026-09-28',
        documentRef: '鲁检行邀〔2026〕1号',
      },
      201,
    );
    const res = await h.http.get(`/cases/${id}`).set(pro).expect(200);
    expect(res.body.case.invitations).toEqual([
      expect.objectContaining({
        invitationId: inv.id,
        noticePeriodStart: { fact: 'NON_SUPPORT_DECISION', on: '2026-09-25' },
        noticeLate: false,
        addressee: { agency: 'GOV_OFFICE', department: '县政府办公室' },
        documentRef: '鲁检行邀〔2026〕1号',
      }),
    ]);
  });

  it('a late notice is recorded with late: true and the due date it missed; a notice without its document is refused', async () => {
    const gov = h.staff.govClerk;
    const { id } = await post(
      '/cases',
      gov,
      litigationCase({ channel: 'RECONSIDERATION', acceptedOn: '2026-07-01' }),
      201,
    );
    const refused = await h.http
      .post(`/cases/${id}/invitations`)
      .set(gov)
      .set('Accept-Language', 'zh')
      .send({ to: 'PROCURATORATE', grounds: 'g', noticeServedOn: '2026-09-28' })
      .expect(422);
    expect(refused.body).toMatchObject({ code: 'CASE_INVALID_INPUT', details: { field: 'documentRef' } });
    await post(
      `/cases/${id}/invitations`,
      gov,
      { to: 'PROCURATORATE', grounds: 'g', noticeServedOn: '2026-09-28', documentRef: '鲁复邀〔2026〕9号' },
      201,
    );
    const res = await h.http.get(`/cases/${id}`).set(gov).expect(200);
    expect(res.body.case.invitations[0]).toMatchObject({
      noticeLate: true,
      noticeDeadline: { dueBy: '2026-07-31' },
      addressee: { agency: 'PROCURATORATE', department: '行政检察部门' },
    });
  });

  it('a reply due across New Year 2027 is provisional and says why, in English and in Chinese', async () => {
    const gov = h.staff.govClerk;
    const { id } = await post(
      '/cases',
      gov,
      litigationCase({ channel: 'RECONSIDERATION', acceptedOn: '2026-12-01' }),
      201,
    );
    await post(
      `/cases/${id}/invitations`,
      gov,
      { to: 'PROCURATORATE', grounds: 'g', noticeServedOn: '2026-12-30', documentRef: '鲁复邀〔2026〕12号' },
      201,
    );
    const en = await h.http.get(`/cases/${id}`).set(gov).expect(200);
    const reply = en.body.case.invitations[0].replyDeadline;
    // Wed 2026-12-30 + 3 working days: Thu 12-31, (Fri 01-01 New Year's Day, weekend), Mon 01-04, Tue 01-05.
    expect(reply).toMatchObject({ dueBy: '2027-01-05', provisional: true });
    expect(reply.explanation.text).toContain('Provisional: no official holiday schedule for 2027 is loaded');
    const zh = await h.http.get(`/cases/${id}`).set(gov).set('Accept-Language', 'zh-CN').expect(200);
    const text = zh.body.case.invitations[0].replyDeadline.explanation.text as string;
    expect(text).toContain('于 2027-01-05 届满');
    expect(text).toContain('暂定：尚未载入国务院办公厅公布的 2027 年节假日安排');
  });

  it('the government office reports a court case’s absent head without seeing the case', async () => {
    const court = h.staff.courtClerk;
    const { id } = await post('/cases', court, litigationCase({ acceptedOn: '2026-09-01' }), 201);
    const request = await post(
      `/cases/${id}/participation-requests`,
      court,
      { requestedOn: '2026-09-10', sessionOn: '2026-09-20', purpose: 'coordination session' },
      201,
    );
    // Before the absence is recorded the office sees nothing.
    await h.http
      .get(`/cases/${id}/participation-requests/${request.id}/absence`)
      .set(h.staff.govLead)
      .expect(404);
    await post(
      `/cases/${id}/participation-requests/${request.id}/attendance`,
      court,
      { attendance: 'ABSENT_UNJUSTIFIED' },
      200,
    );
    const facts = await h.http
      .get(`/cases/${id}/participation-requests/${request.id}/absence`)
      .set(h.staff.govLead)
      .expect(200);
    expect(facts.body).toEqual({
      caseId: id,
      requestId: request.id,
      requestedBy: 'COURT',
      organ: { code: 'county-land-bureau', name: '县自然资源局' },
      requestedOn: '2026-09-10',
      sessionOn: '2026-09-20',
      attendance: 'ABSENT_UNJUSTIFIED',
      absenceReport: null,
    });
    await post(
      `/cases/${id}/absence-reports`,
      h.staff.govLead,
      { requestId: request.id, reportedOn: '2026-09-21', note: 'head absent' },
      201,
    );
    // Still no sight of the case itself (Art 17); the procuratorate sees not even the absence.
    await h.http.get(`/cases/${id}`).set(h.staff.govLead).expect(404);
    await h.http
      .get(`/cases/${id}/participation-requests/${request.id}/absence`)
      .set(h.staff.procLead)
      .expect(404);
    const court403 = await h.http
      .post(`/cases/${id}/absence-reports`)
      .set(h.staff.courtLead)
      .send({ requestId: request.id, reportedOn: '2026-09-21' });
    expect(court403.status).toBe(403);
    const mine = await h.http.get(`/cases/${id}`).set(court).expect(200);
    expect(mine.body.case.participationRequests[0].absenceReport).toMatchObject({ reportedOn: '2026-09-21' });
  });

  it('commendations are read back one by one and listed per organ', async () => {
    const gov = h.staff.govClerk;
    const body = (reason: string) => ({
      organ: { code: 'county-land-bureau', name: '县自然资源局' },
      reason,
      commendedOn: '2026-10-20',
    });
    const first = await post('/commendations', gov, body('局长出庭应诉'), 201);
    await post('/commendations', gov, body('副局长参与协调'), 201);
    const one = await h.http.get(`/commendations/${first.id}`).set(h.staff.courtClerk).expect(200);
    expect(one.body).toMatchObject({
      commendationId: first.id,
      reason: '局长出庭应诉',
      commendedBy: 'GOV_OFFICE',
    });
    const list = await h.http
      .get('/organs/county-land-bureau/commendations')
      .set(h.staff.auditor)
      .expect(200);
    expect(list.body.commendations.map((c: { reason: string }) => c.reason)).toEqual([
      '局长出庭应诉',
      '副局长参与协调',
    ]);
    const none = await h.http.get('/organs/other-bureau/commendations').set(gov).expect(200);
    expect(none.body.commendations).toEqual([]);
    await h.http.get('/commendations/00000000-0000-4000-8000-000000000000').set(gov).expect(404);
  });

  it('litigation: the court records its risk finding, then invites; a withdrawal is recorded with its approval', async () => {
    const court = h.staff.courtClerk;
    const { id } = await post('/cases', court, litigationCase({ acceptedOn: '2026-03-02' }), 201);
    const early = await h.http
      .post(`/cases/${id}/invitations`)
      .set(court)
      .send({ to: 'GOV_OFFICE', grounds: 'g', noticeServedOn: '2026-09-28', documentRef: 'd' })
      .expect(422);
    expect(early.body.code).toBe('INVITATION_NEEDS_RISK_FINDING');
    await post(
      `/cases/${id}/risk-finding`,
      court,
      { foundOn: '2026-09-21', risks: ['PETITION'], reasons: 'the plaintiff says he will petition' },
      200,
    );
    await post(
      `/cases/${id}/invitations`,
      court,
      { to: 'GOV_OFFICE', grounds: 'g', noticeServedOn: '2026-09-28', documentRef: '（2026）豫0423行初3号' },
      201,
    );
    const noApproval = await h.http
      .post(`/cases/${id}/outcome`)
      .set(court)
      .send({ outcome: 'WITHDRAWN', decidedOn: '2026-10-10', summary: 's', withdrawingPartyIds: ['p-1'] })
      .expect(422);
    expect(noApproval.body.code).toBe('OUTCOME_WITHDRAWAL_NEEDS_COURT_APPROVAL');
    await post(
      `/cases/${id}/outcome`,
      court,
      {
        outcome: 'WITHDRAWN',
        decidedOn: '2026-10-10',
        summary: 'withdrawn',
        withdrawingPartyIds: ['p-1'],
        courtApproval: { approvedOn: '2026-10-10', documentRef: '（2026）豫0423行初3号之一' },
      },
      200,
    );
    const res = await h.http.get(`/cases/${id}`).set(court).expect(200);
    expect(res.body.case.outcome).toMatchObject({
      outcome: 'WITHDRAWN',
      consents: [],
      withdrawal: { partyIds: ['p-1'], courtApproval: { approvedOn: '2026-10-10' } },
    });
  });
});
