import type {
  ActivityKind,
  ActorAgency,
  Agency,
  AssignedMediator,
  AttendanceKind,
  CaseChannel,
  CaseDeadline,
  CaseDeadlineExplanation,
  CaseOutcome,
  CaseParty,
  CaseRespondent,
  ConsentState,
  EligibilityGround,
  EligibilityOutcome,
  InvitationArticle,
  LegalDate,
  LitigationRisk,
  MajorRiskReason,
  NoticePeriodStartFact,
  OrganHeadRole,
  OutcomeRecorded,
  RiskLevel,
} from '@accord/events';

/**
 * The case folded from its events, as a plain JSON object (arrays, not maps; null, never undefined):
 * readers send a view of it (`case.view.ts`), also as of a past instant.
 */
export type CaseState = NoCase | RegisteredCase;

export interface NoCase {
  readonly status: 'none';
}

/** How far a case has gone, in order (set by `evolveCase`; readers filter and show it). */
export const CASE_STAGES = [
  'REGISTERED',
  'ELIGIBILITY_ASSESSED',
  'RESOLUTION_OPEN',
  'RESOLUTION_ENDED',
  'OUTCOME_RECORDED',
  'CLOSED',
] as const;
export type CaseStage = (typeof CASE_STAGES)[number];

export interface StatedParty extends CaseParty {
  /** Art 2: the party's current consent to a resolution, the latest recorded. */
  readonly consent: ConsentState | null;
  readonly consentOn: LegalDate | null;
}

export interface EligibilityAssessment {
  readonly assessmentId: string;
  readonly outcome: EligibilityOutcome;
  readonly grounds: readonly EligibilityGround[];
  readonly legalExplanation: string | null;
  readonly assessedOn: LegalDate;
}

export interface Resolution {
  readonly openedOn: LegalDate;
  readonly assessmentId: string;
  readonly status: 'open' | 'ended';
  readonly endedOn: LegalDate | null;
  /** OUTCOME: the outcome was recorded; INELIGIBLE: a reassessment found the demands clearly unlawful or unreasonable. */
  readonly endReason: 'OUTCOME' | 'INELIGIBLE' | null;
}

export type InvitationStatus = 'open' | 'accepted' | 'declined' | 'withdrawn' | 'lapsed';

export interface CaseInvitation {
  readonly invitationId: string;
  readonly from: Agency;
  readonly to: Agency;
  readonly article: InvitationArticle;
  readonly grounds: string;
  readonly noticeServedOn: LegalDate;
  readonly noticeDeadline: CaseDeadline;
  readonly replyDeadline: CaseDeadline;
  /** v2: the fact the notice period ran from; null for invitations recorded under v1 (acceptance). */
  readonly noticePeriodStart: NoticePeriodStartFact | null;
  /** Served after the notice period (v2 records it; v1 refused it, so always false there). */
  readonly noticeLate: boolean;
  /** Art 4 书面通知 (v2): to whom the notice is addressed and its document reference; null under v1. */
  readonly addressee: { readonly agency: Agency; readonly department: string } | null;
  readonly documentRef: string | null;
  /** Art 4 书面回复 (v2): the reply's document reference; null until replied or under v1. */
  readonly replyDocumentRef: string | null;
  readonly status: InvitationStatus;
  readonly repliedOn: LegalDate | null;
  /** Replied after the reply deadline; null until replied. */
  readonly late: boolean | null;
  readonly declineReasons: string | null;
  readonly withdrawnOn: LegalDate | null;
  readonly withdrawalReasons: string | null;
}

export interface CaseActivity {
  readonly activityId: string;
  readonly kind: ActivityKind;
  readonly description: string | null;
  readonly heldOn: LegalDate;
  readonly agencies: readonly Agency[];
  readonly partyIds: readonly string[];
  readonly others: readonly string[];
}

export interface RiskAssessment {
  readonly assessmentId: string;
  readonly level: RiskLevel;
  readonly peopleInvolved: number;
  readonly massIncidentRisk: boolean;
  readonly factors: readonly string[];
  readonly assessedOn: LegalDate;
  readonly majorRisk: boolean;
  readonly majorRiskReasons: readonly MajorRiskReason[];
}

export interface EscalationDue {
  readonly assessmentId: string;
  readonly dueBy: LegalDate;
  readonly explanation: CaseDeadlineExplanation;
}

export interface RiskEscalation {
  readonly escalationId: string;
  readonly assessmentId: string;
  readonly escalatedOn: LegalDate;
  readonly summary: string;
  readonly majorRisk: boolean;
  readonly dueBy: LegalDate | null;
  readonly late: boolean;
}

export interface PreventionPlan {
  readonly planId: string;
  readonly assessmentId: string;
  readonly adoptedOn: LegalDate;
  readonly summary: string;
  readonly measures: readonly string[];
}

export interface CaseRisk {
  /** Every assessment, oldest first; the last is current. */
  readonly assessments: readonly RiskAssessment[];
  /** Whether the current assessment finds major risk (Art 10). */
  readonly majorRisk: boolean;
  /** Art 10: a report to county leadership owed since a major-risk assessment, until made. */
  readonly escalationDue: EscalationDue | null;
  readonly escalations: readonly RiskEscalation[];
  readonly plans: readonly PreventionPlan[];
  /** v2, Art 10: a prevention and handling plan owed since a major-risk assessment, until adopted. */
  readonly planDue: EscalationDue | null;
}

export interface ParticipationRequest {
  readonly requestId: string;
  readonly requestedBy: Agency;
  readonly organ: CaseRespondent;
  readonly requestedOn: LegalDate;
  readonly sessionOn: LegalDate;
  readonly purpose: string;
  readonly attendance: {
    readonly kind: AttendanceKind;
    readonly attendee: { readonly name: string; readonly role: OrganHeadRole } | null;
    readonly justification: string | null;
  } | null;
  readonly absenceReport: { readonly reportedOn: LegalDate; readonly note: string } | null;
}

export interface Relief {
  readonly reliefId: string;
  readonly partyId: string;
  readonly department: string;
  readonly coordinatedOn: LegalDate;
  readonly basis: string;
}

export interface RecordedOutcome {
  readonly outcome: CaseOutcome;
  readonly decidedOn: LegalDate;
  readonly summary: string;
  readonly consents: readonly { readonly partyId: string; readonly givenOn: LegalDate }[];
  /** v2, WITHDRAWN: who withdrew, and in litigation the court's approval; absent under v1. */
  readonly withdrawal?: OutcomeRecorded['data']['withdrawal'];
  /** v2, SETTLED: the respondent organ's agreement; absent under v1. */
  readonly organAgreement?: OutcomeRecorded['data']['organAgreement'];
}

export interface RegisteredCase {
  readonly status: 'open' | 'closed';
  readonly stage: CaseStage;
  readonly caseId: string;
  readonly channel: CaseChannel;
  readonly leadAgency: Agency;
  readonly externalCaseNumber: string;
  readonly acceptedOn: LegalDate;
  readonly parties: readonly StatedParty[];
  readonly respondent: CaseRespondent;
  readonly matter: string;
  readonly peopleInvolved: number;
  /** Art 17: the lead agency first, then each agency that accepted an invitation, in order. */
  readonly participants: readonly Agency[];
  readonly links: readonly {
    readonly caseId: string;
    readonly channel: CaseChannel;
    readonly note: string;
  }[];
  /** Art 5 (v2): the court's finding that the dispute may lead to appeal, petition or instability. */
  readonly riskFinding: {
    readonly foundOn: LegalDate;
    readonly risks: readonly LitigationRisk[];
    readonly reasons: string;
  } | null;
  readonly nonSupportDecision: {
    readonly decisionNumber: string;
    readonly decidedOn: LegalDate;
    readonly summary: string;
  } | null;
  /** Art 3: the current assessment; earlier ones are in `supersededEligibility`. */
  readonly eligibility: EligibilityAssessment | null;
  readonly supersededEligibility: readonly EligibilityAssessment[];
  readonly resolution: Resolution | null;
  readonly invitations: readonly CaseInvitation[];
  readonly activities: readonly CaseActivity[];
  readonly mediators: readonly (AssignedMediator & { readonly assignedOn: LegalDate })[];
  readonly risk: CaseRisk;
  readonly participationRequests: readonly ParticipationRequest[];
  readonly reliefs: readonly Relief[];
  readonly outcome: RecordedOutcome | null;
  readonly closedOn: LegalDate | null;
}

export function initialCaseState(): CaseState {
  return { status: 'none' };
}

export type CaseAccess = 'participant' | 'invitee' | 'none';

/**
 * Art 17: who may see (and act on) a case. The lead agency and agencies that accepted an invitation
 * take part; an agency with an open, unanswered invitation sees only what it needs to reply;
 * everyone else sees nothing. Auditors read without taking part: see `caseReadAccess`.
 */
export function caseAccess(state: CaseState, agency: ActorAgency): CaseAccess {
  if (state.status === 'none') return 'none';
  if ((state.participants as readonly string[]).includes(agency)) return 'participant';
  if (state.invitations.some((i) => i.status === 'open' && i.to === agency)) return 'invitee';
  return 'none';
}
