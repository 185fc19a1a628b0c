import type { RegisteredCase } from './case.state';
import {
  CASE_ID,
  PARTY_A,
  PARTY_B,
  assessEligibility,
  closeCase,
  coordinateRelief,
  given,
  issueInvitation,
  openResolution,
  recordActivity,
  recordConsent,
  recordOutcome,
  recorded,
  registerCase,
  replyToInvitation,
  resolving,
  stateOf,
  withGovOffice,
} from './testing';

const ineligible = {
  assessmentId: 'elig-2',
  outcome: 'CLEARLY_UNLAWFUL_OR_UNREASONABLE',
  grounds: [],
  legalExplanation: '已向当事人释明：其要求超出法定补偿标准，于法无据。',
  assessedOn: '2024-09-08',
} as const;

describe('AssessEligibility (Art 3)', () => {
  const registered = recorded(registerCase());

  it('an eligible case names its categories, each with reasons', () => {
    given(registered)
      .when(
        assessEligibility({
          grounds: [
            { category: 1, reasons: '涉及行政补偿' },
            { category: 5, reasons: '确有实体权益需要保护' },
          ],
        }),
      )
      .then([
        {
          type: 'EligibilityAssessed',
          data: {
            caseId: CASE_ID,
            assessmentId: 'elig-1',
            outcome: 'ELIGIBLE',
            grounds: [
              { category: 1, reasons: '涉及行政补偿' },
              { category: 5, reasons: '确有实体权益需要保护' },
            ],
            legalExplanation: null,
            assessedOn: '2024-09-05',
            supersedes: null,
            endsResolution: false,
          },
        },
      ]);
  });

  it('an eligible case without a category, with a category outside 1–6, twice, or without reasons is refused', () => {
    given(registered)
      .when(assessEligibility({ grounds: [] }))
      .thenThrows('ELIGIBILITY_GROUNDS_INVALID');
    given(registered)
      .when(assessEligibility({ grounds: [{ category: 7 as never, reasons: 'x' }] }))
      .thenThrows('ELIGIBILITY_GROUNDS_INVALID', { category: 7 });
    given(registered)
      .when(
        assessEligibility({
          grounds: [
            { category: 2, reasons: 'a' },
            { category: 2, reasons: 'b' },
          ],
        }),
      )
      .thenThrows('ELIGIBILITY_GROUNDS_INVALID', { problem: 'category named twice' });
    given(registered)
      .when(assessEligibility({ grounds: [{ category: 6, reasons: ' ' }] }))
      .thenThrows('ELIGIBILITY_GROUNDS_INVALID', { problem: 'reasons missing' });
  });

  it('clearly unlawful or unreasonable demands are recorded with the legal explanation given', () => {
    given(registered)
      .when(assessEligibility(ineligible))
      .thenEvents(([event], after) => {
        expect(event).toMatchObject({
          data: {
            outcome: 'CLEARLY_UNLAWFUL_OR_UNREASONABLE',
            grounds: [],
            legalExplanation: ineligible.legalExplanation,
          },
        });
        expect(after).toMatchObject({ stage: 'ELIGIBILITY_ASSESSED' });
      });
    given(registered)
      .when(assessEligibility({ ...ineligible, legalExplanation: null }))
      .thenThrows('ELIGIBILITY_EXPLANATION_MISSING');
    given(registered)
      .when(assessEligibility({ ...ineligible, legalExplanation: '  ' }))
      .thenThrows('ELIGIBILITY_EXPLANATION_MISSING');
    given(registered)
      .when(assessEligibility({ ...ineligible, grounds: [{ category: 1, reasons: 'x' }] }))
      .thenThrows('ELIGIBILITY_GROUNDS_INVALID');
    given(registered)
      .when(assessEligibility({ legalExplanation: '不应填写' }))
      .thenThrows('ELIGIBILITY_EXPLANATION_MISSING');
  });

  it('a reassessment supersedes the earlier one and says so', () => {
    given(recorded(registerCase(), assessEligibility()))
      .when(assessEligibility(ineligible))
      .thenEvents(([event], after) => {
        expect(event).toMatchObject({ data: { supersedes: 'elig-1', endsResolution: false } });
        const s = after as RegisteredCase;
        expect(s.eligibility?.assessmentId).toBe('elig-2');
        expect(s.supersededEligibility.map((a) => a.assessmentId)).toEqual(['elig-1']);
      });
  });

  it('a reassessment is not dated before the previous one, nor before acceptance', () => {
    given(recorded(registerCase(), assessEligibility()))
      .when(assessEligibility({ ...ineligible, assessedOn: '2024-09-04' }))
      .thenThrows('CASE_DATE_TOO_EARLY', { notBefore: '2024-09-05' });
    given(registered)
      .when(assessEligibility({ assessedOn: '2024-09-01' }))
      .thenThrows('CASE_DATE_TOO_EARLY', { notBefore: '2024-09-02' });
    given(recorded(registerCase(), assessEligibility()))
      .when(assessEligibility())
      .thenThrows('CASE_DUPLICATE_ID');
  });

  it('a negative reassessment during a resolution effort ends it', () => {
    given(resolving())
      .when(assessEligibility(ineligible))
      .thenEvents(([event], after) => {
        expect(event).toMatchObject({ data: { endsResolution: true } });
        expect(after).toMatchObject({
          stage: 'RESOLUTION_ENDED',
          resolution: { status: 'ended', endedOn: '2024-09-08', endReason: 'INELIGIBLE' },
        });
      });
  });

  it('only the lead agency assesses', () => {
    given(withGovOffice())
      .when(assessEligibility({}, { agency: 'GOV_OFFICE' }))
      .thenThrows('CASE_LEAD_AGENCY_ONLY', { leadAgency: 'COURT' });
  });
});

describe('OpenResolution (Art 3)', () => {
  it('opens on a positive assessment', () => {
    given(recorded(registerCase(), assessEligibility()))
      .when(openResolution())
      .thenEvents(([event], after) => {
        expect(event).toEqual({
          type: 'ResolutionOpened',
          data: { caseId: CASE_ID, openedOn: '2024-09-06', assessmentId: 'elig-1' },
        });
        expect(after).toMatchObject({ stage: 'RESOLUTION_OPEN', resolution: { status: 'open' } });
      });
  });

  it('does not open without an assessment, or on a negative one', () => {
    given(recorded(registerCase()))
      .when(openResolution())
      .thenThrows('RESOLUTION_NOT_ELIGIBLE', { assessmentId: null });
    given(recorded(registerCase(), assessEligibility(ineligible)))
      .when(openResolution({ openedOn: '2024-09-09' }))
      .thenThrows('RESOLUTION_NOT_ELIGIBLE', { outcome: 'CLEARLY_UNLAWFUL_OR_UNREASONABLE' });
  });

  it('the latest assessment decides: a positive reassessment reopens a resolution the negative one ended', () => {
    const ended = resolving(assessEligibility(ineligible));
    given(ended)
      .when(openResolution({ openedOn: '2024-09-10' }))
      .thenThrows('RESOLUTION_NOT_ELIGIBLE');
    const reassessed = resolving(
      assessEligibility(ineligible),
      assessEligibility({ assessmentId: 'elig-3', assessedOn: '2024-09-09' }),
    );
    given(reassessed)
      .when(openResolution({ openedOn: '2024-09-10' }))
      .thenEvents(([event]) => expect(event).toMatchObject({ data: { assessmentId: 'elig-3' } }));
  });

  it('is not opened twice, nor before the assessment, nor by an invited agency', () => {
    given(resolving()).when(openResolution()).thenThrows('RESOLUTION_ALREADY_OPEN');
    given(recorded(registerCase(), assessEligibility()))
      .when(openResolution({ openedOn: '2024-09-04' }))
      .thenThrows('CASE_DATE_TOO_EARLY');
    given(withGovOffice(assessEligibility()))
      .when(openResolution({}, { agency: 'GOV_OFFICE' }))
      .thenThrows('CASE_LEAD_AGENCY_ONLY');
  });
});

describe('RecordConsent (Art 2)', () => {
  it("records a party's consent given or withdrawn, and the latest is current", () => {
    const history = recorded(
      registerCase(),
      recordConsent(),
      recordConsent({ consent: 'WITHDRAWN', on: '2024-09-08', note: '当事人表示不再同意调解' }),
    );
    expect((stateOf(history) as RegisteredCase).parties[0]).toMatchObject({
      partyId: PARTY_A.partyId,
      consent: 'WITHDRAWN',
      consentOn: '2024-09-08',
    });
    expect((stateOf(history) as RegisteredCase).parties[1]).toMatchObject({ consent: null, consentOn: null });
  });

  it('an unknown party is refused', () => {
    given(recorded(registerCase()))
      .when(recordConsent({ partyId: 'party-z' }))
      .thenThrows('CASE_UNKNOWN_PARTY', { partyId: 'party-z' });
  });

  it("a record dated before the party's latest is refused; one dated in the future too", () => {
    given(recorded(registerCase(), recordConsent({ on: '2024-09-10' })))
      .when(recordConsent({ consent: 'WITHDRAWN', on: '2024-09-09' }))
      .thenThrows('CONSENT_OUT_OF_ORDER', { latest: '2024-09-10' });
    given(recorded(registerCase()))
      .when(recordConsent({ on: '2024-09-10' }, { now: '2024-09-09T04:00:00Z' }))
      .thenThrows('CASE_DATE_IN_FUTURE');
  });

  it('an invited agency that accepted may record consent', () => {
    given(withGovOffice())
      .when(recordConsent({ partyId: PARTY_B.partyId }, { agency: 'GOV_OFFICE' }))
      .thenEvents(([event]) => expect(event).toMatchObject({ type: 'ConsentRecorded' }));
  });
});

describe('RecordActivity (Art 6, Art 1)', () => {
  it.each([
    'HEARING',
    'COORDINATION',
    'MEDIATION_PLAN_PROPOSED',
    'LAW_EXPLAINED',
    'SETTLEMENT_FACILITATED',
  ] as const)('records a %s while a resolution is open', (kind) => {
    given(resolving())
      .when(recordActivity({ kind }))
      .thenEvents(([event], after) => {
        expect(event).toMatchObject({ type: 'ActivityRecorded', data: { kind, heldOn: '2024-09-12' } });
        expect((after as RegisteredCase).activities).toHaveLength(1);
      });
  });

  it('OTHER needs a description', () => {
    given(resolving())
      .when(recordActivity({ kind: 'OTHER' }))
      .thenThrows('ACTIVITY_DESCRIPTION_MISSING');
    given(resolving())
      .when(recordActivity({ kind: 'OTHER', description: ' ' }))
      .thenThrows('ACTIVITY_DESCRIPTION_MISSING');
    given(resolving())
      .when(recordActivity({ kind: 'OTHER', description: '实地走访' }))
      .thenEvents(([event]) => expect(event).toMatchObject({ data: { description: '实地走访' } }));
  });

  it('is refused when no resolution is open', () => {
    given(recorded(registerCase(), assessEligibility()))
      .when(recordActivity())
      .thenThrows('RESOLUTION_NOT_OPEN', { resolution: null });
    given(resolving(assessEligibility(ineligible)))
      .when(recordActivity())
      .thenThrows('RESOLUTION_NOT_OPEN', { resolution: 'ended' });
  });

  it('is not dated before the resolution opened, nor in the future', () => {
    given(resolving())
      .when(recordActivity({ heldOn: '2024-09-05' }))
      .thenThrows('CASE_DATE_TOO_EARLY');
    given(resolving())
      .when(recordActivity({ heldOn: '2024-09-12' }, { now: '2024-09-11T10:00:00Z' }))
      .thenThrows('CASE_DATE_IN_FUTURE');
  });

  it('lists only participating agencies and parties of the case', () => {
    given(resolving())
      .when(recordActivity({ agencies: ['COURT', 'PROCURATORATE'] }))
      .thenThrows('ACTIVITY_AGENCY_NOT_PARTICIPANT', { agencies: ['PROCURATORATE'] });
    given(resolving())
      .when(recordActivity({ partyIds: ['party-z'] }))
      .thenThrows('CASE_UNKNOWN_PARTY');
    given(withGovOffice(assessEligibility(), openResolution()))
      .when(recordActivity({ agencies: ['COURT', 'GOV_OFFICE'] }, { agency: 'GOV_OFFICE' }))
      .thenEvents(([event]) => expect(event).toMatchObject({ data: { agencies: ['COURT', 'GOV_OFFICE'] } }));
  });

  it('an activity id is used once', () => {
    given(resolving(recordActivity())).when(recordActivity()).thenThrows('CASE_DUPLICATE_ID');
  });
});

describe('CoordinateRelief (Art 9)', () => {
  it('the lead agency coordinates relief for a party with a named department, both preconditions affirmed', () => {
    given(resolving())
      .when(coordinateRelief())
      .then([
        {
          type: 'ReliefCoordinated',
          data: {
            caseId: CASE_ID,
            reliefId: 'relief-1',
            partyId: PARTY_A.partyId,
            department: '县民政局',
            coordinatedOn: '2024-09-15',
            noEffectiveRemedy: true,
            greatHardship: true,
            basis: '低保户，房屋被拆后无住所',
          },
        },
      ]);
  });

  it.each([
    [false, true],
    [true, false],
    [false, false],
  ])('is refused unless both preconditions hold (no effective remedy: %s, great hardship: %s)', (a, b) => {
    given(resolving())
      .when(coordinateRelief({ noEffectiveRemedy: a, greatHardship: b }))
      .thenThrows('RELIEF_PRECONDITION_NOT_MET', { noEffectiveRemedy: a, greatHardship: b });
  });

  it('is for a party of the case, by the lead agency, during a resolution effort', () => {
    given(resolving())
      .when(coordinateRelief({ partyId: 'party-z' }))
      .thenThrows('CASE_UNKNOWN_PARTY');
    given(withGovOffice(assessEligibility(), openResolution()))
      .when(coordinateRelief({}, { agency: 'GOV_OFFICE' }))
      .thenThrows('CASE_LEAD_AGENCY_ONLY');
    given(recorded(registerCase())).when(coordinateRelief()).thenThrows('RELIEF_NEEDS_RESOLUTION');
    given(resolving())
      .when(coordinateRelief({ department: '' }))
      .thenThrows('CASE_INVALID_INPUT');
  });
});

describe('RecordOutcome (Art 2, Art 3)', () => {
  const bothConsented = () =>
    resolving(recordConsent(), recordConsent({ partyId: PARTY_B.partyId, on: '2024-09-20' }));

  it.each(['SETTLED', 'MEDIATED', 'WITHDRAWN'] as const)(
    '%s rests on every party’s consent, recorded on the outcome',
    (outcome) => {
      given(bothConsented())
        .when(recordOutcome({ outcome }))
        .thenEvents(([event], after) => {
          expect(event).toEqual({
            type: 'OutcomeRecorded',
            data: {
              caseId: CASE_ID,
              outcome,
              decidedOn: '2024-09-30',
              summary: '双方达成和解',
              consents: [
                { partyId: PARTY_A.partyId, givenOn: '2024-09-06' },
                { partyId: PARTY_B.partyId, givenOn: '2024-09-20' },
              ],
            },
          });
          expect(after).toMatchObject({
            stage: 'OUTCOME_RECORDED',
            resolution: { status: 'ended', endReason: 'OUTCOME' },
          });
        });
    },
  );

  it.each(['SETTLED', 'MEDIATED', 'WITHDRAWN'] as const)(
    '%s is refused while a party has not consented',
    (outcome) => {
      given(resolving(recordConsent()))
        .when(recordOutcome({ outcome }))
        .thenThrows('OUTCOME_CONSENT_MISSING', { missing: [{ partyId: PARTY_B.partyId, consent: null }] });
    },
  );

  it('a withdrawn consent, or one given only after the decision, does not count', () => {
    const withdrawn = resolving(
      recordConsent(),
      recordConsent({ partyId: PARTY_B.partyId, on: '2024-09-20' }),
      recordConsent({ partyId: PARTY_B.partyId, consent: 'WITHDRAWN', on: '2024-09-25' }),
    );
    given(withdrawn)
      .when(recordOutcome())
      .thenThrows('OUTCOME_CONSENT_MISSING', {
        missing: [{ partyId: PARTY_B.partyId, consent: 'WITHDRAWN' }],
      });
    given(bothConsented())
      .when(recordOutcome({ decidedOn: '2024-09-15' }))
      .thenThrows('OUTCOME_CONSENT_MISSING', {
        missing: [{ partyId: PARTY_B.partyId, consentOn: '2024-09-20' }],
      });
  });

  it.each(['ADMINISTRATIVE_ACT_CORRECTED', 'DECIDED_WITHOUT_RESOLUTION'] as const)(
    '%s needs neither consent nor a resolution effort',
    (outcome) => {
      given(recorded(registerCase()))
        .when(recordOutcome({ outcome }))
        .thenEvents(([event]) => expect(event).toMatchObject({ data: { outcome, consents: [] } }));
    },
  );

  it('SETTLED, MEDIATED and NOT_RESOLVED presuppose a resolution effort', () => {
    given(recorded(registerCase(), recordConsent(), recordConsent({ partyId: PARTY_B.partyId })))
      .when(recordOutcome({ outcome: 'MEDIATED' }))
      .thenThrows('OUTCOME_NEEDS_RESOLUTION');
    given(recorded(registerCase()))
      .when(recordOutcome({ outcome: 'NOT_RESOLVED' }))
      .thenThrows('OUTCOME_NEEDS_RESOLUTION');
    given(resolving())
      .when(recordOutcome({ outcome: 'NOT_RESOLVED' }))
      .thenEvents(([event]) =>
        expect(event).toMatchObject({ data: { outcome: 'NOT_RESOLVED', consents: [] } }),
      );
  });

  it('is recorded once, by the lead agency', () => {
    const decided = recorded(registerCase(), recordOutcome({ outcome: 'DECIDED_WITHOUT_RESOLUTION' }));
    given(decided)
      .when(recordOutcome({ outcome: 'NOT_RESOLVED' }))
      .thenThrows('OUTCOME_ALREADY_RECORDED');
    given(decided).when(openResolution()).thenThrows('OUTCOME_ALREADY_RECORDED');
    given(withGovOffice())
      .when(recordOutcome({ outcome: 'DECIDED_WITHOUT_RESOLUTION' }, { agency: 'GOV_OFFICE' }))
      .thenThrows('CASE_LEAD_AGENCY_ONLY');
  });
});

describe('CloseCase', () => {
  const decided = () => recorded(registerCase(), recordOutcome({ outcome: 'DECIDED_WITHOUT_RESOLUTION' }));

  it('closes after the outcome, by the lead agency; then nothing but reads', () => {
    given(decided())
      .when(closeCase())
      .thenEvents(([event], after) => {
        expect(event).toEqual({
          type: 'CaseClosed',
          data: { caseId: CASE_ID, closedOn: '2024-09-30', lapsedInvitationIds: [] },
        });
        expect(after).toMatchObject({ status: 'closed', stage: 'CLOSED', closedOn: '2024-09-30' });
      });
    const closed = recorded(
      registerCase(),
      recordOutcome({ outcome: 'DECIDED_WITHOUT_RESOLUTION' }),
      closeCase(),
    );
    given(closed).when(closeCase()).thenThrows('CASE_CLOSED');
    given(closed).when(recordConsent()).thenThrows('CASE_CLOSED');
  });

  it('needs an outcome first, and is not dated before it', () => {
    given(recorded(registerCase())).when(closeCase()).thenThrows('CASE_OUTCOME_MISSING');
    given(decided())
      .when(closeCase({ closedOn: '2024-09-29' }))
      .thenThrows('CASE_DATE_TOO_EARLY');
  });

  it('only the lead agency closes', () => {
    const joined = recorded(
      registerCase(),
      issueInvitation(),
      replyToInvitation({}, { agency: 'GOV_OFFICE' }),
      recordOutcome({ outcome: 'DECIDED_WITHOUT_RESOLUTION' }),
    );
    given(joined)
      .when(closeCase({}, { agency: 'GOV_OFFICE' }))
      .thenThrows('CASE_LEAD_AGENCY_ONLY');
  });
});
