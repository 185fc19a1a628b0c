import type { RecordedEvent } from '@accord/events';
import { verifyChain } from '@accord/events/integrity';
import { startApi, type ApiHarness } from './support/api-harness';
import { litigationCase } from './support/api-fixtures';

type Headers = Record<string, string>;

/**
 * Each channel walked end to end over HTTP, every act made with a token of the agency the Measures
 * give it to, then read back: the folded case and its hash-chained history.
 */
describe('case walks: one full walk per channel over HTTP', () => {
  let h: ApiHarness;
  let gov: Headers;
  let govLead: Headers;
  let court: Headers;
  let courtLead: Headers;
  let proc: Headers;

  beforeAll(async () => {
    h = await startApi();
    gov = h.auth('GOV_OFFICE', 'gov-clerk', 'clerk');
    govLead = h.auth('GOV_OFFICE', 'gov-chief', 'lead');
    court = h.auth('COURT', 'court-clerk', 'clerk');
    courtLead = h.auth('COURT', 'court-chief', 'lead');
    proc = h.auth('PROCURATORATE', 'proc-clerk', 'clerk');
  });
  afterAll(() => h.close());

  const post = async (path: string, who: Headers, body: object, status: number) => {
    const res = await h.http.post(path).set(who).send(body);
    if (res.status !== status) throw new Error(`POST ${path}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as { id: string; streamId: string; revision: number; position: number };
  };

  const register = async (who: Headers, channel: string, parties = 1) => {
    const body = litigationCase({
      channel,
      parties: Array.from({ length: parties }, (_, i) => ({
        partyId: `p-${i + 1}`,
        kind: 'NATURAL_PERSON',
        name: `当事人${i + 1}`,
        idScheme: 'RESIDENT_ID',
        idNumber: `37042319900101123${i}`,
      })),
    });
    return (await post('/cases', who, body, 201)).id;
  };

  const eligibleAndOpen = async (id: string, who: Headers, assessedOn: string, openedOn: string) => {
    await post(
      `/cases/${id}/eligibility`,
      who,
      { outcome: 'ELIGIBLE', grounds: [{ category: 1, reasons: 'compensation dispute' }], assessedOn },
      201,
    );
    await post(`/cases/${id}/resolution`, who, { openedOn }, 200);
  };

  const history = async (id: string, who: Headers) => {
    const res = await h.http.get(`/cases/${id}/history`).set(who).expect(200);
    const events = res.body.events as RecordedEvent[];
    expect(verifyChain(`case-${id}`, events)).toBeNull();
    for (const e of events) {
      expect(e.hash).toMatch(/^[0-9a-f]{64}$/);
      expect(e.actor).toEqual({
        agency: expect.any(String),
        staffId: expect.any(String),
        role: expect.any(String),
      });
    }
    return events;
  };

  it('(1) reconsideration: GOV_OFFICE invites the procuratorate (Art 4), consents, SETTLED, closed', async () => {
    const id = await register(gov, 'RECONSIDERATION', 2);
    await eligibleAndOpen(id, gov, '2024-03-02', '2024-03-03');

    const invitation = await post(
      `/cases/${id}/invitations`,
      gov,
      { to: 'PROCURATORATE', grounds: 'may become a lawsuit', noticeServedOn: '2024-03-04' },
      201,
    );
    expect(invitation).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      streamId: `case-${id}`,
      revision: 3,
      position: expect.any(Number),
    });

    // Art 17: invited, not yet taking part: the procuratorate sees only what it needs to reply.
    const reduced = await h.http.get(`/cases/${id}`).set(proc).expect(200);
    expect(reduced.body).toMatchObject({ access: 'invitee', view: 'reduced' });
    await post(
      `/cases/${id}/invitations/${invitation.id}/reply`,
      proc,
      { answer: 'ACCEPT', repliedOn: '2024-03-05' },
      200,
    );

    await post(
      `/cases/${id}/activities`,
      proc,
      {
        kind: 'HEARING',
        heldOn: '2024-03-06',
        agencies: ['GOV_OFFICE', 'PROCURATORATE'],
        partyIds: ['p-1', 'p-2'],
        others: [],
      },
      201,
    );
    for (const partyId of ['p-1', 'p-2']) {
      const consent = await post(
        `/cases/${id}/consents`,
        gov,
        { partyId, consent: 'GIVEN', on: '2024-03-07' },
        201,
      );
      expect(consent.id).toBe(partyId);
    }
    await post(
      `/cases/${id}/outcome`,
      gov,
      { outcome: 'SETTLED', decidedOn: '2024-03-08', summary: 'agreed' },
      200,
    );
    const closed = await post(`/cases/${id}/closure`, gov, { closedOn: '2024-03-09' }, 200);

    const res = await h.http.get(`/cases/${id}`).set(proc).expect(200);
    expect(res.headers.etag).toBe(`"${closed.revision}"`);
    expect(res.body.case).toMatchObject({
      status: 'closed',
      stage: 'CLOSED',
      channel: 'RECONSIDERATION',
      leadAgency: 'GOV_OFFICE',
      participants: ['GOV_OFFICE', 'PROCURATORATE'],
      invitations: [{ invitationId: invitation.id, status: 'accepted', article: 'Art 4', late: false }],
      outcome: {
        outcome: 'SETTLED',
        consents: [
          { partyId: 'p-1', givenOn: '2024-03-07' },
          { partyId: 'p-2', givenOn: '2024-03-07' },
        ],
      },
      closedOn: '2024-03-09',
    });

    const events = await history(id, gov);
    expect(events.map((e) => [e.type, e.actor.agency])).toEqual([
      ['CaseRegistered', 'GOV_OFFICE'],
      ['EligibilityAssessed', 'GOV_OFFICE'],
      ['ResolutionOpened', 'GOV_OFFICE'],
      ['InvitationIssued', 'GOV_OFFICE'],
      ['InvitationAccepted', 'PROCURATORATE'],
      ['ActivityRecorded', 'PROCURATORATE'],
      ['ConsentRecorded', 'GOV_OFFICE'],
      ['ConsentRecorded', 'GOV_OFFICE'],
      ['OutcomeRecorded', 'GOV_OFFICE'],
      ['CaseClosed', 'GOV_OFFICE'],
    ]);
    // A closed case can only be read.
    const late = await h.http
      .post(`/cases/${id}/consents`)
      .set(gov)
      .send({ partyId: 'p-1', consent: 'WITHDRAWN', on: '2024-03-10' });
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('CASE_CLOSED');
  });

  it('(2) litigation: COURT invites both (Art 5), major risk escalated (Art 10), an absent head reported (Art 12), a mediator (Art 13)', async () => {
    const id = await register(court, 'LITIGATION');
    await eligibleAndOpen(id, court, '2024-03-02', '2024-03-03');

    const toGov = await post(
      `/cases/${id}/invitations`,
      court,
      { to: 'GOV_OFFICE', grounds: 'appeal risk', noticeServedOn: '2024-03-04' },
      201,
    );
    const toProc = await post(
      `/cases/${id}/invitations`,
      court,
      { to: 'PROCURATORATE', grounds: 'petition risk', noticeServedOn: '2024-03-04' },
      201,
    );
    await post(
      `/cases/${id}/invitations/${toGov.id}/reply`,
      gov,
      { answer: 'ACCEPT', repliedOn: '2024-03-05' },
      200,
    );
    // Art 4: a reply after 3 days is still the answer, recorded as late.
    await post(
      `/cases/${id}/invitations/${toProc.id}/reply`,
      proc,
      { answer: 'ACCEPT', repliedOn: '2024-03-20' },
      200,
    );

    const risk = await post(
      `/cases/${id}/risk-assessments`,
      court,
      {
        level: 'MAJOR',
        peopleInvolved: 40,
        massIncidentRisk: true,
        factors: ['collective petition'],
        assessedOn: '2024-03-21',
      },
      201,
    );
    const plan = await post(
      `/cases/${id}/prevention-plans`,
      gov,
      {
        adoptedOn: '2024-03-21',
        summary: 'on-site team',
        measures: ['liaison with the township', 'daily briefing'],
      },
      201,
    );
    const escalation = await post(
      `/cases/${id}/escalations`,
      courtLead,
      { escalatedOn: '2024-03-22', summary: '40 villagers' },
      201,
    );

    const request = await post(
      `/cases/${id}/participation-requests`,
      court,
      { requestedOn: '2024-03-22', sessionOn: '2024-03-25', purpose: 'coordination session' },
      201,
    );
    await post(
      `/cases/${id}/participation-requests/${request.id}/attendance`,
      court,
      { attendance: 'ABSENT_UNJUSTIFIED' },
      200,
    );
    const report = await post(
      `/cases/${id}/absence-reports`,
      govLead,
      { requestId: request.id, reportedOn: '2024-03-26', note: 'head absent' },
      201,
    );
    expect(report.id).toBe(request.id);

    const admitted = await post(
      '/mediators',
      courtLead,
      {
        name: '李四',
        source: 'LEGAL_WORKER',
        organisationCode: null,
        expertise: ['land'],
        admittedOn: '2024-01-10',
      },
      201,
    );
    const assigned = await post(
      `/cases/${id}/mediators`,
      court,
      { mediatorId: admitted.id, assignedOn: '2024-03-27' },
      201,
    );
    expect(assigned.id).toBe(admitted.id);

    const res = await h.http.get(`/cases/${id}`).set(gov).expect(200);
    expect(res.body.case).toMatchObject({
      stage: 'RESOLUTION_OPEN',
      participants: ['COURT', 'GOV_OFFICE', 'PROCURATORATE'],
      invitations: [
        { invitationId: toGov.id, article: 'Art 5', status: 'accepted', late: false },
        { invitationId: toProc.id, article: 'Art 5', status: 'accepted', late: true },
      ],
      risk: {
        majorRisk: true,
        escalationDue: null,
        assessments: [{ assessmentId: risk.id, level: 'MAJOR', majorRisk: true }],
        plans: [{ planId: plan.id, assessmentId: risk.id }],
        escalations: [{ escalationId: escalation.id, assessmentId: risk.id, majorRisk: true, late: false }],
      },
      participationRequests: [
        {
          requestId: request.id,
          requestedBy: 'COURT',
          organ: { code: 'county-land-bureau' },
          attendance: { kind: 'ABSENT_UNJUSTIFIED', attendee: null, justification: null },
          absenceReport: { reportedOn: '2024-03-26' },
        },
      ],
      mediators: [
        { mediatorId: admitted.id, name: '李四', source: 'LEGAL_WORKER', assignedOn: '2024-03-27' },
      ],
    });

    const events = await history(id, court);
    expect(events.map((e) => [e.type, e.actor.agency, e.actor.role])).toEqual([
      ['CaseRegistered', 'COURT', 'clerk'],
      ['EligibilityAssessed', 'COURT', 'clerk'],
      ['ResolutionOpened', 'COURT', 'clerk'],
      ['InvitationIssued', 'COURT', 'clerk'],
      ['InvitationIssued', 'COURT', 'clerk'],
      ['InvitationAccepted', 'GOV_OFFICE', 'clerk'],
      ['InvitationAccepted', 'PROCURATORATE', 'clerk'],
      ['RiskAssessed', 'COURT', 'clerk'],
      ['PreventionPlanAdopted', 'GOV_OFFICE', 'clerk'],
      ['RiskEscalated', 'COURT', 'lead'],
      ['ParticipationRequested', 'COURT', 'clerk'],
      ['AttendanceRecorded', 'COURT', 'clerk'],
      ['AbsenceReported', 'GOV_OFFICE', 'lead'],
      ['MediatorAssigned', 'COURT', 'clerk'],
    ]);
    expect(events.find((e) => e.type === 'RiskAssessed')!.data).toMatchObject({
      majorRiskReasons: ['LEVEL_MAJOR', 'MASS_INCIDENT_RISK', 'PEOPLE_THRESHOLD'],
      escalationDeadline: { dueBy: expect.stringMatching(/^2024-03-\d\d$/) },
    });
  });

  it('(3) supervision: after a non-support decision the procuratorate invites GOV_OFFICE and COURT (Art 6), relief (Art 9), outcome', async () => {
    const earlier = await register(gov, 'RECONSIDERATION');
    const id = await register(proc, 'PROCURATORIAL_SUPERVISION');
    await post(
      `/cases/${id}/non-support-decision`,
      proc,
      { decisionNumber: '鲁0423检行监〔2024〕3号', decidedOn: '2024-03-02', summary: 'judgment lawful' },
      200,
    );
    await post(
      `/cases/${id}/links`,
      proc,
      { linkedCaseId: earlier, linkedChannel: 'RECONSIDERATION', note: 'same land dispute' },
      201,
    );
    await eligibleAndOpen(id, proc, '2024-03-03', '2024-03-04');

    const toGov = await post(
      `/cases/${id}/invitations`,
      proc,
      { to: 'GOV_OFFICE', grounds: 'claim partly reasonable', noticeServedOn: '2024-03-05' },
      201,
    );
    const toCourt = await post(
      `/cases/${id}/invitations`,
      proc,
      { to: 'COURT', grounds: 'claim partly reasonable', noticeServedOn: '2024-03-05' },
      201,
    );
    await post(
      `/cases/${id}/invitations/${toGov.id}/reply`,
      gov,
      { answer: 'ACCEPT', repliedOn: '2024-03-06' },
      200,
    );
    await post(
      `/cases/${id}/invitations/${toCourt.id}/reply`,
      court,
      { answer: 'DECLINE', repliedOn: '2024-03-06', reasons: 'judgment already final' },
      200,
    );

    // Art 17: declining leaves the court outside the case.
    await h.http.get(`/cases/${id}`).set(court).expect(404);

    const relief = await post(
      `/cases/${id}/relief`,
      proc,
      {
        partyId: 'p-1',
        department: '县民政局',
        coordinatedOn: '2024-03-08',
        noEffectiveRemedy: true,
        greatHardship: true,
        basis: 'long illness',
      },
      201,
    );
    await post(
      `/cases/${id}/outcome`,
      proc,
      { outcome: 'NOT_RESOLVED', decidedOn: '2024-03-09', summary: 'no agreement' },
      200,
    );

    const res = await h.http.get(`/cases/${id}`).set(gov).expect(200);
    expect(res.body.case).toMatchObject({
      status: 'open',
      stage: 'OUTCOME_RECORDED',
      leadAgency: 'PROCURATORATE',
      participants: ['PROCURATORATE', 'GOV_OFFICE'],
      links: [{ caseId: earlier, channel: 'RECONSIDERATION', note: 'same land dispute' }],
      nonSupportDecision: { decidedOn: '2024-03-02' },
      invitations: [
        { invitationId: toGov.id, article: 'Art 6', status: 'accepted' },
        {
          invitationId: toCourt.id,
          article: 'Art 6',
          status: 'declined',
          declineReasons: 'judgment already final',
        },
      ],
      reliefs: [{ reliefId: relief.id, partyId: 'p-1', department: '县民政局' }],
      outcome: { outcome: 'NOT_RESOLVED', consents: [] },
    });
    const events = await history(id, proc);
    expect(events.map((e) => e.type)).toEqual([
      'CaseRegistered',
      'NonSupportDecisionRecorded',
      'CaseLinked',
      'EligibilityAssessed',
      'ResolutionOpened',
      'InvitationIssued',
      'InvitationIssued',
      'InvitationAccepted',
      'InvitationDeclined',
      'ReliefCoordinated',
      'OutcomeRecorded',
    ]);
    // One-sided link (domain): the earlier case does not show it.
    const other = await h.http.get(`/cases/${earlier}`).set(gov).expect(200);
    expect(other.body.case.links).toEqual([]);
  });

  it('50 concurrent replies to one invitation: exactly one 200, 49 clean 409s, one reply event', async () => {
    const id = await register(court, 'LITIGATION');
    const invitation = await post(
      `/cases/${id}/invitations`,
      court,
      { to: 'GOV_OFFICE', grounds: 'appeal risk', noticeServedOn: '2024-03-04' },
      201,
    );
    const replies = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        h.http
          .post(`/cases/${id}/invitations/${invitation.id}/reply`)
          .set(gov)
          .send(
            i % 2 === 0
              ? { answer: 'ACCEPT', repliedOn: '2024-03-05' }
              : { answer: 'DECLINE', repliedOn: '2024-03-05', reasons: 'no capacity' },
          ),
      ),
    );
    const statuses = replies.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    const refused = replies.filter((r) => r.status !== 200);
    expect(refused).toHaveLength(49);
    for (const r of refused) {
      expect(r.status).toBe(409);
      expect(r.headers['content-type']).toContain('application/problem+json');
      expect(r.body).toMatchObject({
        code: 'INVITATION_ALREADY_ANSWERED',
        article: 'Art 4, Art 7',
        status: 409,
      });
    }

    const stream = await h.built.store.readStream(`case-${id}`);
    const answers = stream.filter((e) => e.type === 'InvitationAccepted' || e.type === 'InvitationDeclined');
    expect(answers).toHaveLength(1);
    expect(stream).toHaveLength(3);
    expect(verifyChain(`case-${id}`, stream)).toBeNull();
    const winner = replies.find((r) => r.status === 200)!;
    expect(winner.body).toMatchObject({ id: invitation.id, revision: 2, position: answers[0]!.position });
  });
});
