import { apiAssertions } from './support/api-assertions';
import { startApi, type ApiHarness } from './support/api-harness';
import { courtCase, litigationCase } from './support/api-fixtures';

type Headers = Record<string, string>;
interface Attempt {
  readonly path: string;
  readonly who: Headers;
  readonly body: object;
}

/**
 * Every case act refused over HTTP: a rule of the Measures (problem details with `code` and
 * `article`), and a body the DTO does not accept (400). A refusal writes nothing.
 */
describe('case acts: refusals and validation at the HTTP edge', () => {
  let h: ApiHarness;
  let court: Headers;
  let courtLead: Headers;
  let gov: Headers;
  let govLead: Headers;
  let proc: Headers;
  let organ: Headers;
  /** Litigation, resolution open; GOV_OFFICE took part, the PROCURATORATE is invited and has not replied. */
  let lit: string;
  let toGov: string;
  let toProc: string;
  /** Session in the future: attendance cannot be recorded yet. */
  let futureSession: string;
  /** The head attended: there is no absence to report. */
  let attended: string;
  /** Supervision, no non-support decision yet. */
  let sup: string;
  let conflicted: string;
  let suspended: string;

  const post = async (path: string, who: Headers, body: object, status: number): Promise<string> => {
    const res = await h.http.post(path).set(who).send(body);
    if (res.status !== status) throw new Error(`POST ${path}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.id as string;
  };
  const caseEvents = async (caseId: string) => (await h.built.store.readStream(`case-${caseId}`)).length;
  const admit = (source: string, organisationCode: string | null) =>
    post(
      '/mediators',
      govLead,
      { name: '赵六', source, organisationCode, expertise: [], admittedOn: '2024-01-02' },
      201,
    );

  beforeAll(async () => {
    h = await startApi();
    ({ courtClerk: court, courtLead, govClerk: gov, govLead, procClerk: proc, organ } = h.staff);

    lit = await courtCase(h, { open: true });
    toGov = await post(
      `/cases/${lit}/invitations`,
      court,
      { to: 'GOV_OFFICE', grounds: 'g', noticeServedOn: '2024-03-04' },
      201,
    );
    toProc = await post(
      `/cases/${lit}/invitations`,
      court,
      { to: 'PROCURATORATE', grounds: 'g', noticeServedOn: '2024-03-04' },
      201,
    );
    await post(
      `/cases/${lit}/invitations/${toGov}/reply`,
      gov,
      { answer: 'ACCEPT', repliedOn: '2024-03-05' },
      200,
    );
    const request = { requestedOn: '2024-03-06', purpose: 'session' };
    futureSession = await post(
      `/cases/${lit}/participation-requests`,
      court,
      { ...request, sessionOn: '2099-01-01' },
      201,
    );
    attended = await post(
      `/cases/${lit}/participation-requests`,
      court,
      { ...request, sessionOn: '2024-03-07' },
      201,
    );
    await post(
      `/cases/${lit}/participation-requests/${attended}/attendance`,
      court,
      { attendance: 'ATTENDED', attendee: { name: '王五', role: 'DEPUTY' } },
      200,
    );
    sup = await post('/cases', proc, litigationCase({ channel: 'PROCURATORIAL_SUPERVISION' }), 201);
    // Art 13: a member from the respondent organ, and a suspended member.
    conflicted = await admit('ADMINISTRATIVE_ORGAN', 'County-Land-Bureau');
    suspended = await admit('LEGAL_WORKER', null);
    await post(
      `/mediators/${suspended}/suspension`,
      govLead,
      { suspendedOn: '2024-02-01', reason: 'complaint' },
      200,
    );
  });
  afterAll(() => h.close());
  const { expectValidation } = apiAssertions(() => h);

  const c = (suffix: string) => `/cases/${lit}${suffix}`;
  const otherCase = '0b0b0b0b-1111-4222-8333-444444444444';
  const relief = { partyId: 'p-1', department: '县民政局', coordinatedOn: '2024-03-08', basis: 'b' };

  const at = (path: string, who: Headers, body: object): Attempt => ({ path, who, body });
  const plan = { adoptedOn: '2024-03-05', summary: 's', measures: ['m'] };
  const risk = {
    level: 'LOW',
    peopleInvolved: 1,
    massIncidentRisk: false,
    factors: [],
    assessedOn: '2024-03-05',
  };

  // One row per refusal: [what, status, code, article, attempt]. Kept tabular on purpose.
  // prettier-ignore
  const refusals: [string, number, string, string | undefined, () => Attempt][] = [
    ['links: same channel', 422, 'CASE_LINK_SAME_CHANNEL', 'Art 1',
      () => at(c('/links'), court, { linkedCaseId: otherCase, linkedChannel: 'LITIGATION' })],
    ['links: itself', 422, 'CASE_LINK_SELF', undefined,
      () => at(c('/links'), court, { linkedCaseId: lit, linkedChannel: 'RECONSIDERATION' })],
    ['links: from a case the agency does not see', 404, 'CASE_NOT_FOUND', 'Art 17',
      () => at(`/cases/${sup}/links`, court, { linkedCaseId: lit, linkedChannel: 'LITIGATION' })],
    ['non-support decision: not a supervision case', 422, 'NON_SUPPORT_WRONG_CHANNEL', 'Art 6',
      () => at(c('/non-support-decision'), court, { decisionNumber: 'n', decidedOn: '2024-03-02', summary: 's' })],
    ['consents: unknown party', 422, 'CASE_UNKNOWN_PARTY', 'Art 2',
      () => at(c('/consents'), court, { partyId: 'p-9', consent: 'GIVEN', on: '2024-03-05' })],
    ['consents: a date to come', 422, 'CASE_DATE_IN_FUTURE', undefined,
      () => at(c('/consents'), court, { partyId: 'p-1', consent: 'GIVEN', on: '2999-01-01' })],
    ['invitations: an agency already taking part', 409, 'INVITATION_INVITEE_ALREADY_PARTICIPANT', 'Art 4, Art 7',
      () => at(c('/invitations'), court, { to: 'GOV_OFFICE', grounds: 'g', noticeServedOn: '2024-03-05' })],
    ['invitations: itself', 422, 'INVITATION_SELF', 'Art 4, Art 7',
      () => at(c('/invitations'), court, { to: 'COURT', grounds: 'g', noticeServedOn: '2024-03-05' })],
    ['invitations: by a participant that does not lead', 403, 'INVITATION_NOT_PERMITTED', 'Art 4, Art 5, Art 6, Art 7',
      () => at(c('/invitations'), gov, { to: 'PROCURATORATE', grounds: 'g', noticeServedOn: '2024-03-05' })],
    ['invitations: supervision before a non-support decision', 422, 'INVITATION_NEEDS_NON_SUPPORT_DECISION', 'Art 6',
      () => at(`/cases/${sup}/invitations`, proc, { to: 'COURT', grounds: 'g', noticeServedOn: '2024-03-05' })],
    ['reply: by an agency not invited', 403, 'INVITATION_REPLY_NOT_INVITEE', 'Art 4, Art 7',
      () => at(c(`/invitations/${toProc}/reply`), court, { answer: 'ACCEPT', repliedOn: '2024-03-05' })],
    ['reply: a second time', 409, 'INVITATION_ALREADY_ANSWERED', 'Art 4, Art 7',
      () => at(c(`/invitations/${toGov}/reply`), gov, { answer: 'DECLINE', repliedOn: '2024-03-05', reasons: 'r' })],
    ['reply: declining without reasons', 422, 'INVITATION_DECLINE_REASONS_MISSING', 'Art 4, Art 7',
      () => at(c(`/invitations/${toProc}/reply`), proc, { answer: 'DECLINE', repliedOn: '2024-03-05' })],
    ['reply: unknown invitation', 404, 'INVITATION_NOT_FOUND', undefined,
      () => at(c(`/invitations/${otherCase}/reply`), court, { answer: 'ACCEPT', repliedOn: '2024-03-05' })],
    ['withdrawal: by the invitee', 403, 'CASE_INVITEE_MAY_ONLY_REPLY', 'Art 4, Art 17',
      () => at(c(`/invitations/${toProc}/withdrawal`), proc, { withdrawnOn: '2024-03-05', reasons: 'r' })],
    ['withdrawal: an answered invitation', 409, 'INVITATION_ALREADY_ANSWERED', 'Art 4, Art 7',
      () => at(c(`/invitations/${toGov}/withdrawal`), court, { withdrawnOn: '2024-03-05', reasons: 'r' })],
    ['mediators: from the respondent organ', 422, 'ASSIGNMENT_CONFLICT_OF_INTEREST', 'Art 13',
      () => at(c('/mediators'), court, { mediatorId: conflicted, assignedOn: '2024-03-05' })],
    ['mediators: a suspended member', 422, 'ASSIGNMENT_MEDIATOR_NOT_ACTIVE', 'Art 13',
      () => at(c('/mediators'), court, { mediatorId: suspended, assignedOn: '2024-03-05' })],
    ['mediators: unknown to the pool', 404, 'MEDIATOR_NOT_FOUND', undefined,
      () => at(c('/mediators'), court, { mediatorId: otherCase, assignedOn: '2024-03-05' })],
    ['mediators: an organ asking (organ gate)', 403, 'ORGAN_MAY_ONLY_ANSWER_LETTERS', 'Art 8',
      () => at(c('/mediators'), organ, { mediatorId: conflicted, assignedOn: '2024-03-05' })],
    ['risk assessments: by an invitee that has not accepted', 403, 'CASE_INVITEE_MAY_ONLY_REPLY', 'Art 4, Art 17',
      () => at(c('/risk-assessments'), proc, risk)],
    ['risk assessments: before the case was accepted', 422, 'CASE_DATE_TOO_EARLY', undefined,
      () => at(c('/risk-assessments'), court, { ...risk, assessedOn: '2024-02-01' })],
    ['prevention plans: no risk assessed', 422, 'RISK_NOT_ASSESSED', 'Art 10',
      () => at(c('/prevention-plans'), court, plan)],
    ['escalations: a clerk', 403, 'ROLE_FORBIDDEN', undefined,
      () => at(c('/escalations'), court, { escalatedOn: '2024-03-05', summary: 's' })],
    ['escalations: no risk assessed', 422, 'RISK_NOT_ASSESSED', 'Art 10',
      () => at(c('/escalations'), courtLead, { escalatedOn: '2024-03-05', summary: 's' })],
    ['participation requests: session before the request', 422, 'CASE_DATE_TOO_EARLY', undefined,
      () => at(c('/participation-requests'), court, { requestedOn: '2024-03-05', sessionOn: '2024-03-04', purpose: 'p' })],
    ['participation requests: an organ asking (organ gate)', 403, 'ORGAN_MAY_ONLY_ANSWER_LETTERS', 'Art 8',
      () => at(c('/participation-requests'), organ, { requestedOn: '2024-03-05', sessionOn: '2024-03-06', purpose: 'p' })],
    ['attendance: unknown request', 404, 'PARTICIPATION_REQUEST_NOT_FOUND', 'Art 12',
      () => at(c(`/participation-requests/${otherCase}/attendance`), court, { attendance: 'ABSENT_UNJUSTIFIED' })],
    ['attendance: before the session', 422, 'ATTENDANCE_BEFORE_SESSION', 'Art 12',
      () => at(c(`/participation-requests/${futureSession}/attendance`), court, { attendance: 'ABSENT_UNJUSTIFIED' })],
    ['attendance: a second time', 409, 'ATTENDANCE_ALREADY_RECORDED', 'Art 12',
      () => at(c(`/participation-requests/${attended}/attendance`), court, { attendance: 'ABSENT_UNJUSTIFIED' })],
    ['absence reports: not the government office', 403, 'ABSENCE_REPORT_NOT_GOV_OFFICE', 'Art 12',
      () => at(c('/absence-reports'), courtLead, { requestId: attended, reportedOn: '2024-03-08' })],
    ['absence reports: the head attended', 422, 'ABSENCE_NOT_UNJUSTIFIED', 'Art 12',
      () => at(c('/absence-reports'), govLead, { requestId: attended, reportedOn: '2024-03-08' })],
    ['absence reports: a clerk', 403, 'ROLE_FORBIDDEN', undefined,
      () => at(c('/absence-reports'), gov, { requestId: attended, reportedOn: '2024-03-08' })],
    ['relief: no great hardship', 422, 'RELIEF_PRECONDITION_NOT_MET', 'Art 9',
      () => at(c('/relief'), court, { ...relief, noEffectiveRemedy: true, greatHardship: false })],
    ['relief: not the lead agency', 403, 'CASE_LEAD_AGENCY_ONLY', 'Art 1, Art 9',
      () => at(c('/relief'), gov, { ...relief, noEffectiveRemedy: true, greatHardship: true })],
    ['outcome: SETTLED without every consent', 422, 'OUTCOME_CONSENT_MISSING', 'Art 2',
      () => at(c('/outcome'), court, { outcome: 'SETTLED', decidedOn: '2024-03-08', summary: 's' })],
    ['outcome: not the lead agency', 403, 'CASE_LEAD_AGENCY_ONLY', 'Art 1, Art 9',
      () => at(c('/outcome'), gov, { outcome: 'NOT_RESOLVED', decidedOn: '2024-03-08', summary: 's' })],
    ['closure: no outcome yet', 422, 'CASE_OUTCOME_MISSING', undefined,
      () => at(c('/closure'), court, { closedOn: '2024-03-08' })],
    ['closure: not the lead agency', 403, 'CASE_LEAD_AGENCY_ONLY', 'Art 1, Art 9',
      () => at(c('/closure'), gov, { closedOn: '2024-03-08' })],
  ];

  it.each(refusals)('refuses %s: %i %s', async (_, status, code, article, attempt) => {
    const { path, who, body } = attempt();
    const caseId = path.split('/')[2]!;
    const before = await caseEvents(caseId);
    const res = await h.http.post(path).set(who).send(body);
    expect({ status: res.status, code: res.body.code }).toEqual({ status, code });
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.body).toMatchObject({
      status,
      type: expect.stringMatching(/^urn:accord:problem:/),
      detail: expect.any(String),
    });
    if (article === undefined) expect(res.body.article).toBeUndefined();
    else expect(res.body.article).toBe(article);
    expect(await caseEvents(caseId)).toBe(before);
  });

  it('answers refusals in Chinese for Accept-Language: zh', async () => {
    const res = await h.http.post(c('/prevention-plans')).set(court).set('accept-language', 'zh').send(plan);
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ code: 'RISK_NOT_ASSESSED', article: 'Art 10', title: '违反规则' });
    expect(res.body.detail).toMatch(/[\u4e00-\u9fff]/);
  });

  // [route, valid body, a required field]
  // prettier-ignore
  const valid: [string, () => string, Record<string, unknown>, string][] = [
    ['links', () => '/links', { linkedCaseId: otherCase, linkedChannel: 'RECONSIDERATION', note: 'n' }, 'linkedChannel'],
    ['non-support-decision', () => '/non-support-decision', { decisionNumber: 'n', decidedOn: '2024-03-02', summary: 's' }, 'decisionNumber'],
    ['consents', () => '/consents', { partyId: 'p-1', consent: 'GIVEN', on: '2024-03-05', note: 'n' }, 'consent'],
    ['invitations', () => '/invitations', { to: 'PROCURATORATE', grounds: 'g', noticeServedOn: '2024-03-05' }, 'to'],
    ['reply', () => `/invitations/${toProc}/reply`, { answer: 'ACCEPT', repliedOn: '2024-03-05', reasons: null }, 'answer'],
    ['withdrawal', () => `/invitations/${toProc}/withdrawal`, { withdrawnOn: '2024-03-05', reasons: 'r' }, 'reasons'],
    ['mediators', () => '/mediators', { mediatorId: otherCase, assignedOn: '2024-03-05' }, 'mediatorId'],
    ['risk-assessments', () => '/risk-assessments', risk, 'massIncidentRisk'],
    ['prevention-plans', () => '/prevention-plans', plan, 'measures'],
    ['escalations', () => '/escalations', { escalatedOn: '2024-03-05', summary: 's' }, 'escalatedOn'],
    ['participation-requests', () => '/participation-requests', { requestedOn: '2024-03-05', sessionOn: '2024-03-06', purpose: 'p' }, 'sessionOn'],
    ['attendance', () => `/participation-requests/${futureSession}/attendance`, { attendance: 'ATTENDED', attendee: { name: 'n', role: 'PRINCIPAL' }, justification: null }, 'attendance'],
    ['absence-reports', () => '/absence-reports', { requestId: otherCase, reportedOn: '2024-03-08', note: 'n' }, 'requestId'],
    ['relief', () => '/relief', { ...relief, noEffectiveRemedy: true, greatHardship: true }, 'greatHardship'],
    ['outcome', () => '/outcome', { outcome: 'NOT_RESOLVED', decidedOn: '2024-03-08', summary: 's' }, 'outcome'],
    ['closure', () => '/closure', { closedOn: '2024-03-08' }, 'closedOn'],
  ];

  it.each(valid)(
    '%s: a missing field or an unknown field is 400, nothing written',
    async (_, route, body, required) => {
      const path = c(route());
      const who = path.endsWith('/escalations') || path.endsWith('/absence-reports') ? govLead : court;
      // The acting agency comes from the token only: a body naming one is an unknown field.
      await expectValidation(path, who, body, required, { agency: 'COURT' });
    },
  );

  it('validates types, enums, dates, ids, lengths and nested objects', async () => {
    const fields = async (path: string, who: Headers, body: object) => {
      const res = await h.http.post(path).set(who).send(body).expect(400);
      return (res.body.errors as { field: string }[]).map((e) => e.field).sort();
    };
    const before = await caseEvents(lit);
    expect(
      await fields(c('/links'), court, { linkedCaseId: 'case-1', linkedChannel: 'APPEAL', note: '' }),
    ).toEqual(['linkedCaseId', 'linkedChannel', 'note']);
    expect(
      await fields(c(`/invitations/${toProc}/reply`), proc, {
        answer: 'MAYBE',
        repliedOn: '5 March 2024',
        reasons: 7,
      }),
    ).toEqual(['answer', 'reasons', 'repliedOn']);
    expect(
      await fields(c('/risk-assessments'), court, {
        level: 'SEVERE',
        peopleInvolved: 0,
        massIncidentRisk: 'yes',
        factors: 'many',
        assessedOn: '2024-03-05',
      }),
    ).toEqual(['factors', 'level', 'massIncidentRisk', 'peopleInvolved']);
    expect(
      await fields(c('/prevention-plans'), court, {
        adoptedOn: '2024-03-05',
        summary: 'x'.repeat(4001),
        measures: [],
      }),
    ).toEqual(['measures', 'summary']);
    expect(
      await fields(c(`/participation-requests/${attended}/attendance`), court, {
        attendance: 'ATTENDED',
        attendee: { name: '', role: 'BOSS', title: 'x' },
      }),
    ).toEqual(['attendee.name', 'attendee.role', 'attendee.title']);
    expect(
      await fields(c('/relief'), court, { ...relief, noEffectiveRemedy: 'true', greatHardship: 1 }),
    ).toEqual(['greatHardship', 'noEffectiveRemedy']);
    expect(
      await fields(c('/outcome'), court, { outcome: 'WON', decidedOn: '2024-13', summary: 's' }),
    ).toEqual(['decidedOn', 'outcome']);
    const badId = await h.http
      .post(c('/invitations/not-a-uuid/reply'))
      .set(proc)
      .send({ answer: 'ACCEPT', repliedOn: '2024-03-05' })
      .expect(400);
    expect(badId.body.code).toBe('INVALID_ID');
    expect(await caseEvents(lit)).toBe(before);
  });

  it('refuses something on each of the 16 routes, and documents each in OpenAPI', async () => {
    expect(new Set(refusals.map(([what]) => what.split(':')[0])).size).toBe(16);
    const doc = (await h.http.get('/docs-json').expect(200)).body;
    for (const [, route] of valid) {
      const template = `/cases/{id}${route().replace(toProc, '{invitationId}').replace(futureSession, '{requestId}')}`;
      const op = doc.paths[template]?.post;
      expect({ template, documented: op !== undefined }).toEqual({ template, documented: true });
      expect(op.requestBody.content['application/json'].schema.$ref).toMatch(/RequestDto$/);
      expect(op['x-accord-roles']).toEqual(expect.arrayContaining(['lead']));
      expect(Object.keys(op.responses)).toEqual(
        expect.arrayContaining(['400', '401', '403', '404', '409', '422']),
      );
    }
    expect(doc.paths['/cases/{id}/escalations'].post['x-accord-roles']).toEqual(['lead']);
    expect(doc.paths['/cases/{id}/absence-reports'].post['x-accord-roles']).toEqual(['lead']);
  });

  it('documents, per write, the refusal codes its act can send (derived from its decider), not its route family’s', async () => {
    const doc = (await h.http.get('/docs-json').expect(200)).body;
    const codes = (path: string, status: number): string[] | undefined =>
      doc.paths[path].post.responses[status]?.content['application/problem+json'].schema.allOf?.[1].properties
        .code.enum;
    // Registration creates the case: it can never answer 404, so none is documented.
    expect(doc.paths['/cases'].post['x-accord-act']).toEqual({ aggregate: 'case', act: 'RegisterCase' });
    expect(doc.paths['/cases'].post.responses['404']).toBeUndefined();
    expect(codes('/cases', 403)).toEqual(
      expect.arrayContaining(['CASE_REGISTRAR_NOT_LEAD', 'ORGAN_MAY_ONLY_ANSWER_LETTERS', 'ROLE_FORBIDDEN']),
    );
    // An activity is never refused for a resolution already open: that is OpenResolution's code.
    expect(codes('/cases/{id}/activities', 422)).toContain('CASE_DATE_IN_FUTURE');
    expect(codes('/cases/{id}/activities', 409)).not.toContain('RESOLUTION_ALREADY_OPEN');
    expect(codes('/cases/{id}/resolution', 409)).toContain('RESOLUTION_ALREADY_OPEN');
    // The handler's own refusal (the member is read from the pool first) is listed beside the decider's.
    expect(codes('/cases/{id}/mediators', 404)).toEqual(
      expect.arrayContaining(['CASE_NOT_FOUND', 'MEDIATOR_NOT_FOUND']),
    );
    // The organ's own route: the organ gate never refuses it.
    expect(codes('/letters/{id}/response', 403)).not.toContain('ORGAN_MAY_ONLY_ANSWER_LETTERS');
    expect(codes('/letters', 403)).toContain('ORGAN_MAY_ONLY_ANSWER_LETTERS');
  });

  it('a retried invitation (same Idempotency-Key) names the same invitation and writes it once', async () => {
    const id = await courtCase(h);
    const send = () =>
      h.http
        .post(`/cases/${id}/invitations`)
        .set(court)
        .set('idempotency-key', `invite-${id}`)
        .send({ to: 'GOV_OFFICE', grounds: 'g', noticeServedOn: '2024-03-04' });
    const first = await send();
    const second = await send();
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.body).toEqual(first.body);
    const events = await h.built.store.readStream(`case-${id}`);
    expect(events.map((e) => e.type)).toEqual(['CaseRegistered', 'InvitationIssued']);
    expect(events[1]!.data).toMatchObject({ invitationId: first.body.id });
  });

  it('an invitation is withdrawn by its inviter and then cannot be answered: the case is unknown to the invitee again', async () => {
    const id = await courtCase(h);
    const invitation = await post(
      `/cases/${id}/invitations`,
      court,
      { to: 'PROCURATORATE', grounds: 'g', noticeServedOn: '2024-03-04' },
      201,
    );
    await post(
      `/cases/${id}/invitations/${invitation}/withdrawal`,
      court,
      { withdrawnOn: '2024-03-05', reasons: 'settled early' },
      200,
    );
    // Art 17: withdrawn, the procuratorate is outside the case again, so the case is unknown to it
    // (issue 8 §5: not even that the invitation was withdrawn).
    const reply = await h.http
      .post(`/cases/${id}/invitations/${invitation}/reply`)
      .set(proc)
      .send({ answer: 'ACCEPT', repliedOn: '2024-03-05' });
    expect(reply.status).toBe(404);
    expect(reply.body.code).toBe('CASE_NOT_FOUND');
  });
});
