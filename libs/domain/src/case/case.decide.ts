import {
  ACTIVITY_KINDS,
  ATTENDANCE_KINDS,
  CASE_CHANNELS,
  CASE_OUTCOMES,
  CASE_PARTY_ID_SCHEMES,
  CASE_PARTY_KINDS,
  CONSENT_BASED_OUTCOMES,
  CONSENT_STATES,
  ELIGIBILITY_CATEGORIES,
  ELIGIBILITY_OUTCOMES,
  LEAD_AGENCY_OF_CHANNEL,
  ORGAN_HEAD_ROLES,
  RISK_LEVELS,
  isAgency,
  type Agency,
  type CaseChannel,
  type CaseEvent,
  type CaseParty,
  type EligibilityGround,
  type InvitationArticle,
  type MajorRiskReason,
  sameOrganCode,
} from '@accord/events';
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
  RegisterCase,
  ReplyToInvitation,
  ReportAbsence,
  RequestParticipation,
  WithdrawInvitation,
} from './case.commands';
import { caseError } from './case.errors';
import {
  actingAgency,
  notBefore,
  optionalText,
  participantCase,
  pastDate,
  requireBoolean,
  requireCount,
  requireDate,
  requireLeadAgency,
  requireLeadRole,
  requireNewId,
  requireOneOf,
  requireText,
  requireTextList,
  storedDeadline,
  today,
  visibleCase,
} from './case.guards';
import type { CaseState, RegisteredCase } from './case.state';

/** Decides a case command: the events it produces, or a RuleError naming the rule it breaks. */
export function decideCase(command: CaseCommand, state: CaseState): readonly CaseEvent[] {
  switch (command.type) {
    case 'RegisterCase':
      return registerCase(command, state);
    case 'LinkCase':
      return linkCase(command, state);
    case 'RecordNonSupportDecision':
      return recordNonSupportDecision(command, state);
    case 'AssessEligibility':
      return assessEligibility(command, state);
    case 'OpenResolution':
      return openResolution(command, state);
    case 'RecordConsent':
      return recordConsent(command, state);
    case 'IssueInvitation':
      return issueInvitation(command, state);
    case 'ReplyToInvitation':
      return replyToInvitation(command, state);
    case 'WithdrawInvitation':
      return withdrawInvitation(command, state);
    case 'RecordActivity':
      return recordActivity(command, state);
    case 'AssignMediator':
      return assignMediator(command, state);
    case 'AssessRisk':
      return assessRisk(command, state);
    case 'AdoptPreventionPlan':
      return adoptPreventionPlan(command, state);
    case 'EscalateRisk':
      return escalateRisk(command, state);
    case 'RequestParticipation':
      return requestParticipation(command, state);
    case 'RecordAttendance':
      return recordAttendance(command, state);
    case 'ReportAbsence':
      return reportAbsence(command, state);
    case 'CoordinateRelief':
      return coordinateRelief(command, state);
    case 'RecordOutcome':
      return recordOutcome(command, state);
    case 'CloseCase':
      return closeCase(command, state);
    default: {
      const _exhaustive: never = command;
      return _exhaustive;
    }
  }
}

function registerCase({ data, metadata }: RegisterCase, state: CaseState): CaseEvent[] {
  const agency = actingAgency(metadata);
  const channel = requireOneOf(data.channel, CASE_CHANNELS, 'channel');
  // Art 1: each agency handles its own channel (复议 / 诉讼 / 检察), so only that agency opens a case in it.
  const leadAgency = LEAD_AGENCY_OF_CHANNEL[channel];
  if (agency !== leadAgency) throw caseError('CASE_REGISTRAR_NOT_LEAD', { channel, leadAgency, agency });
  if (state.status !== 'none') throw caseError('CASE_ALREADY_REGISTERED', { caseId: state.caseId });
  const caseId = requireText(data.caseId, 'caseId');
  const acceptedOn = pastDate(data.acceptedOn, 'acceptedOn', today(metadata));
  const parties = validParties(data.parties);
  const respondent = {
    code: requireText(data.respondent?.code, 'respondent.code'),
    name: requireText(data.respondent?.name, 'respondent.name'),
  };
  return [
    {
      type: 'CaseRegistered',
      data: {
        caseId,
        channel,
        leadAgency,
        externalCaseNumber: requireText(data.externalCaseNumber, 'externalCaseNumber'),
        acceptedOn,
        parties,
        respondent,
        matter: requireText(data.matter, 'matter'),
        peopleInvolved: requireCount(data.peopleInvolved, 'peopleInvolved', 1),
      },
    },
  ];
}

const PERSONAL_ID_SCHEMES = ['RESIDENT_ID', 'PASSPORT', 'OTHER'] as const;
const ORGANISATION_ID_SCHEMES = ['USCC', 'OTHER'] as const;

function validParties(value: unknown): CaseParty[] {
  if (!Array.isArray(value))
    throw caseError('CASE_INVALID_INPUT', { field: 'parties', problem: 'must be a list' });
  // Art 2: the Measures protect 自然人、法人和其他组织; a case is about at least one of them.
  if (value.length === 0) throw caseError('CASE_NO_PARTIES');
  const parties = (value as CaseParty[]).map((p, index): CaseParty => {
    const field = `parties[${index}]`;
    const kind = requireOneOf(p?.kind, CASE_PARTY_KINDS, `${field}.kind`);
    const idScheme = requireOneOf(p?.idScheme, CASE_PARTY_ID_SCHEMES, `${field}.idScheme`);
    const allowed: readonly string[] =
      kind === 'NATURAL_PERSON' ? PERSONAL_ID_SCHEMES : ORGANISATION_ID_SCHEMES;
    if (!allowed.includes(idScheme)) {
      throw caseError('CASE_PARTY_IDENTIFIER_INVALID', { partyId: p.partyId, kind, idScheme, allowed });
    }
    return {
      partyId: requireText(p.partyId, `${field}.partyId`),
      kind,
      name: requireText(p.name, `${field}.name`),
      idScheme,
      idNumber: requireText(p.idNumber, `${field}.idNumber`).trim(),
    };
  });
  const ids = new Set<string>();
  const identifiers = new Set<string>();
  for (const p of parties) {
    const identifier = `${p.idScheme}:${p.idNumber.toUpperCase()}`;
    if (ids.has(p.partyId) || identifiers.has(identifier)) {
      throw caseError('CASE_PARTY_DUPLICATE', { partyId: p.partyId });
    }
    ids.add(p.partyId);
    identifiers.add(identifier);
  }
  return parties;
}

function linkCase({ data, metadata }: LinkCase, state: CaseState): CaseEvent[] {
  const { s } = participantCase(state, data.caseId, metadata);
  const linkedCaseId = requireText(data.linkedCaseId, 'linkedCaseId');
  const linkedChannel = requireOneOf(data.linkedChannel, CASE_CHANNELS, 'linkedChannel');
  if (linkedCaseId === s.caseId) throw caseError('CASE_LINK_SELF', { caseId: s.caseId });
  // Art 1: one dispute, several channels (复议 → 诉讼 → 检察); links join those channels.
  if (linkedChannel === s.channel) throw caseError('CASE_LINK_SAME_CHANNEL', { channel: s.channel });
  if (s.links.some((l) => l.caseId === linkedCaseId))
    throw caseError('CASE_LINK_DUPLICATE', { linkedCaseId });
  return [
    { type: 'CaseLinked', data: { caseId: s.caseId, linkedCaseId, linkedChannel, note: data.note ?? '' } },
  ];
}

function recordNonSupportDecision(
  { data, metadata }: RecordNonSupportDecision,
  state: CaseState,
): CaseEvent[] {
  const { s, agency } = participantCase(state, data.caseId, metadata);
  // Art 6: 不支持监督申请决定 is the procuratorate's decision in a supervision case.
  if (s.channel !== 'PROCURATORIAL_SUPERVISION')
    throw caseError('NON_SUPPORT_WRONG_CHANNEL', { channel: s.channel });
  if (agency !== 'PROCURATORATE') throw caseError('NON_SUPPORT_NOT_PROCURATORATE', { agency });
  if (s.nonSupportDecision) {
    throw caseError('NON_SUPPORT_ALREADY_RECORDED', { decidedOn: s.nonSupportDecision.decidedOn });
  }
  const decidedOn = pastDate(data.decidedOn, 'decidedOn', today(metadata));
  notBefore(decidedOn, 'decidedOn', s.acceptedOn, 'acceptedOn');
  return [
    {
      type: 'NonSupportDecisionRecorded',
      data: {
        caseId: s.caseId,
        decisionNumber: requireText(data.decisionNumber, 'decisionNumber'),
        decidedOn,
        summary: requireText(data.summary, 'summary'),
      },
    },
  ];
}

function assessEligibility({ data, metadata }: AssessEligibility, state: CaseState): CaseEvent[] {
  const { s, agency } = participantCase(state, data.caseId, metadata);
  requireLeadAgency(s, agency, 'AssessEligibility');
  const outcome = requireOneOf(data.outcome, ELIGIBILITY_OUTCOMES, 'outcome');
  const assessmentId = requireNewId(
    [...s.supersededEligibility, ...(s.eligibility ? [s.eligibility] : [])].map((a) => a.assessmentId),
    data.assessmentId,
    'assessment',
  );
  const assessedOn = pastDate(data.assessedOn, 'assessedOn', today(metadata));
  notBefore(assessedOn, 'assessedOn', s.acceptedOn, 'acceptedOn');
  if (s.eligibility) notBefore(assessedOn, 'assessedOn', s.eligibility.assessedOn, 'previous assessment');
  const grounds = validGrounds(data.grounds, outcome);
  // Art 3 (last paragraph): clearly unlawful or unreasonable demands get 释法说理 instead of a resolution.
  const legalExplanation = optionalText(data.legalExplanation, 'legalExplanation');
  if ((outcome === 'CLEARLY_UNLAWFUL_OR_UNREASONABLE') !== (legalExplanation !== null)) {
    throw caseError('ELIGIBILITY_EXPLANATION_MISSING', { outcome });
  }
  const endsResolution = outcome !== 'ELIGIBLE' && s.resolution?.status === 'open';
  return [
    {
      type: 'EligibilityAssessed',
      data: {
        caseId: s.caseId,
        assessmentId,
        outcome,
        grounds,
        legalExplanation,
        assessedOn,
        supersedes: s.eligibility ? s.eligibility.assessmentId : null,
        endsResolution,
      },
    },
  ];
}

function validGrounds(value: unknown, outcome: (typeof ELIGIBILITY_OUTCOMES)[number]): EligibilityGround[] {
  if (!Array.isArray(value))
    throw caseError('CASE_INVALID_INPUT', { field: 'grounds', problem: 'must be a list' });
  const grounds = value as EligibilityGround[];
  if (outcome !== 'ELIGIBLE') {
    if (grounds.length > 0)
      throw caseError('ELIGIBILITY_GROUNDS_INVALID', { problem: 'an ineligible case names no category' });
    return [];
  }
  // Art 3 (一)–(六): at least one category, each with its reasons.
  if (grounds.length === 0) throw caseError('ELIGIBILITY_GROUNDS_INVALID', { problem: 'no category named' });
  const seen = new Set<number>();
  return grounds.map((g) => {
    if (!(ELIGIBILITY_CATEGORIES as readonly unknown[]).includes(g?.category)) {
      throw caseError('ELIGIBILITY_GROUNDS_INVALID', {
        problem: 'category must be 1 to 6',
        category: g?.category,
      });
    }
    if (seen.has(g.category)) {
      throw caseError('ELIGIBILITY_GROUNDS_INVALID', {
        problem: 'category named twice',
        category: g.category,
      });
    }
    seen.add(g.category);
    if (typeof g.reasons !== 'string' || g.reasons.trim() === '') {
      throw caseError('ELIGIBILITY_GROUNDS_INVALID', { problem: 'reasons missing', category: g.category });
    }
    return { category: g.category, reasons: g.reasons };
  });
}

function openResolution({ data, metadata }: OpenResolution, state: CaseState): CaseEvent[] {
  const { s, agency } = participantCase(state, data.caseId, metadata);
  requireLeadAgency(s, agency, 'OpenResolution');
  if (s.outcome) throw caseError('OUTCOME_ALREADY_RECORDED', { outcome: s.outcome.outcome });
  if (s.resolution?.status === 'open')
    throw caseError('RESOLUTION_ALREADY_OPEN', { openedOn: s.resolution.openedOn });
  // Art 3: only a case in one of the categories (一)–(六) is resolved; the current assessment decides.
  if (!s.eligibility || s.eligibility.outcome !== 'ELIGIBLE') {
    throw caseError('RESOLUTION_NOT_ELIGIBLE', {
      assessmentId: s.eligibility?.assessmentId ?? null,
      outcome: s.eligibility?.outcome ?? null,
    });
  }
  const openedOn = pastDate(data.openedOn, 'openedOn', today(metadata));
  notBefore(openedOn, 'openedOn', s.eligibility.assessedOn, 'eligibility assessment');
  return [
    {
      type: 'ResolutionOpened',
      data: { caseId: s.caseId, openedOn, assessmentId: s.eligibility.assessmentId },
    },
  ];
}

function recordConsent({ data, metadata }: RecordConsent, state: CaseState): CaseEvent[] {
  const { s } = participantCase(state, data.caseId, metadata);
  const party = partyOf(s, data.partyId);
  const consent = requireOneOf(data.consent, CONSENT_STATES, 'consent');
  const on = pastDate(data.on, 'on', today(metadata));
  // Art 2 (自愿): the latest record is the party's current will, so records must run forward in time.
  if (party.consentOn !== null && on < party.consentOn) {
    throw caseError('CONSENT_OUT_OF_ORDER', { partyId: party.partyId, on, latest: party.consentOn });
  }
  return [
    {
      type: 'ConsentRecorded',
      data: { caseId: s.caseId, partyId: party.partyId, consent, on, note: data.note ?? '' },
    },
  ];
}

function partyOf(s: RegisteredCase, partyId: unknown) {
  const party = s.parties.find((p) => p.partyId === partyId);
  if (!party) throw caseError('CASE_UNKNOWN_PARTY', { partyId });
  return party;
}

/** Arts 4–6: who may invite whom, by the channel of the inviting agency's case; Art 7 applies Art 4's procedure. */
const INVITATIONS: Readonly<
  Record<CaseChannel, { article: InvitationArticle; invitees: readonly Agency[] }>
> = {
  RECONSIDERATION: { article: 'Art 4', invitees: ['PROCURATORATE'] },
  LITIGATION: { article: 'Art 5', invitees: ['GOV_OFFICE', 'PROCURATORATE'] },
  PROCURATORIAL_SUPERVISION: { article: 'Art 6', invitees: ['GOV_OFFICE', 'COURT'] },
};

function issueInvitation({ data, metadata }: IssueInvitation, state: CaseState): CaseEvent[] {
  const { s, agency } = participantCase(state, data.caseId, metadata);
  if (!isAgency(data.to))
    throw caseError('CASE_INVALID_INPUT', { field: 'to', problem: 'must be an agency', value: data.to });
  const to = data.to;
  const { article, invitees } = INVITATIONS[s.channel];
  if (to === agency) throw caseError('INVITATION_SELF', { agency });
  if (agency !== s.leadAgency || !invitees.includes(to)) {
    throw caseError('INVITATION_NOT_PERMITTED', { channel: s.channel, from: agency, to, allowed: invitees });
  }
  if (s.participants.includes(to)) throw caseError('INVITATION_INVITEE_ALREADY_PARTICIPANT', { to });
  const open = s.invitations.find((i) => i.status === 'open' && i.to === to);
  if (open) throw caseError('INVITATION_ALREADY_OPEN', { to, invitationId: open.invitationId });
  const invitationId = requireNewId(
    s.invitations.map((i) => i.invitationId),
    data.invitationId,
    'invitation',
  );
  const grounds = requireText(data.grounds, 'grounds');
  const noticeServedOn = pastDate(data.noticeServedOn, 'noticeServedOn', today(metadata));
  notBefore(noticeServedOn, 'noticeServedOn', s.acceptedOn, 'acceptedOn');
  // Art 6: the procuratorate invites only after deciding not to support the supervision application.
  if (s.channel === 'PROCURATORIAL_SUPERVISION') {
    if (!s.nonSupportDecision || noticeServedOn < s.nonSupportDecision.decidedOn) {
      throw caseError('INVITATION_NEEDS_NON_SUPPORT_DECISION', {
        noticeServedOn,
        decidedOn: s.nonSupportDecision?.decidedOn ?? null,
      });
    }
  }
  // Art 4, Art 7: written notice within 30 days of acceptance, counted by the calendar.
  const noticeDeadline = storedDeadline(
    metadata.calendar.deadline(s.acceptedOn, metadata.rules.invitationNotice),
  );
  if (noticeServedOn > noticeDeadline.dueBy) {
    throw caseError('INVITATION_NOTICE_LATE', {
      acceptedOn: s.acceptedOn,
      noticeServedOn,
      dueBy: noticeDeadline.dueBy,
      explanation: noticeDeadline.explanation.text,
    });
  }
  // Art 4, Art 7: the invitee replies in writing within 3 days of receiving the notice.
  const replyDeadline = storedDeadline(
    metadata.calendar.deadline(noticeServedOn, metadata.rules.invitationReply),
  );
  return [
    {
      type: 'InvitationIssued',
      data: {
        caseId: s.caseId,
        invitationId,
        from: agency,
        to,
        article,
        grounds,
        noticeServedOn,
        noticeDeadline,
        replyDeadline,
      },
    },
  ];
}

function replyToInvitation({ data, metadata }: ReplyToInvitation, state: CaseState): CaseEvent[] {
  const agency = actingAgency(metadata);
  if (state.status === 'none' || state.caseId !== data.caseId)
    throw caseError('CASE_NOT_FOUND', { caseId: data.caseId });
  const invitation = state.invitations.find((i) => i.invitationId === data.invitationId);
  // An invitee keeps sight of its own invitation after answering it, so that a second reply learns
  // why it is refused; everyone else outside the case sees nothing (Art 17).
  const s = invitation && invitation.to === agency ? state : visibleCase(state, data.caseId, agency);
  if (s.status === 'closed') {
    throw caseError('CASE_CLOSED', { caseId: s.caseId, closedOn: s.closedOn });
  }
  if (!invitation) throw caseError('INVITATION_NOT_FOUND', { invitationId: data.invitationId });
  if (invitation.to !== agency)
    throw caseError('INVITATION_REPLY_NOT_INVITEE', { invitee: invitation.to, agency });
  requireOpen(invitation);
  const answer = requireOneOf(data.answer, ['ACCEPT', 'DECLINE'] as const, 'answer');
  const repliedOn = pastDate(data.repliedOn, 'repliedOn', today(metadata));
  notBefore(repliedOn, 'repliedOn', invitation.noticeServedOn, 'noticeServedOn');
  const replyDueBy = invitation.replyDeadline.dueBy;
  // Art 4: a late reply is still the invitee's answer; it is recorded as late, not refused.
  const late = repliedOn > replyDueBy;
  const base = {
    caseId: s.caseId,
    invitationId: invitation.invitationId,
    invitee: agency,
    repliedOn,
    replyDueBy,
    late,
  };
  if (answer === 'ACCEPT') {
    return [{ type: 'InvitationAccepted', data: base }];
  }
  if (typeof data.reasons !== 'string' || data.reasons.trim() === '') {
    throw caseError('INVITATION_DECLINE_REASONS_MISSING', { invitationId: invitation.invitationId });
  }
  return [{ type: 'InvitationDeclined', data: { ...base, reasons: data.reasons } }];
}

/** An answered invitation takes no second answer (conflict); a withdrawn or lapsed one takes none at all. */
function requireOpen(invitation: RegisteredCase['invitations'][number]): void {
  if (invitation.status === 'accepted' || invitation.status === 'declined') {
    throw caseError('INVITATION_ALREADY_ANSWERED', {
      invitationId: invitation.invitationId,
      answer: invitation.status,
      repliedOn: invitation.repliedOn,
    });
  }
  if (invitation.status !== 'open') {
    throw caseError('INVITATION_NOT_OPEN', {
      invitationId: invitation.invitationId,
      status: invitation.status,
    });
  }
}

function withdrawInvitation({ data, metadata }: WithdrawInvitation, state: CaseState): CaseEvent[] {
  const { s, agency } = participantCase(state, data.caseId, metadata);
  const invitation = s.invitations.find((i) => i.invitationId === data.invitationId);
  if (!invitation) throw caseError('INVITATION_NOT_FOUND', { invitationId: data.invitationId });
  if (invitation.from !== agency)
    throw caseError('INVITATION_WITHDRAW_NOT_INVITER', { inviter: invitation.from, agency });
  requireOpen(invitation);
  const withdrawnOn = pastDate(data.withdrawnOn, 'withdrawnOn', today(metadata));
  notBefore(withdrawnOn, 'withdrawnOn', invitation.noticeServedOn, 'noticeServedOn');
  return [
    {
      type: 'InvitationWithdrawn',
      data: {
        caseId: s.caseId,
        invitationId: invitation.invitationId,
        withdrawnOn,
        reasons: requireText(data.reasons, 'reasons'),
      },
    },
  ];
}

function recordActivity({ data, metadata }: RecordActivity, state: CaseState): CaseEvent[] {
  const { s } = participantCase(state, data.caseId, metadata);
  // Art 6 lists the methods of a resolution effort; they are its acts, so one must be under way.
  if (!s.resolution || s.resolution.status !== 'open') {
    throw caseError('RESOLUTION_NOT_OPEN', { resolution: s.resolution?.status ?? null });
  }
  const activityId = requireNewId(
    s.activities.map((a) => a.activityId),
    data.activityId,
    'activity',
  );
  const kind = requireOneOf(data.kind, ACTIVITY_KINDS, 'kind');
  const description = optionalText(data.description, 'description');
  if (kind === 'OTHER' && description === null) throw caseError('ACTIVITY_DESCRIPTION_MISSING');
  const heldOn = pastDate(data.heldOn, 'heldOn', today(metadata));
  notBefore(heldOn, 'heldOn', s.resolution.openedOn, 'resolution openedOn');
  if (!Array.isArray(data.agencies) || data.agencies.length === 0) {
    throw caseError('CASE_INVALID_INPUT', { field: 'agencies', problem: 'must name at least one agency' });
  }
  // Art 17: only agencies taking part are let into the case's sessions.
  const outsiders = data.agencies.filter((a) => !s.participants.includes(a));
  if (outsiders.length > 0) throw caseError('ACTIVITY_AGENCY_NOT_PARTICIPANT', { agencies: outsiders });
  const partyIds = requireTextList(data.partyIds, 'partyIds');
  for (const partyId of partyIds) partyOf(s, partyId);
  return [
    {
      type: 'ActivityRecorded',
      data: {
        caseId: s.caseId,
        activityId,
        kind,
        description,
        heldOn,
        agencies: [...new Set(data.agencies)],
        partyIds: [...new Set(partyIds)],
        others: requireTextList(data.others, 'others'),
      },
    },
  ];
}

function assignMediator({ data, metadata }: AssignMediator, state: CaseState): CaseEvent[] {
  const { s } = participantCase(state, data.caseId, metadata);
  const m = data.mediator;
  const mediatorId = requireText(m?.mediatorId, 'mediator.mediatorId');
  // Art 13: the pool is of people fit for the work; a suspended or removed member is not.
  if (m.status !== 'active')
    throw caseError('ASSIGNMENT_MEDIATOR_NOT_ACTIVE', { mediatorId, status: m.status });
  // Art 2 (fairness) with Art 13: no one mediates a dispute against their own organ.
  if (m.organisationCode !== null && sameCode(m.organisationCode, s.respondent.code)) {
    throw caseError('ASSIGNMENT_CONFLICT_OF_INTEREST', { mediatorId, organisationCode: m.organisationCode });
  }
  if (s.mediators.some((x) => x.mediatorId === mediatorId))
    throw caseError('ASSIGNMENT_DUPLICATE', { mediatorId });
  const assignedOn = pastDate(data.assignedOn, 'assignedOn', today(metadata));
  notBefore(assignedOn, 'assignedOn', s.acceptedOn, 'acceptedOn');
  return [
    {
      type: 'MediatorAssigned',
      data: {
        caseId: s.caseId,
        mediator: {
          mediatorId,
          name: requireText(m.name, 'mediator.name'),
          source: m.source,
          organisationCode:
            m.organisationCode === null ? null : requireText(m.organisationCode, 'mediator.organisationCode'),
        },
        assignedOn,
      },
    },
  ];
}

/** Organ codes are compared as codes: case and surrounding blanks do not make two organs different. */
/** Art 13: organ codes compared after NFKC and case folding, so no lookalike passes for another organ. */
function sameCode(a: string, b: string): boolean {
  return sameOrganCode(a.trim(), b.trim());
}

function assessRisk({ data, metadata }: AssessRisk, state: CaseState): CaseEvent[] {
  const { s } = participantCase(state, data.caseId, metadata);
  const assessmentId = requireNewId(
    s.risk.assessments.map((a) => a.assessmentId),
    data.assessmentId,
    'riskAssessment',
  );
  const level = requireOneOf(data.level, RISK_LEVELS, 'level');
  const peopleInvolved = requireCount(data.peopleInvolved, 'peopleInvolved', 1);
  const massIncidentRisk = requireBoolean(data.massIncidentRisk, 'massIncidentRisk');
  const factors = requireTextList(data.factors, 'factors');
  const assessedOn = pastDate(data.assessedOn, 'assessedOn', today(metadata));
  notBefore(assessedOn, 'assessedOn', s.acceptedOn, 'acceptedOn');
  const latest = s.risk.assessments[s.risk.assessments.length - 1];
  if (latest) notBefore(assessedOn, 'assessedOn', latest.assessedOn, 'previous risk assessment');
  // Art 10: 涉及人数众多、可能引发群体性事件等重大风险 — any one of these makes the case major risk.
  const majorRiskReasons: MajorRiskReason[] = [];
  if (level === 'MAJOR') majorRiskReasons.push('LEVEL_MAJOR');
  if (massIncidentRisk) majorRiskReasons.push('MASS_INCIDENT_RISK');
  if (peopleInvolved >= metadata.rules.majorRiskPeopleThreshold) majorRiskReasons.push('PEOPLE_THRESHOLD');
  const majorRisk = majorRiskReasons.length > 0;
  return [
    {
      type: 'RiskAssessed',
      data: {
        caseId: s.caseId,
        assessmentId,
        level,
        peopleInvolved,
        massIncidentRisk,
        factors,
        assessedOn,
        majorRisk,
        majorRiskReasons,
        // Art 10: 及时报告 — due within the rule set's period of the assessment.
        escalationDeadline: majorRisk
          ? storedDeadline(metadata.calendar.deadline(assessedOn, metadata.rules.majorRiskEscalation))
          : null,
      },
    },
  ];
}

function adoptPreventionPlan({ data, metadata }: AdoptPreventionPlan, state: CaseState): CaseEvent[] {
  const { s } = participantCase(state, data.caseId, metadata);
  const latest = s.risk.assessments[s.risk.assessments.length - 1];
  // Art 10: the plan answers an assessed risk.
  if (!latest) throw caseError('RISK_NOT_ASSESSED', { act: 'AdoptPreventionPlan' });
  const planId = requireNewId(
    s.risk.plans.map((p) => p.planId),
    data.planId,
    'plan',
  );
  const adoptedOn = pastDate(data.adoptedOn, 'adoptedOn', today(metadata));
  notBefore(adoptedOn, 'adoptedOn', latest.assessedOn, 'risk assessment');
  const measures = requireTextList(data.measures, 'measures');
  if (measures.length === 0)
    throw caseError('CASE_INVALID_INPUT', { field: 'measures', problem: 'must name at least one measure' });
  return [
    {
      type: 'PreventionPlanAdopted',
      data: {
        caseId: s.caseId,
        planId,
        assessmentId: latest.assessmentId,
        adoptedOn,
        summary: requireText(data.summary, 'summary'),
        measures,
      },
    },
  ];
}

function escalateRisk({ data, metadata }: EscalateRisk, state: CaseState): CaseEvent[] {
  const { s } = participantCase(state, data.caseId, metadata);
  // Art 10: a report to the county party committee and government speaks for the agency: a leader makes it.
  requireLeadRole(metadata, 'EscalateRisk');
  const latest = s.risk.assessments[s.risk.assessments.length - 1];
  if (!latest) throw caseError('RISK_NOT_ASSESSED', { act: 'EscalateRisk' });
  const escalationId = requireNewId(
    s.risk.escalations.map((e) => e.escalationId),
    data.escalationId,
    'escalation',
  );
  const due = s.risk.escalationDue;
  const basis = due
    ? (s.risk.assessments.find((a) => a.assessmentId === due.assessmentId) ?? latest)
    : latest;
  const escalatedOn = pastDate(data.escalatedOn, 'escalatedOn', today(metadata));
  notBefore(escalatedOn, 'escalatedOn', basis.assessedOn, 'risk assessment');
  return [
    {
      type: 'RiskEscalated',
      data: {
        caseId: s.caseId,
        escalationId,
        assessmentId: basis.assessmentId,
        escalatedOn,
        reportedTo: 'COUNTY_PARTY_COMMITTEE_AND_GOVERNMENT',
        summary: requireText(data.summary, 'summary'),
        // Reading: reporting a risk that is not major is allowed (Art 10 sets a floor, not a ceiling); nothing was due.
        majorRisk: due !== null || basis.majorRisk,
        dueBy: due ? due.dueBy : null,
        dueExplanation: due ? due.explanation : null,
        late: due !== null && escalatedOn > due.dueBy,
      },
    },
  ];
}

function requestParticipation({ data, metadata }: RequestParticipation, state: CaseState): CaseEvent[] {
  const { s, agency } = participantCase(state, data.caseId, metadata);
  const requestId = requireNewId(
    s.participationRequests.map((r) => r.requestId),
    data.requestId,
    'participationRequest',
  );
  const requestedOn = pastDate(data.requestedOn, 'requestedOn', today(metadata));
  notBefore(requestedOn, 'requestedOn', s.acceptedOn, 'acceptedOn');
  const sessionOn = requireDate(data.sessionOn, 'sessionOn');
  notBefore(sessionOn, 'sessionOn', requestedOn, 'requestedOn');
  return [
    {
      type: 'ParticipationRequested',
      data: {
        caseId: s.caseId,
        requestId,
        requestedBy: agency,
        // Art 12: the request goes to the organ whose act is disputed, for its principal or deputy head.
        organ: s.respondent,
        requestedOn,
        sessionOn,
        purpose: requireText(data.purpose, 'purpose'),
      },
    },
  ];
}

function requestOf(s: RegisteredCase, requestId: unknown) {
  const request = s.participationRequests.find((r) => r.requestId === requestId);
  if (!request) throw caseError('PARTICIPATION_REQUEST_NOT_FOUND', { requestId });
  return request;
}

function recordAttendance({ data, metadata }: RecordAttendance, state: CaseState): CaseEvent[] {
  const { s } = participantCase(state, data.caseId, metadata);
  const request = requestOf(s, data.requestId);
  if (request.attendance) throw caseError('ATTENDANCE_ALREADY_RECORDED', { requestId: request.requestId });
  const todayDate = today(metadata);
  if (todayDate < request.sessionOn) {
    throw caseError('ATTENDANCE_BEFORE_SESSION', { sessionOn: request.sessionOn, today: todayDate });
  }
  const attendance = requireOneOf(data.attendance, ATTENDANCE_KINDS, 'attendance');
  const attendee = data.attendee ?? null;
  const justification = data.justification ?? null;
  // Art 12: 主要负责人或分管负责人 — only the principal or deputy head counts as the organ's head attending.
  const valid =
    attendance === 'ATTENDED'
      ? attendee !== null &&
        typeof attendee.name === 'string' &&
        attendee.name.trim() !== '' &&
        (ORGAN_HEAD_ROLES as readonly unknown[]).includes(attendee.role) &&
        justification === null
      : attendance === 'ABSENT_JUSTIFIED'
        ? attendee === null && typeof justification === 'string' && justification.trim() !== ''
        : attendee === null && justification === null;
  if (!valid) throw caseError('ATTENDANCE_DETAILS_INVALID', { attendance });
  return [
    {
      type: 'AttendanceRecorded',
      data: {
        caseId: s.caseId,
        requestId: request.requestId,
        attendance,
        attendee: attendee && { name: attendee.name, role: attendee.role },
        justification,
        sessionOn: request.sessionOn,
      },
    },
  ];
}

function reportAbsence({ data, metadata }: ReportAbsence, state: CaseState): CaseEvent[] {
  const { s, agency } = participantCase(state, data.caseId, metadata);
  // Art 12: 由县政府办报告县政府处理 — the government office reports, through a leader.
  if (agency !== 'GOV_OFFICE') throw caseError('ABSENCE_REPORT_NOT_GOV_OFFICE', { agency });
  requireLeadRole(metadata, 'ReportAbsence');
  const request = requestOf(s, data.requestId);
  if (request.attendance?.kind !== 'ABSENT_UNJUSTIFIED') {
    throw caseError('ABSENCE_NOT_UNJUSTIFIED', {
      requestId: request.requestId,
      attendance: request.attendance?.kind ?? null,
    });
  }
  if (request.absenceReport) {
    throw caseError('ABSENCE_ALREADY_REPORTED', {
      requestId: request.requestId,
      reportedOn: request.absenceReport.reportedOn,
    });
  }
  const reportedOn = pastDate(data.reportedOn, 'reportedOn', today(metadata));
  notBefore(reportedOn, 'reportedOn', request.sessionOn, 'sessionOn');
  return [
    {
      type: 'AbsenceReported',
      data: {
        caseId: s.caseId,
        requestId: request.requestId,
        organ: request.organ,
        reportedOn,
        reportedTo: 'COUNTY_GOVERNMENT',
        note: data.note ?? '',
      },
    },
  ];
}

function coordinateRelief({ data, metadata }: CoordinateRelief, state: CaseState): CaseEvent[] {
  const { s, agency } = participantCase(state, data.caseId, metadata);
  // Art 9: 负责化解工作的机关 — the agency leading the resolution effort coordinates relief.
  requireLeadAgency(s, agency, 'CoordinateRelief');
  if (!s.resolution) throw caseError('RELIEF_NEEDS_RESOLUTION');
  const party = partyOf(s, data.partyId);
  const noEffectiveRemedy = requireBoolean(data.noEffectiveRemedy, 'noEffectiveRemedy');
  const greatHardship = requireBoolean(data.greatHardship, 'greatHardship');
  if (!noEffectiveRemedy || !greatHardship) {
    throw caseError('RELIEF_PRECONDITION_NOT_MET', { noEffectiveRemedy, greatHardship });
  }
  const reliefId = requireNewId(
    s.reliefs.map((r) => r.reliefId),
    data.reliefId,
    'relief',
  );
  const coordinatedOn = pastDate(data.coordinatedOn, 'coordinatedOn', today(metadata));
  notBefore(coordinatedOn, 'coordinatedOn', s.resolution.openedOn, 'resolution openedOn');
  return [
    {
      type: 'ReliefCoordinated',
      data: {
        caseId: s.caseId,
        reliefId,
        partyId: party.partyId,
        department: requireText(data.department, 'department'),
        coordinatedOn,
        noEffectiveRemedy: true,
        greatHardship: true,
        basis: requireText(data.basis, 'basis'),
      },
    },
  ];
}

/** Outcomes reached by a resolution effort; the others (withdrawal, correction, decision) can happen without one. */
const RESOLUTION_OUTCOMES: readonly string[] = ['SETTLED', 'MEDIATED', 'NOT_RESOLVED'];

function recordOutcome({ data, metadata }: RecordOutcome, state: CaseState): CaseEvent[] {
  const { s, agency } = participantCase(state, data.caseId, metadata);
  requireLeadAgency(s, agency, 'RecordOutcome');
  if (s.outcome) throw caseError('OUTCOME_ALREADY_RECORDED', { outcome: s.outcome.outcome });
  const outcome = requireOneOf(data.outcome, CASE_OUTCOMES, 'outcome');
  const decidedOn = pastDate(data.decidedOn, 'decidedOn', today(metadata));
  notBefore(decidedOn, 'decidedOn', s.acceptedOn, 'acceptedOn');
  if (RESOLUTION_OUTCOMES.includes(outcome) && !s.resolution)
    throw caseError('OUTCOME_NEEDS_RESOLUTION', { outcome });
  let consents: { partyId: string; givenOn: string }[] = [];
  if (CONSENT_BASED_OUTCOMES.includes(outcome)) {
    // Art 2 (自愿): an agreed outcome rests on every party's consent as it stood when it was reached.
    const missing = s.parties
      .filter((p) => p.consent !== 'GIVEN' || p.consentOn === null || p.consentOn > decidedOn)
      .map((p) => ({ partyId: p.partyId, consent: p.consent, consentOn: p.consentOn }));
    if (missing.length > 0) throw caseError('OUTCOME_CONSENT_MISSING', { outcome, decidedOn, missing });
    consents = s.parties.map((p) => ({ partyId: p.partyId, givenOn: p.consentOn as string }));
  }
  return [
    {
      type: 'OutcomeRecorded',
      data: { caseId: s.caseId, outcome, decidedOn, summary: requireText(data.summary, 'summary'), consents },
    },
  ];
}

function closeCase({ data, metadata }: CloseCase, state: CaseState): CaseEvent[] {
  const { s, agency } = participantCase(state, data.caseId, metadata);
  requireLeadAgency(s, agency, 'CloseCase');
  if (!s.outcome) throw caseError('CASE_OUTCOME_MISSING');
  const closedOn = pastDate(data.closedOn, 'closedOn', today(metadata));
  notBefore(closedOn, 'closedOn', s.outcome.decidedOn, 'outcome decidedOn');
  return [
    {
      type: 'CaseClosed',
      data: {
        caseId: s.caseId,
        closedOn,
        lapsedInvitationIds: s.invitations.filter((i) => i.status === 'open').map((i) => i.invitationId),
      },
    },
  ];
}
