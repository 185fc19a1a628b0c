import type {
  ActivityKind,
  Agency,
  AttendanceKind,
  CaseChannel,
  CaseOutcome,
  CaseParty,
  CaseRespondent,
  ConsentState,
  EligibilityGround,
  EligibilityOutcome,
  LegalDate,
  LitigationRisk,
  MediatorSource,
  OrganHeadRole,
  RiskLevel,
} from '@accord/events';
import type { Command } from '../shared/command';

export type RegisterCase = Command<
  'RegisterCase',
  {
    caseId: string;
    channel: CaseChannel;
    externalCaseNumber: string;
    acceptedOn: LegalDate;
    parties: readonly CaseParty[];
    respondent: CaseRespondent;
    matter: string;
    peopleInvolved: number;
  }
>;

export type LinkCase = Command<
  'LinkCase',
  { caseId: string; linkedCaseId: string; linkedChannel: CaseChannel; note: string }
>;

export type RecordNonSupportDecision = Command<
  'RecordNonSupportDecision',
  { caseId: string; decisionNumber: string; decidedOn: LegalDate; summary: string }
>;

export type RecordRiskFinding = Command<
  'RecordRiskFinding',
  { caseId: string; foundOn: LegalDate; risks: readonly LitigationRisk[]; reasons: string }
>;

export type AssessEligibility = Command<
  'AssessEligibility',
  {
    caseId: string;
    assessmentId: string;
    outcome: EligibilityOutcome;
    grounds: readonly EligibilityGround[];
    legalExplanation: string | null;
    assessedOn: LegalDate;
  }
>;

export type OpenResolution = Command<'OpenResolution', { caseId: string; openedOn: LegalDate }>;

export type RecordConsent = Command<
  'RecordConsent',
  { caseId: string; partyId: string; consent: ConsentState; on: LegalDate; note: string }
>;

export type IssueInvitation = Command<
  'IssueInvitation',
  {
    caseId: string;
    invitationId: string;
    to: Agency;
    grounds: string;
    noticeServedOn: LegalDate;
    /** Art 4 书面通知: the invitee's department; null or absent: the rule set's default for the invitee. */
    addresseeDepartment?: string | null;
    /** The written notice's document reference; required under v2. */
    documentRef?: string | null;
  }
>;

export type ReplyToInvitation = Command<
  'ReplyToInvitation',
  {
    caseId: string;
    invitationId: string;
    answer: 'ACCEPT' | 'DECLINE';
    repliedOn: LegalDate;
    /** Required when declining; null when accepting. */
    reasons: string | null;
    /** The written reply's document reference; required under v2. */
    documentRef?: string | null;
  }
>;

export type WithdrawInvitation = Command<
  'WithdrawInvitation',
  { caseId: string; invitationId: string; withdrawnOn: LegalDate; reasons: string }
>;

export type RecordActivity = Command<
  'RecordActivity',
  {
    caseId: string;
    activityId: string;
    kind: ActivityKind;
    description: string | null;
    heldOn: LegalDate;
    agencies: readonly Agency[];
    partyIds: readonly string[];
    others: readonly string[];
  }
>;

/** The pool member as the handler read it from the mediator pool when the command arrived. */
export interface MediatorSnapshot {
  readonly mediatorId: string;
  readonly name: string;
  /** The pool's status word; only `active` may be assigned. */
  readonly status: string;
  readonly source: MediatorSource;
  readonly organisationCode: string | null;
}

export type AssignMediator = Command<
  'AssignMediator',
  { caseId: string; mediator: MediatorSnapshot; assignedOn: LegalDate }
>;

export type AssessRisk = Command<
  'AssessRisk',
  {
    caseId: string;
    assessmentId: string;
    level: RiskLevel;
    peopleInvolved: number;
    massIncidentRisk: boolean;
    factors: readonly string[];
    assessedOn: LegalDate;
  }
>;

export type AdoptPreventionPlan = Command<
  'AdoptPreventionPlan',
  { caseId: string; planId: string; adoptedOn: LegalDate; summary: string; measures: readonly string[] }
>;

export type EscalateRisk = Command<
  'EscalateRisk',
  { caseId: string; escalationId: string; escalatedOn: LegalDate; summary: string }
>;

export type RequestParticipation = Command<
  'RequestParticipation',
  { caseId: string; requestId: string; requestedOn: LegalDate; sessionOn: LegalDate; purpose: string }
>;

export type RecordAttendance = Command<
  'RecordAttendance',
  {
    caseId: string;
    requestId: string;
    attendance: AttendanceKind;
    attendee: { readonly name: string; readonly role: OrganHeadRole } | null;
    justification: string | null;
  }
>;

export type ReportAbsence = Command<
  'ReportAbsence',
  { caseId: string; requestId: string; reportedOn: LegalDate; note: string }
>;

export type CoordinateRelief = Command<
  'CoordinateRelief',
  {
    caseId: string;
    reliefId: string;
    partyId: string;
    department: string;
    coordinatedOn: LegalDate;
    noEffectiveRemedy: boolean;
    greatHardship: boolean;
    basis: string;
  }
>;

export type RecordOutcome = Command<
  'RecordOutcome',
  {
    caseId: string;
    outcome: CaseOutcome;
    decidedOn: LegalDate;
    summary: string;
    /** v2, WITHDRAWN: the applicants who withdraw. */
    withdrawingPartyIds?: readonly string[] | null;
    /** v2, WITHDRAWN in litigation: the court's approval (准许). */
    courtApproval?: { readonly approvedOn: LegalDate; readonly documentRef: string } | null;
    /** v2, SETTLED: the respondent organ's agreement. */
    organAgreement?: { readonly agreedOn: LegalDate; readonly signatory: string } | null;
  }
>;

export type CloseCase = Command<'CloseCase', { caseId: string; closedOn: LegalDate }>;

export type CaseCommand =
  | RegisterCase
  | LinkCase
  | RecordNonSupportDecision
  | RecordRiskFinding
  | AssessEligibility
  | OpenResolution
  | RecordConsent
  | IssueInvitation
  | ReplyToInvitation
  | WithdrawInvitation
  | RecordActivity
  | AssignMediator
  | AssessRisk
  | AdoptPreventionPlan
  | EscalateRisk
  | RequestParticipation
  | RecordAttendance
  | ReportAbsence
  | CoordinateRelief
  | RecordOutcome
  | CloseCase;
