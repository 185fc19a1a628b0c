import type { OutcomeRecorded, PreventionPlanAdopted, RiskAssessed } from '@accord/events';
import { RULES_2021_V1, RULES_2021_V2 } from '../rules/rule-set';
import { absenceViewFor } from './acts/participation';
import {
  adoptPreventionPlan,
  assessRisk,
  given,
  recordAttendance,
  recordConsent,
  recorded,
  recordOutcome,
  registerCase,
  replyToInvitation,
  reportAbsence,
  requestParticipation,
  resolving,
  issueInvitation,
  stateOf,
  PARTY_A,
  PARTY_B,
} from './testing';

const v2 = { rules: RULES_2021_V2 };
const v1 = { rules: RULES_2021_V1 };

describe('v2, Art 10: the prevention and handling plan, and 人数众多', () => {
  const v2 = { rules: RULES_2021_V2, now: '2026-11-30T02:00:00Z' };
  const v1 = { rules: RULES_2021_V1, now: '2026-11-30T02:00:00Z' };
  // Friday 2026-09-25: 3 working days are Mon 09-28, Tue 09-29, Wed 09-30.
  const major = assessRisk({ level: 'HIGH', peopleInvolved: 10, assessedOn: '2026-09-25' }, v2);

  it('ten or more people make the case major risk under v2; nine do not (v1 said five)', () => {
    given(recorded(registerCase()))
      .when(major)
      .thenEvents(([event]) => {
        const d = (event as RiskAssessed).data;
        expect(d.majorRiskReasons).toEqual(['PEOPLE_THRESHOLD']);
        expect(d.planDeadline).toMatchObject({ dueBy: '2026-09-30', explanation: { rule: 'risk.plan' } });
      });
    given(recorded(registerCase()))
      .when(assessRisk({ level: 'HIGH', peopleInvolved: 9, assessedOn: '2026-09-25' }, v2))
      .thenEvents(([event]) => {
        expect((event as RiskAssessed).data).toMatchObject({ majorRisk: false, planDeadline: null });
      });
    given(recorded(registerCase()))
      .when(assessRisk({ level: 'HIGH', peopleInvolved: 5, assessedOn: '2026-09-25' }, v1))
      .thenEvents(([event]) => {
        expect((event as RiskAssessed).data.majorRisk).toBe(true);
        expect((event as RiskAssessed).data).not.toHaveProperty('planDeadline');
      });
  });

  it('a plan adopted by its due date is on time; one adopted after is recorded late', () => {
    const assessed = recorded(registerCase(), major);
    expect(stateOf(assessed)).toMatchObject({ risk: { planDue: { dueBy: '2026-09-30' } } });
    given(assessed)
      .when(adoptPreventionPlan({ adoptedOn: '2026-09-30' }, v2))
      .thenEvents(([event], after) => {
        expect((event as PreventionPlanAdopted).data).toMatchObject({ dueBy: '2026-09-30', late: false });
        expect(after).toMatchObject({ risk: { planDue: null } });
      });
    given(assessed)
      .when(adoptPreventionPlan({ adoptedOn: '2026-10-09' }, v2))
      .thenEvents(([event]) => {
        expect((event as PreventionPlanAdopted).data).toMatchObject({ dueBy: '2026-09-30', late: true });
      });
  });

  it('a plan for a risk that is not major owed nothing', () => {
    given(recorded(registerCase(), assessRisk({ assessedOn: '2026-09-25' }, v2)))
      .when(adoptPreventionPlan({ adoptedOn: '2026-10-20' }, v2))
      .thenEvents(([event]) => {
        expect((event as PreventionPlanAdopted).data).toMatchObject({ dueBy: null, late: false });
      });
  });
});

describe('v2, Arts 2–3: withdrawal is the applicant’s act; a settlement records the organ’s agreement', () => {
  const approval = { approvedOn: '2024-09-28', documentRef: '（2024）豫0423行初12号之一' };

  it('in litigation a withdrawal needs the court’s approval (准许), not every party’s consent', () => {
    given(resolving())
      .when(recordOutcome({ outcome: 'WITHDRAWN', withdrawingPartyIds: [PARTY_A.partyId] }, v2))
      .thenThrows('OUTCOME_WITHDRAWAL_NEEDS_COURT_APPROVAL');
    given(resolving())
      .when(
        recordOutcome(
          { outcome: 'WITHDRAWN', withdrawingPartyIds: [PARTY_A.partyId], courtApproval: approval },
          v2,
        ),
      )
      .thenEvents(([event]) => {
        expect((event as OutcomeRecorded).data).toMatchObject({
          consents: [],
          withdrawal: { partyIds: [PARTY_A.partyId], courtApproval: approval },
        });
      });
  });

  it('the withdrawal names a party of the case, and the approval does not come after the outcome', () => {
    given(resolving())
      .when(recordOutcome({ outcome: 'WITHDRAWN', withdrawingPartyIds: [], courtApproval: approval }, v2))
      .thenThrows('CASE_INVALID_INPUT', { field: 'withdrawingPartyIds' });
    given(resolving())
      .when(
        recordOutcome({ outcome: 'WITHDRAWN', withdrawingPartyIds: ['nobody'], courtApproval: approval }, v2),
      )
      .thenThrows('CASE_UNKNOWN_PARTY');
    given(resolving())
      .when(
        recordOutcome(
          {
            outcome: 'WITHDRAWN',
            withdrawingPartyIds: [PARTY_A.partyId],
            courtApproval: { ...approval, approvedOn: '2024-10-01' },
          },
          v2,
        ),
      )
      .thenThrows('CASE_DATE_TOO_EARLY', { field: 'decidedOn' });
  });

  it('outside litigation no court approves it; v1 asked every party’s consent instead', () => {
    const gov = { agency: 'GOV_OFFICE' as const };
    const reconsideration = recorded(registerCase({ channel: 'RECONSIDERATION' }, gov));
    given(reconsideration)
      .when(
        recordOutcome({ outcome: 'WITHDRAWN', withdrawingPartyIds: [PARTY_B.partyId] }, { ...gov, ...v2 }),
      )
      .thenEvents(([event]) => {
        expect((event as OutcomeRecorded).data.withdrawal).toEqual({
          partyIds: [PARTY_B.partyId],
          courtApproval: null,
        });
      });
    given(reconsideration)
      .when(
        recordOutcome(
          { outcome: 'WITHDRAWN', withdrawingPartyIds: [PARTY_B.partyId], courtApproval: approval },
          { ...gov, ...v2 },
        ),
      )
      .thenThrows('CASE_INVALID_INPUT', { field: 'courtApproval' });
    given(reconsideration)
      .when(recordOutcome({ outcome: 'WITHDRAWN' }, { ...gov, ...v1 }))
      .thenThrows('OUTCOME_CONSENT_MISSING');
  });

  it('a settlement records the respondent organ’s agreement as well as every party’s consent', () => {
    const consented = resolving(
      recordConsent({ partyId: PARTY_A.partyId }),
      recordConsent({ partyId: PARTY_B.partyId }),
    );
    given(consented)
      .when(recordOutcome({ outcome: 'SETTLED' }, v2))
      .thenThrows('OUTCOME_ORGAN_AGREEMENT_MISSING');
    given(consented)
      .when(
        recordOutcome(
          { outcome: 'SETTLED', organAgreement: { agreedOn: '2024-09-29', signatory: '王局长' } },
          v2,
        ),
      )
      .thenEvents(([event]) => {
        expect((event as OutcomeRecorded).data.organAgreement).toEqual({
          agreedOn: '2024-09-29',
          signatory: '王局长',
        });
      });
    given(consented)
      .when(
        recordOutcome(
          { outcome: 'SETTLED', organAgreement: { agreedOn: '2024-10-02', signatory: '王局长' } },
          v2,
        ),
      )
      .thenThrows('CASE_DATE_TOO_EARLY', { field: 'decidedOn' });
    given(consented)
      .when(recordOutcome({ outcome: 'SETTLED' }, v1))
      .thenEvents(([event]) => {
        expect((event as OutcomeRecorded).data).not.toHaveProperty('organAgreement');
      });
  });
});

describe('v2, Art 12 as written: the notifying agency records the absence; the government office reports it', () => {
  const absent = recordAttendance({ attendance: 'ABSENT_UNJUSTIFIED', attendee: null }, v2);
  // A court case the government office takes no part in.
  const courtCase = recorded(registerCase(), requestParticipation({}, v2), absent);
  const govLead = { agency: 'GOV_OFFICE' as const, role: 'lead' as const, ...v2 };

  it('the government office reports a court case’s absent head without taking part in the case', () => {
    given(courtCase)
      .when(reportAbsence({}, govLead))
      .thenEvents(([event]) => {
        expect(event).toMatchObject({
          type: 'AbsenceReported',
          data: { requestId: 'req-1', reportedTo: 'COUNTY_GOVERNMENT', organ: { code: 'ORG-411423-ZRZY' } },
        });
      });
  });

  it('…through a leader; nobody else reports; v1 refused the non-participating office', () => {
    given(courtCase)
      .when(reportAbsence({}, { ...govLead, role: 'clerk' }))
      .thenThrows('CASE_LEAD_ROLE_REQUIRED');
    given(courtCase)
      .when(reportAbsence({}, { role: 'lead', ...v2 }))
      .thenThrows('ABSENCE_REPORT_NOT_GOV_OFFICE');
    given(courtCase)
      .when(reportAbsence({}, { agency: 'PROCURATORATE', role: 'lead', ...v2 }))
      .thenThrows('CASE_NOT_FOUND');
    given(courtCase)
      .when(reportAbsence({}, { ...govLead, ...v1 }))
      .thenThrows('CASE_NOT_FOUND');
  });

  it('the office sees nothing else: a request whose head came is unknown to it', () => {
    const attended = recorded(registerCase(), requestParticipation({}, v2), recordAttendance({}, v2));
    given(attended).when(reportAbsence({}, govLead)).thenThrows('PARTICIPATION_REQUEST_NOT_FOUND');
    expect(absenceViewFor(stateOf(attended), 'GOV_OFFICE', 'req-1')).toBeNull();
    expect(absenceViewFor(stateOf(courtCase), 'GOV_OFFICE', 'req-1')).toEqual({
      caseId: 'case-0001',
      requestId: 'req-1',
      requestedBy: 'COURT',
      organ: { code: 'ORG-411423-ZRZY', name: '鲁山县自然资源局' },
      requestedOn: '2024-09-10',
      sessionOn: '2024-09-20',
      attendance: 'ABSENT_UNJUSTIFIED',
      absenceReport: null,
    });
    expect(absenceViewFor(stateOf(courtCase), 'PROCURATORATE', 'req-1')).toBeNull();
  });

  it('attendance is recorded by the agency that notified the organ', () => {
    const joined = recorded(
      registerCase(),
      issueInvitation(),
      replyToInvitation({}, { agency: 'GOV_OFFICE' }),
      requestParticipation({}, v2),
    );
    given(joined)
      .when(
        recordAttendance(
          { attendance: 'ABSENT_UNJUSTIFIED', attendee: null },
          { agency: 'GOV_OFFICE', ...v2 },
        ),
      )
      .thenThrows('ATTENDANCE_NOT_NOTIFYING_AGENCY', { requestedBy: 'COURT' });
    given(joined)
      .when(absent)
      .thenEvents(([event]) => expect(event!.data).toMatchObject({ recordedBy: 'COURT' }));
  });
});
