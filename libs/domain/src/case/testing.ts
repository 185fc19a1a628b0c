import type { ActorAgency, CaseEvent, CaseParty, Instant, Role } from '@accord/events';
import { fold } from '../shared/decider';
import type { CommandMetadata } from '../shared/command';
import { RULES_2021_V1, type RuleSet } from '../rules/rule-set';
import { testCalendar } from '../testing/calendar';
import type {
  AdoptPreventionPlan,
  AssessEligibility,
  AssessRisk,
  AssignMediator,
  CaseCommand,
  CloseCase,
  CoordinateRelief,
  EscalateRisk,
  IssueInvitation,
  LinkCase,
  OpenResolution,
  RecordActivity,
  RecordAttendance,
  RecordConsent,
  RecordNonSupportDecision,
  RecordOutcome,
  RecordRiskFinding,
  RegisterCase,
  ReplyToInvitation,
  ReportAbsence,
  RequestParticipation,
  WithdrawInvitation,
} from './case.commands';
import { spec } from '../testing/decider-spec';
import { caseDecider } from './case.decider';
import type { CaseState } from './case.state';

/**
 * Factories for case tests (not exported from the library). Every command defaults to the same
 * litigation case, acted on by the court's clerk on a day well after every default date; a test
 * overrides only the facts its rule is about.
 */

export const CASE_ID = 'case-0001';
export const RESPONDENT = { code: 'ORG-411423-ZRZY', name: '鲁山县自然资源局' } as const;
export const PARTY_A: CaseParty = {
  partyId: 'party-a',
  kind: 'NATURAL_PERSON',
  name: '张三',
  idScheme: 'RESIDENT_ID',
  idNumber: '410423199001011234',
};
export const PARTY_B: CaseParty = {
  partyId: 'party-b',
  kind: 'LEGAL_PERSON',
  name: '鲁山县某建材有限公司',
  idScheme: 'USCC',
  idNumber: '91410423MA44ABCD0Q',
};

export const DEFAULT_NOW: Instant = '2026-06-30T02:00:00Z';

export interface By {
  readonly agency?: ActorAgency;
  readonly role?: Role;
  readonly now?: Instant;
  readonly staffId?: string;
  /** The rule set the command is decided under; v1 unless a test is about v2. */
  readonly rules?: RuleSet;
}

export function meta(by: By = {}): CommandMetadata {
  return {
    now: by.now ?? DEFAULT_NOW,
    actor: { agency: by.agency ?? 'COURT', staffId: by.staffId ?? 'staff-1', role: by.role ?? 'clerk' },
    rules: by.rules ?? RULES_2021_V1,
    calendar: testCalendar(),
  };
}

type DataOf<C extends CaseCommand> = C['data'];

function command<C extends CaseCommand>(type: C['type'], defaults: DataOf<C>) {
  return (data: Partial<DataOf<C>> = {}, by: By = {}): C =>
    ({ type, data: { ...defaults, ...data }, metadata: meta(by) }) as C;
}

export const registerCase = command<RegisterCase>('RegisterCase', {
  caseId: CASE_ID,
  channel: 'LITIGATION',
  externalCaseNumber: '（2024）豫0423行初12号',
  acceptedOn: '2024-09-02',
  parties: [PARTY_A, PARTY_B],
  respondent: RESPONDENT,
  matter: '房屋征收补偿决定',
  peopleInvolved: 2,
});

export const linkCase = command<LinkCase>('LinkCase', {
  caseId: CASE_ID,
  linkedCaseId: 'case-0000',
  linkedChannel: 'RECONSIDERATION',
  note: '同一征收补偿争议的行政复议案件',
});

export const recordNonSupportDecision = command<RecordNonSupportDecision>('RecordNonSupportDecision', {
  caseId: CASE_ID,
  decisionNumber: '鲁检行监〔2024〕3号',
  decidedOn: '2024-09-10',
  summary: '原判决认定事实清楚，适用法律正确，不支持监督申请。',
});

export const recordRiskFinding = command<RecordRiskFinding>('RecordRiskFinding', {
  caseId: CASE_ID,
  foundOn: '2024-09-08',
  risks: ['PETITION'],
  reasons: '原告表示败诉后将上访',
});

export const assessEligibility = command<AssessEligibility>('AssessEligibility', {
  caseId: CASE_ID,
  assessmentId: 'elig-1',
  outcome: 'ELIGIBLE',
  grounds: [{ category: 1, reasons: '涉及行政补偿数额争议' }],
  legalExplanation: null,
  assessedOn: '2024-09-05',
});

export const openResolution = command<OpenResolution>('OpenResolution', {
  caseId: CASE_ID,
  openedOn: '2024-09-06',
});

export const recordConsent = command<RecordConsent>('RecordConsent', {
  caseId: CASE_ID,
  partyId: PARTY_A.partyId,
  consent: 'GIVEN',
  on: '2024-09-06',
  note: '',
});

export const issueInvitation = command<IssueInvitation>('IssueInvitation', {
  caseId: CASE_ID,
  invitationId: 'inv-1',
  to: 'GOV_OFFICE',
  grounds: '判决后当事人可能上访',
  noticeServedOn: '2024-09-09',
});

export const replyToInvitation = command<ReplyToInvitation>('ReplyToInvitation', {
  caseId: CASE_ID,
  invitationId: 'inv-1',
  answer: 'ACCEPT',
  repliedOn: '2024-09-10',
  reasons: null,
});

export const withdrawInvitation = command<WithdrawInvitation>('WithdrawInvitation', {
  caseId: CASE_ID,
  invitationId: 'inv-1',
  withdrawnOn: '2024-09-10',
  reasons: '当事人已撤诉意向明确',
});

export const recordActivity = command<RecordActivity>('RecordActivity', {
  caseId: CASE_ID,
  activityId: 'act-1',
  kind: 'COORDINATION',
  description: null,
  heldOn: '2024-09-12',
  agencies: ['COURT'],
  partyIds: [PARTY_A.partyId],
  others: [],
});

export const assignMediator = command<AssignMediator>('AssignMediator', {
  caseId: CASE_ID,
  mediator: {
    mediatorId: 'med-1',
    name: '李律师',
    status: 'active',
    source: 'LEGAL_WORKER',
    organisationCode: 'LAW-FIRM-07',
  },
  assignedOn: '2024-09-12',
});

export const assessRisk = command<AssessRisk>('AssessRisk', {
  caseId: CASE_ID,
  assessmentId: 'risk-1',
  level: 'MEDIUM',
  peopleInvolved: 2,
  massIncidentRisk: false,
  factors: ['补偿标准分歧较大'],
  assessedOn: '2024-09-05',
});

export const adoptPreventionPlan = command<AdoptPreventionPlan>('AdoptPreventionPlan', {
  caseId: CASE_ID,
  planId: 'plan-1',
  adoptedOn: '2024-09-06',
  summary: '防范和处置预案',
  measures: ['专人联系当事人', '庭前沟通'],
});

export const escalateRisk = command<EscalateRisk>('EscalateRisk', {
  caseId: CASE_ID,
  escalationId: 'esc-1',
  escalatedOn: '2024-09-06',
  summary: '向县委县政府报告重大风险',
});

export const requestParticipation = command<RequestParticipation>('RequestParticipation', {
  caseId: CASE_ID,
  requestId: 'req-1',
  requestedOn: '2024-09-10',
  sessionOn: '2024-09-20',
  purpose: '参加协调会',
});

export const recordAttendance = command<RecordAttendance>('RecordAttendance', {
  caseId: CASE_ID,
  requestId: 'req-1',
  attendance: 'ATTENDED',
  attendee: { name: '王局长', role: 'PRINCIPAL' },
  justification: null,
});

export const reportAbsence = command<ReportAbsence>('ReportAbsence', {
  caseId: CASE_ID,
  requestId: 'req-1',
  reportedOn: '2024-09-23',
  note: '',
});

export const coordinateRelief = command<CoordinateRelief>('CoordinateRelief', {
  caseId: CASE_ID,
  reliefId: 'relief-1',
  partyId: PARTY_A.partyId,
  department: '县民政局',
  coordinatedOn: '2024-09-15',
  noEffectiveRemedy: true,
  greatHardship: true,
  basis: '低保户，房屋被拆后无住所',
});

export const recordOutcome = command<RecordOutcome>('RecordOutcome', {
  caseId: CASE_ID,
  outcome: 'SETTLED',
  decidedOn: '2024-09-30',
  summary: '双方达成和解',
});

export const closeCase = command<CloseCase>('CloseCase', { caseId: CASE_ID, closedOn: '2024-09-30' });

/** The events a sequence of accepted commands records, decided one after another on the folded state. */
export function recorded(...commands: readonly CaseCommand[]): CaseEvent[] {
  const events: CaseEvent[] = [];
  let state: CaseState = caseDecider.initialState();
  for (const cmd of commands) {
    const produced = caseDecider.decide(cmd, state);
    events.push(...produced);
    state = fold(caseDecider.evolve, state, produced);
  }
  return events;
}

export function stateOf(events: readonly CaseEvent[]): CaseState {
  return fold(caseDecider.evolve, caseDecider.initialState(), events);
}

/** A litigation case with the government office taking part (invited and accepted). */
export function withGovOffice(...more: readonly CaseCommand[]): CaseEvent[] {
  return recorded(
    registerCase(),
    issueInvitation(),
    replyToInvitation({}, { agency: 'GOV_OFFICE' }),
    ...more,
  );
}

/** A litigation case with a resolution effort open (eligible under Art 3 category 1). */
export function resolving(...more: readonly CaseCommand[]): CaseEvent[] {
  return recorded(registerCase(), assessEligibility(), openResolution(), ...more);
}

/** `spec(caseDecider).given(events)`. */
export function given(events: readonly CaseEvent[]) {
  return spec(caseDecider).given(events);
}
