import type { Agency, Event, LegalDate } from '../event';
import type { OrganRef, StoredDeadline } from './letter.events';
import type { MediatorSource } from './mediator.events';

/** The three channels a case can be in (domain.md); each has one lead agency. */
export const CASE_CHANNELS = ['RECONSIDERATION', 'LITIGATION', 'PROCURATORIAL_SUPERVISION'] as const;
export type CaseChannel = (typeof CASE_CHANNELS)[number];

export const LEAD_AGENCY_OF_CHANNEL: Readonly<Record<CaseChannel, Agency>> = {
  RECONSIDERATION: 'GOV_OFFICE',
  LITIGATION: 'COURT',
  PROCURATORIAL_SUPERVISION: 'PROCURATORATE',
};

/** Art 2: natural persons, legal persons and other organisations (自然人、法人和其他组织). */
export const CASE_PARTY_KINDS = ['NATURAL_PERSON', 'LEGAL_PERSON', 'OTHER_ORGANISATION'] as const;
export type CasePartyKind = (typeof CASE_PARTY_KINDS)[number];

/** How a party is identified: resident id card, passport, unified social credit code (统一社会信用代码), other. */
export const CASE_PARTY_ID_SCHEMES = ['RESIDENT_ID', 'PASSPORT', 'USCC', 'OTHER'] as const;
export type CasePartyIdScheme = (typeof CASE_PARTY_ID_SCHEMES)[number];

export interface CaseParty {
  readonly partyId: string;
  readonly kind: CasePartyKind;
  readonly name: string;
  readonly idScheme: CasePartyIdScheme;
  readonly idNumber: string;
}

/** Art 3, items (一)–(六). */
export const ELIGIBILITY_CATEGORIES = [1, 2, 3, 4, 5, 6] as const;
export type EligibilityCategory = (typeof ELIGIBILITY_CATEGORIES)[number];

export const ELIGIBILITY_OUTCOMES = ['ELIGIBLE', 'CLEARLY_UNLAWFUL_OR_UNREASONABLE'] as const;
export type EligibilityOutcome = (typeof ELIGIBILITY_OUTCOMES)[number];

export interface EligibilityGround {
  readonly category: EligibilityCategory;
  readonly reasons: string;
}

export const CONSENT_STATES = ['GIVEN', 'WITHDRAWN'] as const;
export type ConsentState = (typeof CONSENT_STATES)[number];

/** The article under which an invitation is issued; Art 7 makes Art 4's procedure apply to all of them. */
export type InvitationArticle = 'Art 4' | 'Art 5' | 'Art 6';

/** Art 6 names these methods; Art 1 lets every channel use them. */
export const ACTIVITY_KINDS = [
  'HEARING',
  'COORDINATION',
  'MEDIATION_PLAN_PROPOSED',
  'LAW_EXPLAINED',
  'SETTLEMENT_FACILITATED',
  'OTHER',
] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

/** The pool member as the case recorded it at assignment (the pool itself is another stream). */
export interface AssignedMediator {
  readonly mediatorId: string;
  readonly name: string;
  readonly source: MediatorSource;
  /** The member's organisation (机关/单位) code, or null (e.g. a deputy with no organisation on file). */
  readonly organisationCode: string | null;
}

export const RISK_LEVELS = ['LOW', 'MEDIUM', 'HIGH', 'MAJOR'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

/** Why a case counts as major risk under Art 10 (涉及人数众多、可能引发群体性事件等重大风险). */
export type MajorRiskReason = 'LEVEL_MAJOR' | 'MASS_INCIDENT_RISK' | 'PEOPLE_THRESHOLD';

/** Art 5 (认为…可能引发上诉、申诉、信访或影响社会稳定): what the court finds the dispute may lead to. */
export const LITIGATION_RISKS = ['APPEAL', 'PETITION', 'LETTERS_AND_VISITS', 'SOCIAL_STABILITY'] as const;
export type LitigationRisk = (typeof LITIGATION_RISKS)[number];

/** v2: the fact an invitation's notice period ran from (rule set `noticePeriodStart`). */
export interface NoticePeriodStartFact {
  readonly fact: 'ACCEPTANCE' | 'NON_SUPPORT_DECISION' | 'RISK_FINDING';
  readonly on: LegalDate;
}

/** Art 12: 主要负责人或分管负责人. */
export const ORGAN_HEAD_ROLES = ['PRINCIPAL', 'DEPUTY'] as const;
export type OrganHeadRole = (typeof ORGAN_HEAD_ROLES)[number];

export const ATTENDANCE_KINDS = ['ATTENDED', 'ABSENT_JUSTIFIED', 'ABSENT_UNJUSTIFIED'] as const;
export type AttendanceKind = (typeof ATTENDANCE_KINDS)[number];

export const CASE_OUTCOMES = [
  'SETTLED',
  'MEDIATED',
  'WITHDRAWN',
  'ADMINISTRATIVE_ACT_CORRECTED',
  'DECIDED_WITHOUT_RESOLUTION',
  'NOT_RESOLVED',
] as const;
export type CaseOutcome = (typeof CASE_OUTCOMES)[number];

/** Art 2: outcomes that rest on the parties' agreement need every party's current consent. */
export const CONSENT_BASED_OUTCOMES: readonly CaseOutcome[] = ['SETTLED', 'MEDIATED', 'WITHDRAWN'];

/** The administrative organ whose act is disputed (the letters' `OrganRef`). */
export type CaseRespondent = OrganRef;

/** Why a deadline falls where it does (the letters' `StoredDeadline`, one shape for the catalogue). */
export type CaseDeadlineExplanation = StoredDeadline;

/** A computed deadline as stored on a case event: the due date, and why it falls there. */
export interface CaseDeadline {
  readonly dueBy: LegalDate;
  /** v2: true when the due date rests on a year without an official holiday schedule; absent under v1. */
  readonly provisional?: boolean;
  readonly explanation: CaseDeadlineExplanation;
}

export type CaseRegistered = Event<
  'CaseRegistered',
  {
    caseId: string;
    channel: CaseChannel;
    leadAgency: Agency;
    /** The number the lead agency gave the case in its own docket, e.g. （2024）鲁0423行初12号. */
    externalCaseNumber: string;
    acceptedOn: LegalDate;
    parties: readonly CaseParty[];
    /** The administrative organ whose act is disputed. */
    respondent: CaseRespondent;
    matter: string;
    peopleInvolved: number;
  }
>;

export type CaseLinked = Event<
  'CaseLinked',
  { caseId: string; linkedCaseId: string; linkedChannel: CaseChannel; note: string }
>;

export type NonSupportDecisionRecorded = Event<
  'NonSupportDecisionRecorded',
  { caseId: string; decisionNumber: string; decidedOn: LegalDate; summary: string }
>;

/** Art 5: the court records that the dispute may lead to appeal, petition or instability (v2). */
export type LitigationRiskFound = Event<
  'LitigationRiskFound',
  { caseId: string; foundOn: LegalDate; risks: readonly LitigationRisk[]; reasons: string }
>;

export type EligibilityAssessed = Event<
  'EligibilityAssessed',
  {
    caseId: string;
    assessmentId: string;
    outcome: EligibilityOutcome;
    /** Non-empty when ELIGIBLE, empty otherwise. */
    grounds: readonly EligibilityGround[];
    /** Art 3 释法说理: the legal explanation given, when CLEARLY_UNLAWFUL_OR_UNREASONABLE; else null. */
    legalExplanation: string | null;
    assessedOn: LegalDate;
    /** The assessment this one replaces, or null for the first. */
    supersedes: string | null;
    /** True when a negative reassessment ended an open resolution effort. */
    endsResolution: boolean;
  }
>;

export type ResolutionOpened = Event<
  'ResolutionOpened',
  { caseId: string; openedOn: LegalDate; assessmentId: string }
>;

export type ConsentRecorded = Event<
  'ConsentRecorded',
  { caseId: string; partyId: string; consent: ConsentState; on: LegalDate; note: string }
>;

export type InvitationIssued = Event<
  'InvitationIssued',
  {
    caseId: string;
    invitationId: string;
    from: Agency;
    to: Agency;
    article: InvitationArticle;
    /** Why the inviting agency thinks the invitee is needed (Art 4: may become a suit; Art 5: appeal, petition, instability; Art 6: reasonable claim). */
    grounds: string;
    noticeServedOn: LegalDate;
    /** Art 4/7: when the notice was due, counted from the acceptance date. */
    noticeDeadline: CaseDeadline;
    /** Art 4/7: when the written reply is due, counted from receipt of the notice. */
    replyDeadline: CaseDeadline;
    /** v2: the fact the notice period ran from; absent under v1 (always acceptance). */
    noticePeriodStart?: NoticePeriodStartFact;
    /** v2: served after `noticeDeadline.dueBy` (recorded, not refused); absent under v1 (refused). */
    noticeLate?: boolean;
    /** v2, Art 4 书面通知: the invitee's department the notice is addressed to. */
    addressee?: { readonly agency: Agency; readonly department: string };
    /** v2, Art 4: the written notice's document reference (文号). */
    documentRef?: string;
  }
>;

export type InvitationAccepted = Event<
  'InvitationAccepted',
  {
    caseId: string;
    invitationId: string;
    invitee: Agency;
    repliedOn: LegalDate;
    replyDueBy: LegalDate;
    late: boolean;
    /** v2, Art 4 书面回复: the written reply's document reference. */
    documentRef?: string;
  }
>;

export type InvitationDeclined = Event<
  'InvitationDeclined',
  {
    caseId: string;
    invitationId: string;
    invitee: Agency;
    repliedOn: LegalDate;
    replyDueBy: LegalDate;
    late: boolean;
    /** v2, Art 4 书面回复: the written reply's document reference. */
    documentRef?: string;
    reasons: string;
  }
>;

export type InvitationWithdrawn = Event<
  'InvitationWithdrawn',
  { caseId: string; invitationId: string; withdrawnOn: LegalDate; reasons: string }
>;

export type ActivityRecorded = Event<
  'ActivityRecorded',
  {
    caseId: string;
    activityId: string;
    kind: ActivityKind;
    /** Required for OTHER; a short note or null otherwise. */
    description: string | null;
    heldOn: LegalDate;
    agencies: readonly Agency[];
    partyIds: readonly string[];
    /** Anyone else present, by name and capacity (organ staff, mediators, experts). */
    others: readonly string[];
  }
>;

export type MediatorAssigned = Event<
  'MediatorAssigned',
  { caseId: string; mediator: AssignedMediator; assignedOn: LegalDate }
>;

export type RiskAssessed = Event<
  'RiskAssessed',
  {
    caseId: string;
    assessmentId: string;
    level: RiskLevel;
    peopleInvolved: number;
    massIncidentRisk: boolean;
    factors: readonly string[];
    assessedOn: LegalDate;
    majorRisk: boolean;
    majorRiskReasons: readonly MajorRiskReason[];
    /** Art 10: for a major-risk assessment, when the report to county leadership is due; else null. */
    escalationDeadline: CaseDeadline | null;
    /** v2, Art 10: for a major-risk assessment, when the prevention and handling plan is due; else null. */
    planDeadline?: CaseDeadline | null;
  }
>;

export type PreventionPlanAdopted = Event<
  'PreventionPlanAdopted',
  {
    caseId: string;
    planId: string;
    assessmentId: string;
    adoptedOn: LegalDate;
    summary: string;
    measures: readonly string[];
    /** v2: a plan was owed (major risk): the date it was due, and whether it came after; absent under v1. */
    dueBy?: LegalDate | null;
    late?: boolean;
  }
>;

export type RiskEscalated = Event<
  'RiskEscalated',
  {
    caseId: string;
    escalationId: string;
    /** The assessment that made the report due, or the latest one when none was due. */
    assessmentId: string;
    escalatedOn: LegalDate;
    reportedTo: 'COUNTY_PARTY_COMMITTEE_AND_GOVERNMENT';
    summary: string;
    majorRisk: boolean;
    /** Null when the case was not major risk: nothing was due. */
    dueBy: LegalDate | null;
    dueExplanation: CaseDeadlineExplanation | null;
    late: boolean;
  }
>;

export type ParticipationRequested = Event<
  'ParticipationRequested',
  {
    caseId: string;
    requestId: string;
    requestedBy: Agency;
    organ: CaseRespondent;
    requestedOn: LegalDate;
    sessionOn: LegalDate;
    purpose: string;
  }
>;

export type AttendanceRecorded = Event<
  'AttendanceRecorded',
  {
    caseId: string;
    requestId: string;
    attendance: AttendanceKind;
    /** Who attended, when ATTENDED; else null. */
    attendee: { readonly name: string; readonly role: OrganHeadRole } | null;
    /** The reason given, when ABSENT_JUSTIFIED; else null. */
    justification: string | null;
    sessionOn: LegalDate;
    /** v2: the notifying agency that recorded it. */
    recordedBy?: Agency;
  }
>;

export type AbsenceReported = Event<
  'AbsenceReported',
  {
    caseId: string;
    requestId: string;
    organ: CaseRespondent;
    reportedOn: LegalDate;
    reportedTo: 'COUNTY_GOVERNMENT';
    note: string;
  }
>;

export type ReliefCoordinated = Event<
  'ReliefCoordinated',
  {
    caseId: string;
    reliefId: string;
    partyId: string;
    department: string;
    coordinatedOn: LegalDate;
    /** Art 9 precondition: no effective compensation or indemnity through reconsideration, litigation or supervision. */
    noEffectiveRemedy: true;
    /** Art 9 precondition: the party truly lives in great hardship. */
    greatHardship: true;
    basis: string;
  }
>;

export type OutcomeRecorded = Event<
  'OutcomeRecorded',
  {
    caseId: string;
    outcome: CaseOutcome;
    decidedOn: LegalDate;
    summary: string;
    /** Art 2: the consents the outcome rests on (consent-based outcomes), else empty. */
    consents: readonly { readonly partyId: string; readonly givenOn: LegalDate }[];
    /** v2, WITHDRAWN: the applicants who withdrew, and in litigation the court's approval (准许). */
    withdrawal?: {
      readonly partyIds: readonly string[];
      readonly courtApproval: { readonly approvedOn: LegalDate; readonly documentRef: string } | null;
    } | null;
    /** v2, SETTLED: the respondent organ's agreement to the settlement (和解), as well as the parties'. */
    organAgreement?: { readonly agreedOn: LegalDate; readonly signatory: string } | null;
  }
>;

export type CaseClosed = Event<
  'CaseClosed',
  {
    caseId: string;
    closedOn: LegalDate;
    /** Invitations still open at closing: they lapse with the case. */
    lapsedInvitationIds: readonly string[];
  }
>;

export type CaseEvent =
  | CaseRegistered
  | CaseLinked
  | NonSupportDecisionRecorded
  | LitigationRiskFound
  | EligibilityAssessed
  | ResolutionOpened
  | ConsentRecorded
  | InvitationIssued
  | InvitationAccepted
  | InvitationDeclined
  | InvitationWithdrawn
  | ActivityRecorded
  | MediatorAssigned
  | RiskAssessed
  | PreventionPlanAdopted
  | RiskEscalated
  | ParticipationRequested
  | AttendanceRecorded
  | AbsenceReported
  | ReliefCoordinated
  | OutcomeRecorded
  | CaseClosed;

export const CASE_EVENT_SCHEMA_VERSIONS: Readonly<Record<CaseEvent['type'], number>> = {
  CaseRegistered: 1,
  CaseLinked: 1,
  NonSupportDecisionRecorded: 1,
  LitigationRiskFound: 1,
  EligibilityAssessed: 1,
  ResolutionOpened: 1,
  ConsentRecorded: 1,
  InvitationIssued: 1,
  InvitationAccepted: 1,
  InvitationDeclined: 1,
  InvitationWithdrawn: 1,
  ActivityRecorded: 1,
  MediatorAssigned: 1,
  RiskAssessed: 1,
  PreventionPlanAdopted: 1,
  RiskEscalated: 1,
  ParticipationRequested: 1,
  AttendanceRecorded: 1,
  AbsenceReported: 1,
  ReliefCoordinated: 1,
  OutcomeRecorded: 1,
  CaseClosed: 1,
};

export const CASE_EVENT_TYPES = Object.keys(CASE_EVENT_SCHEMA_VERSIONS) as readonly CaseEvent['type'][];
