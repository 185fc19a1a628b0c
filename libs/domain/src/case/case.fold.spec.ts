import fc from 'fast-check';
import { CASE_EVENT_TYPES, type Agency, type CaseEvent, type Role } from '@accord/events';
import { addCalendarDays } from '../calendar/civil-date';
import { fold } from '../shared/decider';
import { RuleError } from '../shared/rule-error';
import { deepFreeze, historyOf } from '../testing/fold-properties';
import type { CaseCommand } from './case.commands';
import { caseDecider } from './case.decider';
import {
  PARTY_A,
  PARTY_B,
  RESPONDENT,
  adoptPreventionPlan,
  assessEligibility,
  assessRisk,
  assignMediator,
  closeCase,
  coordinateRelief,
  escalateRisk,
  issueInvitation,
  linkCase,
  openResolution,
  recordActivity,
  recordAttendance,
  recordConsent,
  recordNonSupportDecision,
  recordRiskFinding,
  recordOutcome,
  registerCase,
  replyToInvitation,
  reportAbsence,
  requestParticipation,
  withdrawInvitation,
} from './testing';

const day = fc.integer({ min: 0, max: 60 }).map((n) => addCalendarDays('2024-09-02', n));
const agency = fc.constantFrom<Agency>('COURT', 'GOV_OFFICE', 'PROCURATORATE');
// The court leads the default case, so it acts most often; others act as invitees or are refused.
const by = fc.record({
  agency: fc.oneof({ arbitrary: fc.constant<Agency>('COURT'), weight: 3 }, { arbitrary: agency, weight: 2 }),
  role: fc.constantFrom<Role>('clerk', 'lead'),
  now: fc.oneof(
    { arbitrary: fc.constant('2024-12-31T02:00:00Z'), weight: 4 },
    { arbitrary: fc.constant('2024-09-20T02:00:00Z'), weight: 1 },
  ),
});
const id = (prefix: string, max = 3) => fc.integer({ min: 1, max }).map((n) => `${prefix}-${n}`);
const party = fc.constantFrom(PARTY_A.partyId, PARTY_B.partyId);

/** Commands of every type, with facts drawn so that many are accepted and many are refused. */
const caseCommand: fc.Arbitrary<CaseCommand> = fc.oneof(
  fc
    .tuple(fc.constantFrom('LITIGATION', 'RECONSIDERATION', 'PROCURATORIAL_SUPERVISION'), day, by)
    .map(([channel, acceptedOn, b]) => registerCase({ channel, acceptedOn }, b)),
  fc.tuple(id('case'), by).map(([linkedCaseId, b]) => linkCase({ linkedCaseId }, b)),
  fc.tuple(day, by).map(([decidedOn, b]) => recordNonSupportDecision({ decidedOn }, b)),
  fc.tuple(day, by).map(([foundOn, b]) => recordRiskFinding({ foundOn }, b)),
  fc.tuple(id('elig'), fc.boolean(), day, by).map(([assessmentId, ok, assessedOn, b]) =>
    assessEligibility(
      ok
        ? { assessmentId, assessedOn }
        : {
            assessmentId,
            assessedOn,
            outcome: 'CLEARLY_UNLAWFUL_OR_UNREASONABLE',
            grounds: [],
            legalExplanation: '释法',
          },
      b,
    ),
  ),
  fc.tuple(day, by).map(([openedOn, b]) => openResolution({ openedOn }, b)),
  fc
    .tuple(party, fc.constantFrom('GIVEN', 'WITHDRAWN') as fc.Arbitrary<'GIVEN' | 'WITHDRAWN'>, day, by)
    .map(([partyId, consent, on, b]) => recordConsent({ partyId, consent, on }, b)),
  fc
    .tuple(id('inv'), agency, day, by)
    .map(([invitationId, to, noticeServedOn, b]) => issueInvitation({ invitationId, to, noticeServedOn }, b)),
  fc
    .tuple(id('inv'), fc.boolean(), day, by, fc.constantFrom<Agency>('GOV_OFFICE', 'PROCURATORATE'))
    .map(([invitationId, accept, repliedOn, b, invitee]) =>
      replyToInvitation(
        accept
          ? { invitationId, repliedOn }
          : { invitationId, repliedOn, answer: 'DECLINE', reasons: '理由' },
        { ...b, agency: invitee },
      ),
    ),
  fc
    .tuple(id('inv'), day, by)
    .map(([invitationId, withdrawnOn, b]) => withdrawInvitation({ invitationId, withdrawnOn }, b)),
  fc
    .tuple(id('act'), day, by)
    .map(([activityId, heldOn, b]) => recordActivity({ activityId, heldOn, agencies: [b.agency] }, b)),
  fc
    .tuple(id('med'), fc.constantFrom('active', 'suspended'), fc.boolean(), day, by)
    .map(([mediatorId, status, conflicted, assignedOn, b]) =>
      assignMediator(
        {
          mediator: {
            mediatorId,
            name: '调解员',
            status,
            source: 'LEGAL_WORKER',
            organisationCode: conflicted ? RESPONDENT.code : null,
          },
          assignedOn,
        },
        b,
      ),
    ),
  fc
    .tuple(
      id('risk'),
      fc.constantFrom('LOW', 'MEDIUM', 'HIGH', 'MAJOR') as fc.Arbitrary<'LOW'>,
      fc.integer({ min: 1, max: 9 }),
      fc.boolean(),
      day,
      by,
    )
    .map(([assessmentId, level, peopleInvolved, massIncidentRisk, assessedOn, b]) =>
      assessRisk({ assessmentId, level, peopleInvolved, massIncidentRisk, assessedOn }, b),
    ),
  fc
    .tuple(id('plan'), day, by)
    .map(([planId, adoptedOn, b]) => adoptPreventionPlan({ planId, adoptedOn }, b)),
  fc
    .tuple(id('esc'), day, by)
    .map(([escalationId, escalatedOn, b]) => escalateRisk({ escalationId, escalatedOn }, b)),
  fc
    .tuple(id('req', 2), day, by)
    .map(([requestId, requestedOn, b]) =>
      requestParticipation({ requestId, requestedOn, sessionOn: addCalendarDays(requestedOn, 3) }, b),
    ),
  fc
    .tuple(id('req', 2), fc.boolean(), by)
    .map(([requestId, came, b]) =>
      recordAttendance(
        came ? { requestId } : { requestId, attendance: 'ABSENT_UNJUSTIFIED', attendee: null },
        b,
      ),
    ),
  fc
    .tuple(id('req', 2), day, by, fc.constantFrom<Agency>('GOV_OFFICE', 'COURT'))
    .map(([requestId, reportedOn, b, reporter]) =>
      reportAbsence({ requestId, reportedOn }, { ...b, agency: reporter }),
    ),
  fc
    .tuple(id('relief'), party, day, by)
    .map(([reliefId, partyId, coordinatedOn, b]) =>
      coordinateRelief({ reliefId, partyId, coordinatedOn }, b),
    ),
  fc
    .tuple(
      fc.constantFrom(
        'SETTLED',
        'MEDIATED',
        'WITHDRAWN',
        'ADMINISTRATIVE_ACT_CORRECTED',
        'DECIDED_WITHOUT_RESOLUTION',
        'NOT_RESOLVED',
      ) as fc.Arbitrary<'SETTLED'>,
      day,
      by,
    )
    .map(([outcome, decidedOn, b]) => recordOutcome({ outcome, decidedOn }, b)),
  fc.tuple(day, by).map(([closedOn, b]) => closeCase({ closedOn }, b)),
);

/**
 * Runs commands in order, keeping the events of those accepted; only RuleErrors may refuse. The
 * generator favours the court as actor; in a case led by another agency, the two swap roles.
 */
function play(lead: Agency, commands: readonly CaseCommand[]): CaseEvent[] {
  const swap = (a: string) => (a === 'COURT' ? lead : a === lead ? 'COURT' : a);
  const swapped = commands.map(
    (original) =>
      ({
        ...original,
        metadata: {
          ...original.metadata,
          actor: { ...original.metadata.actor, agency: swap(original.metadata.actor.agency) },
        },
      }) as CaseCommand,
  );
  return historyOf(caseDecider, swapped);
}

const LEADS = {
  LITIGATION: 'COURT',
  RECONSIDERATION: 'GOV_OFFICE',
  PROCURATORIAL_SUPERVISION: 'PROCURATORATE',
} as const;

const history = fc
  .tuple(
    fc.constantFrom('LITIGATION', 'RECONSIDERATION', 'PROCURATORIAL_SUPERVISION' as const),
    fc.array(caseCommand, { minLength: 20, maxLength: 80, size: 'large' }),
  )
  .map(([channel, commands]) => play(LEADS[channel], [registerCase({ channel }), ...commands]));

describe('case fold (properties)', () => {
  it('folding the same events twice gives equal states, and evolve never mutates its inputs', () => {
    fc.assert(
      fc.property(history, (events) => {
        const first = fold(caseDecider.evolve, caseDecider.initialState(), events);
        const frozenEvents = deepFreeze(structuredClone(events));
        let state = deepFreeze(caseDecider.initialState());
        for (const event of frozenEvents) state = deepFreeze(caseDecider.evolve(state, event));
        expect(state).toEqual(first);
        expect(fold(caseDecider.evolve, caseDecider.initialState(), events)).toEqual(first);
      }),
      { numRuns: 200 },
    );
  });

  it('the state is plain JSON: it survives a JSON round trip unchanged', () => {
    fc.assert(
      fc.property(history, (events) => {
        const state = fold(caseDecider.evolve, caseDecider.initialState(), events);
        expect(JSON.parse(JSON.stringify(state))).toStrictEqual(state);
        expect(JSON.parse(JSON.stringify(events))).toStrictEqual(events);
      }),
      { numRuns: 200 },
    );
  });

  it('decide is deterministic and refuses only with RuleErrors', () => {
    fc.assert(
      fc.property(history, caseCommand, (events, cmd) => {
        const state = deepFreeze(fold(caseDecider.evolve, caseDecider.initialState(), events));
        const attempt = () => {
          try {
            return { events: caseDecider.decide(cmd, state) };
          } catch (error) {
            if (!(error instanceof RuleError)) throw error;
            return { code: error.code, details: error.details };
          }
        };
        expect(attempt()).toEqual(attempt());
      }),
      { numRuns: 300 },
    );
  });

  it('the generated histories reach every stage and every kind of event', () => {
    // Guards the generator itself: properties over histories that never get past registration prove little.
    const stages = new Set<string>();
    const types = new Set<string>();
    fc.assert(
      fc.property(history, (events) => {
        let state = caseDecider.initialState();
        for (const event of events) {
          types.add(event.type);
          state = caseDecider.evolve(state, event);
          if (state.status !== 'none') stages.add(state.stage);
        }
      }),
      { numRuns: 500, seed: 20240902 },
    );
    expect(stages).toEqual(
      new Set([
        'REGISTERED',
        'ELIGIBILITY_ASSESSED',
        'RESOLUTION_OPEN',
        'RESOLUTION_ENDED',
        'OUTCOME_RECORDED',
        'CLOSED',
      ]),
    );
    expect([...types].sort()).toEqual([...CASE_EVENT_TYPES].sort());
  });
});
