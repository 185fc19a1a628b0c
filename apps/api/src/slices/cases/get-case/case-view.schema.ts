import {
  ACTIVITY_KINDS,
  AGENCIES,
  ATTENDANCE_KINDS,
  CASE_CHANNELS,
  CASE_OUTCOMES,
  CASE_PARTY_ID_SCHEMES,
  CASE_PARTY_KINDS,
  CONSENT_STATES,
  ELIGIBILITY_CATEGORIES,
  ELIGIBILITY_OUTCOMES,
  LITIGATION_RISKS,
  MEDIATOR_SOURCES,
  ORGAN_HEAD_ROLES,
  RISK_LEVELS,
} from '@accord/events';
import { CASE_STAGES } from '@accord/domain';
import {
  bool,
  date,
  int,
  list,
  obj,
  oneOf,
  ORGAN_REF,
  orNull,
  STORED_DEADLINE,
  str,
} from '../../../http/schema';

const agency = oneOf(AGENCIES);
// `provisional` (v2): the due date rests on a year without an official holiday schedule; absent under v1.
const deadline = obj({ dueBy: date(), provisional: bool(), explanation: STORED_DEADLINE }, ['provisional']);
const owed = obj({ assessmentId: str(), dueBy: date(), explanation: STORED_DEADLINE });

const eligibility = obj({
  assessmentId: str(),
  outcome: oneOf(ELIGIBILITY_OUTCOMES),
  grounds: list(obj({ category: oneOf(ELIGIBILITY_CATEGORIES), reasons: str() })),
  legalExplanation: orNull(str('释法说理: only for CLEARLY_UNLAWFUL_OR_UNREASONABLE.')),
  assessedOn: date(),
});

const invitation = obj({
  invitationId: str(),
  from: agency,
  to: agency,
  article: oneOf(['Art 4', 'Art 5', 'Art 6']),
  grounds: str(),
  noticeServedOn: date(),
  noticeDeadline: deadline,
  replyDeadline: deadline,
  noticePeriodStart: orNull(
    obj({ fact: oneOf(['ACCEPTANCE', 'NON_SUPPORT_DECISION', 'RISK_FINDING']), on: date() }),
  ),
  noticeLate: bool('Served after the notice period (v2 records it; v1 refused it).'),
  addressee: orNull(obj({ agency, department: str() })),
  documentRef: orNull(str('Art 4 书面通知: the notice’s document reference (v2).')),
  replyDocumentRef: orNull(str('Art 4 书面回复: the reply’s document reference (v2).')),
  status: oneOf(['open', 'accepted', 'declined', 'withdrawn', 'lapsed']),
  repliedOn: orNull(date()),
  late: orNull(bool('Replied after the reply deadline; null until replied.')),
  declineReasons: orNull(str()),
  withdrawnOn: orNull(date()),
  withdrawalReasons: orNull(str()),
});

const riskAssessment = obj({
  assessmentId: str(),
  level: oneOf(RISK_LEVELS),
  peopleInvolved: int(),
  massIncidentRisk: bool(),
  factors: list(str()),
  assessedOn: date(),
  majorRisk: bool(),
  majorRiskReasons: list(oneOf(['LEVEL_MAJOR', 'MASS_INCIDENT_RISK', 'PEOPLE_THRESHOLD'])),
});

const risk = obj({
  assessments: list(riskAssessment, 'Oldest first; the last is current.'),
  majorRisk: bool(),
  escalationDue: orNull(owed),
  escalations: list(
    obj({
      escalationId: str(),
      assessmentId: str(),
      escalatedOn: date(),
      summary: str(),
      majorRisk: bool(),
      dueBy: orNull(date()),
      late: bool(),
    }),
  ),
  plans: list(
    obj({ planId: str(), assessmentId: str(), adoptedOn: date(), summary: str(), measures: list(str()) }),
  ),
  planDue: orNull(owed),
});

const participationRequest = obj({
  requestId: str(),
  requestedBy: agency,
  organ: ORGAN_REF,
  requestedOn: date(),
  sessionOn: date(),
  purpose: str(),
  attendance: orNull(
    obj({
      kind: oneOf(ATTENDANCE_KINDS),
      attendee: orNull(obj({ name: str(), role: oneOf(ORGAN_HEAD_ROLES) })),
      justification: orNull(str()),
    }),
  ),
  absenceReport: orNull(obj({ reportedOn: date(), note: str() })),
});

/** The whole case, for its participants and auditors (Art 17). */
export const CASE_FULL = obj({
  status: oneOf(['open', 'closed']),
  stage: oneOf(CASE_STAGES),
  caseId: str(),
  channel: oneOf(CASE_CHANNELS),
  leadAgency: agency,
  externalCaseNumber: str(),
  acceptedOn: date(),
  parties: list(
    obj({
      partyId: str(),
      kind: oneOf(CASE_PARTY_KINDS),
      name: str(),
      idScheme: oneOf(CASE_PARTY_ID_SCHEMES),
      idNumber: str(),
      consent: orNull(oneOf(CONSENT_STATES)),
      consentOn: orNull(date()),
    }),
  ),
  respondent: ORGAN_REF,
  matter: str(),
  peopleInvolved: int(),
  participants: list(agency, 'The lead agency first, then each agency that accepted an invitation.'),
  links: list(obj({ caseId: str(), channel: oneOf(CASE_CHANNELS), note: str() })),
  riskFinding: orNull(obj({ foundOn: date(), risks: list(oneOf(LITIGATION_RISKS)), reasons: str() })),
  nonSupportDecision: orNull(obj({ decisionNumber: str(), decidedOn: date(), summary: str() })),
  eligibility: orNull(eligibility),
  supersededEligibility: list(eligibility),
  resolution: orNull(
    obj({
      openedOn: date(),
      assessmentId: str(),
      status: oneOf(['open', 'ended']),
      endedOn: orNull(date()),
      endReason: orNull(oneOf(['OUTCOME', 'INELIGIBLE'])),
    }),
  ),
  invitations: list(invitation),
  activities: list(
    obj({
      activityId: str(),
      kind: oneOf(ACTIVITY_KINDS),
      description: orNull(str()),
      heldOn: date(),
      agencies: list(agency),
      partyIds: list(str()),
      others: list(str()),
    }),
  ),
  mediators: list(
    obj({
      mediatorId: str(),
      name: str(),
      source: oneOf(MEDIATOR_SOURCES),
      organisationCode: orNull(str()),
      assignedOn: date(),
    }),
  ),
  risk,
  participationRequests: list(participationRequest),
  reliefs: list(
    obj({ reliefId: str(), partyId: str(), department: str(), coordinatedOn: date(), basis: str() }),
  ),
  outcome: orNull(
    obj(
      {
        outcome: oneOf(CASE_OUTCOMES),
        decidedOn: date(),
        summary: str(),
        consents: list(obj({ partyId: str(), givenOn: date() })),
        // v2, WITHDRAWN: who withdrew, and in litigation the court's approval (准许); absent under v1.
        withdrawal: orNull(
          obj({
            partyIds: list(str()),
            courtApproval: orNull(obj({ approvedOn: date(), documentRef: str() })),
          }),
        ),
        // v2, SETTLED: the respondent organ's agreement (和解); absent under v1.
        organAgreement: orNull(obj({ agreedOn: date(), signatory: str() })),
      },
      ['withdrawal', 'organAgreement'],
    ),
  ),
  closedOn: orNull(date()),
});

/** What an agency with an open invitation sees (Art 4/7, Art 17): the notice's facts and its own invitations. */
export const CASE_REDUCED = obj({
  caseId: str(),
  status: oneOf(['open', 'closed']),
  channel: oneOf(CASE_CHANNELS),
  leadAgency: agency,
  externalCaseNumber: str(),
  acceptedOn: date(),
  respondent: ORGAN_REF,
  matter: str(),
  invitations: list(invitation),
});

export const CASE_VIEW_SCHEMAS = { CaseFull: CASE_FULL, CaseReduced: CASE_REDUCED };
