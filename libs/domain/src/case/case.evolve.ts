import type { CaseEvent } from '@accord/events';
import type {
  CaseInvitation,
  CaseStage,
  CaseState,
  ParticipationRequest,
  RegisteredCase,
} from './case.state';

/** Folds one event into the case. Returns a new state and never touches the one it was given. */
export function evolveCase(state: CaseState, event: CaseEvent): CaseState {
  if (event.type === 'CaseRegistered') {
    const d = event.data;
    return withStage({
      status: 'open',
      stage: 'REGISTERED',
      caseId: d.caseId,
      channel: d.channel,
      leadAgency: d.leadAgency,
      externalCaseNumber: d.externalCaseNumber,
      acceptedOn: d.acceptedOn,
      parties: d.parties.map((p) => ({ ...p, consent: null, consentOn: null })),
      respondent: d.respondent,
      matter: d.matter,
      peopleInvolved: d.peopleInvolved,
      participants: [d.leadAgency],
      links: [],
      riskFinding: null,
      nonSupportDecision: null,
      eligibility: null,
      supersededEligibility: [],
      resolution: null,
      invitations: [],
      activities: [],
      mediators: [],
      risk: {
        assessments: [],
        majorRisk: false,
        escalationDue: null,
        escalations: [],
        plans: [],
        planDue: null,
      },
      participationRequests: [],
      reliefs: [],
      outcome: null,
      closedOn: null,
    });
  }
  if (state.status === 'none') {
    // A case stream always starts with CaseRegistered; anything else means the stream is corrupt.
    throw new Error(`case stream: ${event.type} before CaseRegistered`);
  }
  return withStage(evolveRegistered(state, event));
}

function evolveRegistered(
  s: RegisteredCase,
  event: Exclude<CaseEvent, { type: 'CaseRegistered' }>,
): RegisteredCase {
  switch (event.type) {
    case 'CaseLinked': {
      const d = event.data;
      return {
        ...s,
        links: [...s.links, { caseId: d.linkedCaseId, channel: d.linkedChannel, note: d.note }],
      };
    }
    case 'LitigationRiskFound': {
      const { foundOn, risks, reasons } = event.data;
      return { ...s, riskFinding: { foundOn, risks, reasons } };
    }
    case 'NonSupportDecisionRecorded': {
      const { decisionNumber, decidedOn, summary } = event.data;
      return { ...s, nonSupportDecision: { decisionNumber, decidedOn, summary } };
    }
    case 'EligibilityAssessed': {
      const d = event.data;
      const assessment = {
        assessmentId: d.assessmentId,
        outcome: d.outcome,
        grounds: d.grounds,
        legalExplanation: d.legalExplanation,
        assessedOn: d.assessedOn,
      };
      const resolution =
        d.endsResolution && s.resolution
          ? {
              ...s.resolution,
              status: 'ended' as const,
              endedOn: d.assessedOn,
              endReason: 'INELIGIBLE' as const,
            }
          : s.resolution;
      return {
        ...s,
        eligibility: assessment,
        supersededEligibility: s.eligibility
          ? [...s.supersededEligibility, s.eligibility]
          : s.supersededEligibility,
        resolution,
      };
    }
    case 'ResolutionOpened':
      return {
        ...s,
        resolution: {
          openedOn: event.data.openedOn,
          assessmentId: event.data.assessmentId,
          status: 'open',
          endedOn: null,
          endReason: null,
        },
      };
    case 'ConsentRecorded': {
      const { partyId, consent, on } = event.data;
      return {
        ...s,
        parties: s.parties.map((p) => (p.partyId === partyId ? { ...p, consent, consentOn: on } : p)),
      };
    }
    case 'InvitationIssued': {
      const d = event.data;
      const invitation: CaseInvitation = {
        invitationId: d.invitationId,
        from: d.from,
        to: d.to,
        article: d.article,
        grounds: d.grounds,
        noticeServedOn: d.noticeServedOn,
        noticeDeadline: d.noticeDeadline,
        replyDeadline: d.replyDeadline,
        // Fields absent on invitations recorded under v1 read as v1 had them.
        noticePeriodStart: d.noticePeriodStart ?? null,
        noticeLate: d.noticeLate ?? false,
        addressee: d.addressee ?? null,
        documentRef: d.documentRef ?? null,
        replyDocumentRef: null,
        status: 'open',
        repliedOn: null,
        late: null,
        declineReasons: null,
        withdrawnOn: null,
        withdrawalReasons: null,
      };
      return { ...s, invitations: [...s.invitations, invitation] };
    }
    case 'InvitationAccepted': {
      const d = event.data;
      return {
        ...s,
        participants: s.participants.includes(d.invitee) ? s.participants : [...s.participants, d.invitee],
        invitations: updateInvitation(s.invitations, d.invitationId, (i) => ({
          ...i,
          status: 'accepted',
          repliedOn: d.repliedOn,
          late: d.late,
          replyDocumentRef: d.documentRef ?? null,
        })),
      };
    }
    case 'InvitationDeclined': {
      const d = event.data;
      return {
        ...s,
        invitations: updateInvitation(s.invitations, d.invitationId, (i) => ({
          ...i,
          status: 'declined',
          repliedOn: d.repliedOn,
          late: d.late,
          replyDocumentRef: d.documentRef ?? null,
          declineReasons: d.reasons,
        })),
      };
    }
    case 'InvitationWithdrawn': {
      const d = event.data;
      return {
        ...s,
        invitations: updateInvitation(s.invitations, d.invitationId, (i) => ({
          ...i,
          status: 'withdrawn',
          withdrawnOn: d.withdrawnOn,
          withdrawalReasons: d.reasons,
        })),
      };
    }
    case 'ActivityRecorded': {
      const { caseId: _caseId, ...activity } = event.data;
      return { ...s, activities: [...s.activities, activity] };
    }
    case 'MediatorAssigned':
      return {
        ...s,
        mediators: [...s.mediators, { ...event.data.mediator, assignedOn: event.data.assignedOn }],
      };
    case 'RiskAssessed': {
      const { caseId: _caseId, escalationDeadline, planDeadline, ...assessment } = event.data;
      // Art 10: once a major risk is found the report is owed from that assessment until it is made;
      // a later, milder assessment does not cancel it.
      const escalationDue =
        s.risk.escalationDue ??
        (escalationDeadline
          ? {
              assessmentId: assessment.assessmentId,
              dueBy: escalationDeadline.dueBy,
              explanation: escalationDeadline.explanation,
            }
          : null);
      // v2: the plan is owed the same way, from the first major-risk assessment until adopted.
      const planDue =
        s.risk.planDue ??
        (planDeadline
          ? {
              assessmentId: assessment.assessmentId,
              dueBy: planDeadline.dueBy,
              explanation: planDeadline.explanation,
            }
          : null);
      return {
        ...s,
        risk: {
          ...s.risk,
          assessments: [...s.risk.assessments, assessment],
          majorRisk: assessment.majorRisk,
          escalationDue,
          planDue,
        },
      };
    }
    case 'PreventionPlanAdopted': {
      const { caseId: _caseId, ...plan } = event.data;
      return { ...s, risk: { ...s.risk, plans: [...s.risk.plans, plan], planDue: null } };
    }
    case 'RiskEscalated': {
      const d = event.data;
      return {
        ...s,
        risk: {
          ...s.risk,
          escalationDue: null,
          escalations: [
            ...s.risk.escalations,
            {
              escalationId: d.escalationId,
              assessmentId: d.assessmentId,
              escalatedOn: d.escalatedOn,
              summary: d.summary,
              majorRisk: d.majorRisk,
              dueBy: d.dueBy,
              late: d.late,
            },
          ],
        },
      };
    }
    case 'ParticipationRequested': {
      const d = event.data;
      const request: ParticipationRequest = {
        requestId: d.requestId,
        requestedBy: d.requestedBy,
        organ: d.organ,
        requestedOn: d.requestedOn,
        sessionOn: d.sessionOn,
        purpose: d.purpose,
        attendance: null,
        absenceReport: null,
      };
      return { ...s, participationRequests: [...s.participationRequests, request] };
    }
    case 'AttendanceRecorded': {
      const d = event.data;
      return {
        ...s,
        participationRequests: updateRequest(s.participationRequests, d.requestId, (r) => ({
          ...r,
          attendance: { kind: d.attendance, attendee: d.attendee, justification: d.justification },
        })),
      };
    }
    case 'AbsenceReported': {
      const d = event.data;
      return {
        ...s,
        participationRequests: updateRequest(s.participationRequests, d.requestId, (r) => ({
          ...r,
          absenceReport: { reportedOn: d.reportedOn, note: d.note },
        })),
      };
    }
    case 'ReliefCoordinated': {
      const d = event.data;
      return {
        ...s,
        reliefs: [
          ...s.reliefs,
          {
            reliefId: d.reliefId,
            partyId: d.partyId,
            department: d.department,
            coordinatedOn: d.coordinatedOn,
            basis: d.basis,
          },
        ],
      };
    }
    case 'OutcomeRecorded': {
      const { caseId: _caseId, ...outcome } = event.data;
      const resolution =
        s.resolution && s.resolution.status === 'open'
          ? {
              ...s.resolution,
              status: 'ended' as const,
              endedOn: outcome.decidedOn,
              endReason: 'OUTCOME' as const,
            }
          : s.resolution;
      return { ...s, outcome, resolution };
    }
    case 'CaseClosed': {
      const lapsed = new Set(event.data.lapsedInvitationIds);
      return {
        ...s,
        status: 'closed',
        closedOn: event.data.closedOn,
        invitations: s.invitations.map((i) =>
          lapsed.has(i.invitationId) ? { ...i, status: 'lapsed' as const } : i,
        ),
      };
    }
    default: {
      const _exhaustive: never = event;
      return _exhaustive;
    }
  }
}

function updateInvitation(
  invitations: readonly CaseInvitation[],
  invitationId: string,
  change: (invitation: CaseInvitation) => CaseInvitation,
): readonly CaseInvitation[] {
  return invitations.map((i) => (i.invitationId === invitationId ? change(i) : i));
}

function updateRequest(
  requests: readonly ParticipationRequest[],
  requestId: string,
  change: (request: ParticipationRequest) => ParticipationRequest,
): readonly ParticipationRequest[] {
  return requests.map((r) => (r.requestId === requestId ? change(r) : r));
}

function withStage(s: RegisteredCase): RegisteredCase {
  const stage = stageOf(s);
  return stage === s.stage ? s : { ...s, stage };
}

function stageOf(s: RegisteredCase): CaseStage {
  if (s.status === 'closed') return 'CLOSED';
  if (s.outcome) return 'OUTCOME_RECORDED';
  if (s.resolution?.status === 'open') return 'RESOLUTION_OPEN';
  if (s.resolution?.status === 'ended') return 'RESOLUTION_ENDED';
  if (s.eligibility) return 'ELIGIBILITY_ASSESSED';
  return 'REGISTERED';
}
