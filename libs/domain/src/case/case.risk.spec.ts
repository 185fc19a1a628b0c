import type { CaseEvent } from '@accord/events';
import type { RegisteredCase } from './case.state';
import {
  CASE_ID,
  RESPONDENT,
  adoptPreventionPlan,
  assessRisk,
  assignMediator,
  escalateRisk,
  given,
  recordAttendance,
  recorded,
  registerCase,
  reportAbsence,
  requestParticipation,
  stateOf,
  withGovOffice,
} from './testing';

const asLead = { role: 'lead' } as const;

describe('AssessRisk (Art 10)', () => {
  it('a medium risk with few people is not major: nothing is due', () => {
    given(recorded(registerCase()))
      .when(assessRisk())
      .then([
        {
          type: 'RiskAssessed',
          data: {
            caseId: CASE_ID,
            assessmentId: 'risk-1',
            level: 'MEDIUM',
            peopleInvolved: 2,
            massIncidentRisk: false,
            factors: ['补偿标准分歧较大'],
            assessedOn: '2024-09-05',
            majorRisk: false,
            majorRiskReasons: [],
            escalationDeadline: null,
          },
        },
      ]);
  });

  it.each([
    [{ level: 'MAJOR' as const }, ['LEVEL_MAJOR']],
    [{ massIncidentRisk: true }, ['MASS_INCIDENT_RISK']],
    [{ peopleInvolved: 5 }, ['PEOPLE_THRESHOLD']],
    [
      { level: 'MAJOR' as const, massIncidentRisk: true, peopleInvolved: 30 },
      ['LEVEL_MAJOR', 'MASS_INCIDENT_RISK', 'PEOPLE_THRESHOLD'],
    ],
  ])('major risk when %j', (facts, reasons) => {
    given(recorded(registerCase()))
      .when(assessRisk(facts))
      .thenEvents(([event], after) => {
        expect(event).toMatchObject({ data: { majorRisk: true, majorRiskReasons: reasons } });
        expect((after as RegisteredCase).risk).toMatchObject({
          majorRisk: true,
          escalationDue: { assessmentId: 'risk-1' },
        });
      });
  });

  it('four people are below the threshold of five', () => {
    given(recorded(registerCase()))
      .when(assessRisk({ peopleInvolved: 4, level: 'HIGH' }))
      .thenEvents(([event]) => expect(event).toMatchObject({ data: { majorRisk: false } }));
  });

  it('a major-risk assessment on Tue 30 September 2025 must be escalated by Thu 9 October (1 working day, over National Day)', () => {
    given(recorded(registerCase()))
      .when(assessRisk({ level: 'MAJOR', assessedOn: '2025-09-30' }))
      .thenEvents(([event]) => {
        const { escalationDeadline } = (event as Extract<CaseEvent, { type: 'RiskAssessed' }>).data;
        expect(escalationDeadline).toMatchObject({
          dueBy: '2025-10-09',
          explanation: { rule: 'risk.escalation', article: 'Art 10', counting: 'working', days: 1 },
        });
        expect(escalationDeadline!.explanation.skipped).toHaveLength(8);
      });
  });

  it('is dated after acceptance, not before the previous assessment, and not in the future', () => {
    given(recorded(registerCase()))
      .when(assessRisk({ assessedOn: '2024-08-01' }))
      .thenThrows('CASE_DATE_TOO_EARLY');
    given(recorded(registerCase(), assessRisk({ assessedOn: '2024-09-10' })))
      .when(assessRisk({ assessmentId: 'risk-2', assessedOn: '2024-09-09' }))
      .thenThrows('CASE_DATE_TOO_EARLY', { notBefore: '2024-09-10' });
    given(recorded(registerCase()))
      .when(assessRisk({ assessedOn: '2024-09-05' }, { now: '2024-09-04T12:00:00Z' }))
      .thenThrows('CASE_DATE_IN_FUTURE');
    given(recorded(registerCase()))
      .when(assessRisk({ level: 'SEVERE' as never }))
      .thenThrows('CASE_INVALID_INPUT');
  });

  it('a participating invitee may assess risk; an outsider may not', () => {
    given(withGovOffice())
      .when(assessRisk({}, { agency: 'GOV_OFFICE' }))
      .thenEvents(([event]) => expect(event!.type).toBe('RiskAssessed'));
    given(recorded(registerCase()))
      .when(assessRisk({}, { agency: 'GOV_OFFICE' }))
      .thenThrows('CASE_NOT_FOUND');
  });
});

describe('AdoptPreventionPlan (Art 10)', () => {
  it('a plan answers the current risk assessment', () => {
    given(recorded(registerCase(), assessRisk()))
      .when(adoptPreventionPlan())
      .thenEvents(([event], after) => {
        expect(event).toEqual({
          type: 'PreventionPlanAdopted',
          data: {
            caseId: CASE_ID,
            planId: 'plan-1',
            assessmentId: 'risk-1',
            adoptedOn: '2024-09-06',
            summary: '防范和处置预案',
            measures: ['专人联系当事人', '庭前沟通'],
          },
        });
        expect((after as RegisteredCase).risk.plans).toHaveLength(1);
      });
  });

  it('needs an assessment, at least one measure, and a date after the assessment', () => {
    given(recorded(registerCase())).when(adoptPreventionPlan()).thenThrows('RISK_NOT_ASSESSED');
    given(recorded(registerCase(), assessRisk()))
      .when(adoptPreventionPlan({ measures: [] }))
      .thenThrows('CASE_INVALID_INPUT', { field: 'measures' });
    given(recorded(registerCase(), assessRisk()))
      .when(adoptPreventionPlan({ adoptedOn: '2024-09-04' }))
      .thenThrows('CASE_DATE_TOO_EARLY');
  });
});

describe('EscalateRisk (Art 10)', () => {
  const majorOn30Sept = () =>
    recorded(registerCase(), assessRisk({ level: 'MAJOR', assessedOn: '2025-09-30' }));

  it('a major-risk case escalated on the due date is in time, and the obligation is discharged', () => {
    given(majorOn30Sept())
      .when(escalateRisk({ escalatedOn: '2025-10-09' }, asLead))
      .thenEvents(([event], after) => {
        expect(event).toMatchObject({
          type: 'RiskEscalated',
          data: {
            assessmentId: 'risk-1',
            reportedTo: 'COUNTY_PARTY_COMMITTEE_AND_GOVERNMENT',
            majorRisk: true,
            dueBy: '2025-10-09',
            dueExplanation: { rule: 'risk.escalation' },
            late: false,
          },
        });
        expect((after as RegisteredCase).risk).toMatchObject({
          escalationDue: null,
          escalations: [{ late: false }],
        });
      });
  });

  it('an escalation after the due date is recorded as late', () => {
    given(majorOn30Sept())
      .when(escalateRisk({ escalatedOn: '2025-10-10' }, asLead))
      .thenEvents(([event]) => expect(event).toMatchObject({ data: { dueBy: '2025-10-09', late: true } }));
  });

  it('a milder reassessment does not cancel a report already owed', () => {
    const history = recorded(
      registerCase(),
      assessRisk({ level: 'MAJOR', assessedOn: '2025-09-30' }),
      assessRisk({ assessmentId: 'risk-2', level: 'LOW', peopleInvolved: 1, assessedOn: '2025-10-09' }),
    );
    expect((stateOf(history) as RegisteredCase).risk).toMatchObject({
      majorRisk: false,
      escalationDue: { assessmentId: 'risk-1', dueBy: '2025-10-09' },
    });
    given(history)
      .when(escalateRisk({ escalatedOn: '2025-10-13' }, asLead))
      .thenEvents(([event]) => expect(event).toMatchObject({ data: { assessmentId: 'risk-1', late: true } }));
  });

  it('escalating a case that is not major risk is allowed and recorded as such, with nothing due', () => {
    given(recorded(registerCase(), assessRisk()))
      .when(escalateRisk({}, asLead))
      .thenEvents(([event]) =>
        expect(event).toMatchObject({
          data: { majorRisk: false, dueBy: null, dueExplanation: null, late: false },
        }),
      );
  });

  it('needs role lead, an assessment, and a date not before the assessment', () => {
    const error = given(majorOn30Sept())
      .when(escalateRisk({ escalatedOn: '2025-10-09' }))
      .thenThrows('CASE_LEAD_ROLE_REQUIRED', { role: 'clerk' });
    expect(error.kind).toBe('forbidden');
    given(recorded(registerCase())).when(escalateRisk({}, asLead)).thenThrows('RISK_NOT_ASSESSED');
    given(majorOn30Sept())
      .when(escalateRisk({ escalatedOn: '2025-09-29' }, asLead))
      .thenThrows('CASE_DATE_TOO_EARLY');
  });
});

describe('AssignMediator (Art 13)', () => {
  it('assigns an active pool member, recording the snapshot without its status', () => {
    given(recorded(registerCase()))
      .when(assignMediator())
      .then([
        {
          type: 'MediatorAssigned',
          data: {
            caseId: CASE_ID,
            mediator: {
              mediatorId: 'med-1',
              name: '李律师',
              source: 'LEGAL_WORKER',
              organisationCode: 'LAW-FIRM-07',
            },
            assignedOn: '2024-09-12',
          },
        },
      ]);
  });

  it.each(['suspended', 'removed'])('refuses a %s member', (status) => {
    given(recorded(registerCase()))
      .when(
        assignMediator({
          mediator: {
            mediatorId: 'med-2',
            name: '赵某',
            status,
            source: 'NPC_DEPUTY' as never,
            organisationCode: null,
          },
        }),
      )
      .thenThrows('ASSIGNMENT_MEDIATOR_NOT_ACTIVE', { status });
  });

  it("refuses a member from the case's respondent organ", () => {
    given(recorded(registerCase()))
      .when(
        assignMediator({
          mediator: {
            mediatorId: 'med-3',
            name: '钱科长',
            status: 'active',
            source: 'ADMINISTRATIVE_ORGAN',
            organisationCode: RESPONDENT.code,
          },
        }),
      )
      .thenThrows('ASSIGNMENT_CONFLICT_OF_INTEREST', { organisationCode: RESPONDENT.code });
    given(recorded(registerCase()))
      .when(
        assignMediator({
          mediator: {
            mediatorId: 'med-3',
            name: '钱科长',
            status: 'active',
            source: 'ADMINISTRATIVE_ORGAN',
            organisationCode: ` ${RESPONDENT.code.toLowerCase()}`,
          },
        }),
      )
      .thenThrows('ASSIGNMENT_CONFLICT_OF_INTEREST');
  });

  it('a member from another organ is fine; the same member is not assigned twice', () => {
    given(recorded(registerCase()))
      .when(
        assignMediator({
          mediator: {
            mediatorId: 'med-4',
            name: '孙法官',
            status: 'active',
            source: 'JUDICIAL_ORGAN',
            organisationCode: 'ORG-COURT',
          },
        }),
      )
      .thenEvents(([event]) => expect(event!.type).toBe('MediatorAssigned'));
    given(recorded(registerCase(), assignMediator()))
      .when(assignMediator())
      .thenThrows('ASSIGNMENT_DUPLICATE');
  });
});

describe('participation of organ heads (Art 12)', () => {
  const requested = () => recorded(registerCase(), requestParticipation());
  const afterSession = { now: '2024-09-20T09:00:00+08:00' } as const;

  it('a participating agency asks the respondent organ for its head at a session', () => {
    given(recorded(registerCase()))
      .when(requestParticipation())
      .then([
        {
          type: 'ParticipationRequested',
          data: {
            caseId: CASE_ID,
            requestId: 'req-1',
            requestedBy: 'COURT',
            organ: RESPONDENT,
            requestedOn: '2024-09-10',
            sessionOn: '2024-09-20',
            purpose: '参加协调会',
          },
        },
      ]);
  });

  it('the session is not before the request', () => {
    given(recorded(registerCase()))
      .when(requestParticipation({ sessionOn: '2024-09-09' }))
      .thenThrows('CASE_DATE_TOO_EARLY', { field: 'sessionOn' });
  });

  it('attendance by the principal or deputy head is recorded once, on or after the session day', () => {
    given(requested())
      .when(recordAttendance({}, afterSession))
      .thenEvents(([event], after) => {
        expect(event).toMatchObject({
          type: 'AttendanceRecorded',
          data: {
            attendance: 'ATTENDED',
            attendee: { name: '王局长', role: 'PRINCIPAL' },
            sessionOn: '2024-09-20',
          },
        });
        expect((after as RegisteredCase).participationRequests[0]!.attendance).toMatchObject({
          kind: 'ATTENDED',
        });
      });
    given(requested())
      .when(recordAttendance({}, { now: '2024-09-19T09:00:00+08:00' }))
      .thenThrows('ATTENDANCE_BEFORE_SESSION', { sessionOn: '2024-09-20', today: '2024-09-19' });
    given(recorded(registerCase(), requestParticipation(), recordAttendance()))
      .when(recordAttendance())
      .thenThrows('ATTENDANCE_ALREADY_RECORDED');
    given(requested())
      .when(recordAttendance({ requestId: 'req-9' }))
      .thenThrows('PARTICIPATION_REQUEST_NOT_FOUND');
  });

  it('each kind of attendance carries exactly its own details', () => {
    given(requested())
      .when(recordAttendance({ attendee: { name: '某科员', role: 'CLERK' as never } }))
      .thenThrows('ATTENDANCE_DETAILS_INVALID');
    given(requested())
      .when(recordAttendance({ attendance: 'ABSENT_JUSTIFIED', attendee: null, justification: null }))
      .thenThrows('ATTENDANCE_DETAILS_INVALID');
    given(requested())
      .when(
        recordAttendance({ attendance: 'ABSENT_JUSTIFIED', attendee: null, justification: '出席省政府会议' }),
      )
      .thenEvents(([event]) => expect(event).toMatchObject({ data: { justification: '出席省政府会议' } }));
    given(requested())
      .when(recordAttendance({ attendance: 'ABSENT_UNJUSTIFIED', attendee: null, justification: '无' }))
      .thenThrows('ATTENDANCE_DETAILS_INVALID');
  });

  describe('ReportAbsence', () => {
    const absent = (attendance: 'ABSENT_UNJUSTIFIED' | 'ABSENT_JUSTIFIED') =>
      withGovOffice(
        requestParticipation(),
        recordAttendance({
          attendance,
          attendee: null,
          justification: attendance === 'ABSENT_JUSTIFIED' ? '出差' : null,
        }),
      );
    const govLead = { agency: 'GOV_OFFICE', role: 'lead' } as const;

    it('the government office, through a leader, reports an unjustified absence to the county government', () => {
      given(absent('ABSENT_UNJUSTIFIED'))
        .when(reportAbsence({}, govLead))
        .then([
          {
            type: 'AbsenceReported',
            data: {
              caseId: CASE_ID,
              requestId: 'req-1',
              organ: RESPONDENT,
              reportedOn: '2024-09-23',
              reportedTo: 'COUNTY_GOVERNMENT',
              note: '',
            },
          },
        ]);
    });

    it('only the government office reports, and only a leader', () => {
      given(absent('ABSENT_UNJUSTIFIED'))
        .when(reportAbsence({}, { agency: 'COURT', role: 'lead' }))
        .thenThrows('ABSENCE_REPORT_NOT_GOV_OFFICE');
      given(absent('ABSENT_UNJUSTIFIED'))
        .when(reportAbsence({}, { agency: 'GOV_OFFICE' }))
        .thenThrows('CASE_LEAD_ROLE_REQUIRED');
    });

    it('the government office must take part in the case to report on it', () => {
      given(recorded(registerCase(), requestParticipation()))
        .when(reportAbsence({}, govLead))
        .thenThrows('CASE_NOT_FOUND');
    });

    it('only an unjustified absence is reported, once, not before the session', () => {
      given(absent('ABSENT_JUSTIFIED'))
        .when(reportAbsence({}, govLead))
        .thenThrows('ABSENCE_NOT_UNJUSTIFIED');
      given(withGovOffice(requestParticipation()))
        .when(reportAbsence({}, govLead))
        .thenThrows('ABSENCE_NOT_UNJUSTIFIED', { attendance: null });
      given([...absent('ABSENT_UNJUSTIFIED')])
        .when(reportAbsence({ reportedOn: '2024-09-19' }, govLead))
        .thenThrows('CASE_DATE_TOO_EARLY');
      const reported = withGovOffice(
        requestParticipation(),
        recordAttendance({ attendance: 'ABSENT_UNJUSTIFIED', attendee: null, justification: null }),
        reportAbsence({}, govLead),
      );
      given(reported).when(reportAbsence({}, govLead)).thenThrows('ABSENCE_ALREADY_REPORTED');
    });
  });
});
