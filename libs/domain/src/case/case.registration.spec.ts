import { caseAccess } from './case.state';
import {
  CASE_ID,
  PARTY_A,
  PARTY_B,
  RESPONDENT,
  assessEligibility,
  closeCase,
  given,
  issueInvitation,
  linkCase,
  recordNonSupportDecision,
  recordOutcome,
  recorded,
  registerCase,
  replyToInvitation,
  stateOf,
} from './testing';

describe('RegisterCase (Art 1, Art 2)', () => {
  it('the litigation channel is registered by the court, with its parties and respondent', () => {
    given([])
      .when(registerCase())
      .then([
        {
          type: 'CaseRegistered',
          data: {
            caseId: CASE_ID,
            channel: 'LITIGATION',
            leadAgency: 'COURT',
            externalCaseNumber: '（2024）豫0423行初12号',
            acceptedOn: '2024-09-02',
            parties: [PARTY_A, PARTY_B],
            respondent: RESPONDENT,
            matter: '房屋征收补偿决定',
            peopleInvolved: 2,
          },
        },
      ]);
  });

  it.each([
    ['RECONSIDERATION', 'GOV_OFFICE'],
    ['LITIGATION', 'COURT'],
    ['PROCURATORIAL_SUPERVISION', 'PROCURATORATE'],
  ] as const)('a %s case is registered by its lead agency %s', (channel, agency) => {
    given([])
      .when(registerCase({ channel }, { agency }))
      .thenEvents(([event], after) => {
        expect(event).toMatchObject({ type: 'CaseRegistered', data: { channel, leadAgency: agency } });
        expect(after).toMatchObject({ status: 'open', stage: 'REGISTERED', participants: [agency] });
      });
  });

  it("only the channel's lead agency registers in it", () => {
    given([])
      .when(registerCase({ channel: 'RECONSIDERATION' }, { agency: 'COURT' }))
      .thenThrows('CASE_REGISTRAR_NOT_LEAD', { channel: 'RECONSIDERATION', leadAgency: 'GOV_OFFICE' });
  });

  it('registering the same case twice is a conflict', () => {
    const error = given(recorded(registerCase())).when(registerCase()).thenThrows('CASE_ALREADY_REGISTERED');
    expect(error.kind).toBe('conflict');
  });

  it('an acceptance date after today (Asia/Shanghai) is refused', () => {
    // 2024-09-01T17:00Z is already 2 September in Shanghai, so accepting on the 2nd is allowed …
    given([])
      .when(registerCase({ acceptedOn: '2024-09-02' }, { now: '2024-09-01T17:00:00Z' }))
      .thenEvents((events) => expect(events).toHaveLength(1));
    // … but an hour earlier it is still 1 September there.
    given([])
      .when(registerCase({ acceptedOn: '2024-09-02' }, { now: '2024-09-01T15:59:59Z' }))
      .thenThrows('CASE_DATE_IN_FUTURE', { field: 'acceptedOn', today: '2024-09-01' });
  });

  it('a case needs at least one party', () => {
    given([])
      .when(registerCase({ parties: [] }))
      .thenThrows('CASE_NO_PARTIES');
  });

  it('the same party cannot be listed twice, by id or by identifier', () => {
    given([])
      .when(registerCase({ parties: [PARTY_A, PARTY_A] }))
      .thenThrows('CASE_PARTY_DUPLICATE');
    given([])
      .when(registerCase({ parties: [PARTY_A, { ...PARTY_A, partyId: 'party-a2' }] }))
      .thenThrows('CASE_PARTY_DUPLICATE', { partyId: 'party-a2' });
  });

  it('a natural person carries a personal identifier, an organisation its credit code', () => {
    given([])
      .when(registerCase({ parties: [{ ...PARTY_A, idScheme: 'USCC' }] }))
      .thenThrows('CASE_PARTY_IDENTIFIER_INVALID');
    given([])
      .when(registerCase({ parties: [{ ...PARTY_B, idScheme: 'RESIDENT_ID' }] }))
      .thenThrows('CASE_PARTY_IDENTIFIER_INVALID');
  });

  it('the respondent organ, the matter and the number of people are required', () => {
    given([])
      .when(registerCase({ respondent: { code: '', name: 'x' } }))
      .thenThrows('CASE_INVALID_INPUT', { field: 'respondent.code' });
    given([])
      .when(registerCase({ matter: ' ' }))
      .thenThrows('CASE_INVALID_INPUT', { field: 'matter' });
    given([])
      .when(registerCase({ peopleInvolved: 0 }))
      .thenThrows('CASE_INVALID_INPUT', { field: 'peopleInvolved' });
    given([])
      .when(registerCase({ acceptedOn: '2024-02-30' }))
      .thenThrows('CASE_INVALID_INPUT', { field: 'acceptedOn' });
  });
});

describe('who may act on a case (Art 17)', () => {
  const registered = recorded(registerCase());

  it('organs and auditors act on no case', () => {
    given(registered)
      .when(linkCase({}, { agency: 'ORGAN:ORG-411423-ZRZY' }))
      .thenThrows('CASE_ACTOR_NOT_ALLOWED');
    given(registered)
      .when(linkCase({}, { agency: 'COURT', role: 'auditor' }))
      .thenThrows('CASE_ACTOR_NOT_ALLOWED');
    given([])
      .when(registerCase({}, { role: 'auditor' }))
      .thenThrows('CASE_ACTOR_NOT_ALLOWED');
  });

  it('an agency that does not take part sees the case as unknown', () => {
    const error = given(registered)
      .when(linkCase({}, { agency: 'PROCURATORATE' }))
      .thenThrows('CASE_NOT_FOUND');
    expect(error.kind).toBe('not_found');
  });

  it('an unregistered case is not found', () => {
    given([]).when(linkCase()).thenThrows('CASE_NOT_FOUND');
  });

  it('an invitee may reply but do nothing else until it accepts', () => {
    const invited = recorded(registerCase(), issueInvitation());
    given(invited)
      .when(linkCase({}, { agency: 'GOV_OFFICE' }))
      .thenThrows('CASE_INVITEE_MAY_ONLY_REPLY');
    const joined = recorded(
      registerCase(),
      issueInvitation(),
      replyToInvitation({}, { agency: 'GOV_OFFICE' }),
    );
    given(joined)
      .when(linkCase({}, { agency: 'GOV_OFFICE' }))
      .thenEvents(([event]) => expect(event!.type).toBe('CaseLinked'));
  });

  it('caseAccess: lead and accepted invitees take part, open invitees are invitees, others none', () => {
    expect(caseAccess(stateOf([]), 'COURT')).toBe('none');
    const invited = stateOf(recorded(registerCase(), issueInvitation()));
    expect(caseAccess(invited, 'COURT')).toBe('participant');
    expect(caseAccess(invited, 'GOV_OFFICE')).toBe('invitee');
    expect(caseAccess(invited, 'PROCURATORATE')).toBe('none');
    expect(caseAccess(invited, 'ORGAN:ORG-411423-ZRZY')).toBe('none');
    const declined = stateOf(
      recorded(
        registerCase(),
        issueInvitation(),
        replyToInvitation({ answer: 'DECLINE', reasons: '无需参与' }, { agency: 'GOV_OFFICE' }),
      ),
    );
    expect(caseAccess(declined, 'GOV_OFFICE')).toBe('none');
  });

  it('a closed case can only be read', () => {
    const closed = recorded(
      registerCase(),
      recordOutcome({ outcome: 'DECIDED_WITHOUT_RESOLUTION' }),
      closeCase(),
    );
    const error = given(closed).when(linkCase()).thenThrows('CASE_CLOSED');
    expect(error.kind).toBe('conflict');
    given(closed).when(assessEligibility()).thenThrows('CASE_CLOSED');
  });
});

describe('LinkCase (Art 1)', () => {
  const registered = recorded(registerCase());

  it("links the same dispute's case in another channel", () => {
    given(registered)
      .when(linkCase())
      .thenEvents(([event], after) => {
        expect(event).toEqual({
          type: 'CaseLinked',
          data: {
            caseId: CASE_ID,
            linkedCaseId: 'case-0000',
            linkedChannel: 'RECONSIDERATION',
            note: '同一征收补偿争议的行政复议案件',
          },
        });
        expect(after).toMatchObject({
          links: [{ caseId: 'case-0000', channel: 'RECONSIDERATION' }],
        });
      });
  });

  it('a case is not linked to itself', () => {
    given(registered)
      .when(linkCase({ linkedCaseId: CASE_ID }))
      .thenThrows('CASE_LINK_SELF');
  });

  it('a case in the same channel is not linked', () => {
    given(registered)
      .when(linkCase({ linkedChannel: 'LITIGATION' }))
      .thenThrows('CASE_LINK_SAME_CHANNEL');
  });

  it('a link is recorded once', () => {
    given(recorded(registerCase(), linkCase())).when(linkCase()).thenThrows('CASE_LINK_DUPLICATE');
  });
});

describe('RecordNonSupportDecision (Art 6)', () => {
  const supervision = recorded(
    registerCase({ channel: 'PROCURATORIAL_SUPERVISION' }, { agency: 'PROCURATORATE' }),
  );

  it('the procuratorate records its decision not to support a supervision application', () => {
    given(supervision)
      .when(recordNonSupportDecision({}, { agency: 'PROCURATORATE' }))
      .thenEvents(([event], after) => {
        expect(event).toMatchObject({
          type: 'NonSupportDecisionRecorded',
          data: { decisionNumber: '鲁检行监〔2024〕3号', decidedOn: '2024-09-10' },
        });
        expect(after).toMatchObject({ nonSupportDecision: { decidedOn: '2024-09-10' } });
      });
  });

  it('exists only in a supervision case', () => {
    given(recorded(registerCase())).when(recordNonSupportDecision()).thenThrows('NON_SUPPORT_WRONG_CHANNEL');
  });

  it('only the procuratorate records it, even when others take part', () => {
    const withCourt = recorded(
      registerCase({ channel: 'PROCURATORIAL_SUPERVISION' }, { agency: 'PROCURATORATE' }),
      recordNonSupportDecision({}, { agency: 'PROCURATORATE' }),
      issueInvitation({ to: 'COURT', noticeServedOn: '2024-09-11' }, { agency: 'PROCURATORATE' }),
      replyToInvitation({ repliedOn: '2024-09-12' }, { agency: 'COURT' }),
    );
    given(withCourt)
      .when(recordNonSupportDecision({}, { agency: 'COURT' }))
      .thenThrows('NON_SUPPORT_NOT_PROCURATORATE');
  });

  it('is recorded once, and not before the case was accepted', () => {
    const decided = recorded(
      registerCase({ channel: 'PROCURATORIAL_SUPERVISION' }, { agency: 'PROCURATORATE' }),
      recordNonSupportDecision({}, { agency: 'PROCURATORATE' }),
    );
    given(decided)
      .when(recordNonSupportDecision({}, { agency: 'PROCURATORATE' }))
      .thenThrows('NON_SUPPORT_ALREADY_RECORDED');
    given(supervision)
      .when(recordNonSupportDecision({ decidedOn: '2024-08-30' }, { agency: 'PROCURATORATE' }))
      .thenThrows('CASE_DATE_TOO_EARLY', { notBefore: '2024-09-02' });
  });
});
