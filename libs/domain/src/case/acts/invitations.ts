import {
  isAgency,
  LITIGATION_RISKS,
  type LegalDate,
  type NoticePeriodStartFact,
  type Agency,
  type CaseChannel,
  type CaseEvent,
  type InvitationArticle,
} from '@accord/events';
import type {
  IssueInvitation,
  RecordRiskFinding,
  ReplyToInvitation,
  WithdrawInvitation,
} from '../case.commands';
import type { NoticePeriodStart, RuleSet } from '../../rules/rule-set';
import { caseError } from '../case.errors';
import {
  requireActingAgency,
  notBefore,
  optionalText,
  participantCase,
  pastDate,
  requireNewId,
  requireOneOf,
  requireText,
  requireTextList,
  storedDeadline,
  today,
  visibleCase,
} from '../case.guards';
import type { CaseState, RegisteredCase } from '../case.state';

/**
 * Arts 4–7: inviting another agency by written notice, its written reply, and withdrawal; Art 5's
 * risk finding, from which the court's notice period runs (v2).
 */

/** Arts 4–6: who may invite whom, by the channel of the inviting agency's case; Art 7 applies Art 4's procedure. */
const INVITATIONS: Readonly<
  Record<CaseChannel, { article: InvitationArticle; invitees: readonly Agency[] }>
> = {
  RECONSIDERATION: { article: 'Art 4', invitees: ['PROCURATORATE'] },
  LITIGATION: { article: 'Art 5', invitees: ['GOV_OFFICE', 'PROCURATORATE'] },
  PROCURATORIAL_SUPERVISION: { article: 'Art 6', invitees: ['GOV_OFFICE', 'COURT'] },
};

export function issueInvitation({ data, metadata }: IssueInvitation, state: CaseState): CaseEvent[] {
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
  const invitationId = requireNewId(s.invitations, (i) => i.invitationId, data.invitationId, 'invitation');
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
  const { rules } = metadata;
  const periodStart = noticePeriodStart(s, rules.noticePeriodStart[s.channel], noticeServedOn);
  // Arts 4–7: written notice within 30 days of the moment inviting became possible, counted by the calendar.
  const noticeDeadline = storedDeadline(metadata.calendar.deadline(periodStart.on, rules.invitationNotice));
  const noticeLate = noticeServedOn > noticeDeadline.dueBy;
  if (noticeLate && rules.lateNotice === 'refuse') {
    throw caseError('INVITATION_NOTICE_LATE', {
      acceptedOn: s.acceptedOn,
      noticeServedOn,
      dueBy: noticeDeadline.dueBy,
      explanation: noticeDeadline.explanation.text,
    });
  }
  // Art 4, Art 7: the invitee replies in writing within 3 days of receiving the notice.
  const replyDeadline = storedDeadline(metadata.calendar.deadline(noticeServedOn, rules.invitationReply));
  // Art 4 书面通知: v2 records whom the notice is addressed to and the document that carries it.
  const v2 = {
    // Art 4: a late notice is still the inviting agency's act; the ledger records the breach (v2).
    ...(rules.lateNotice === 'record' ? { noticePeriodStart: periodStart, noticeLate } : {}),
    ...written(data, to, rules),
  };
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
        ...v2,
      },
    },
  ];
}

/** Art 4 书面通知 (v2): the addressee department (the rule set's default for the invitee) and the document. */
function written(data: IssueInvitation['data'], to: Agency, rules: RuleSet) {
  if (!rules.documentRefsRequired) return {};
  const department = optionalText(data.addresseeDepartment, 'addresseeDepartment');
  return {
    addressee: { agency: to, department: department ?? rules.noticeAddressee[to] },
    documentRef: requireText(data.documentRef, 'documentRef'),
  };
}

/**
 * Arts 4–7 (rule set `noticePeriodStart`): the fact from which the notice period runs for the case's
 * channel, never earlier than acceptance. The facts themselves are recorded acts of the lead agency.
 */
function noticePeriodStart(
  s: RegisteredCase,
  start: NoticePeriodStart,
  noticeServedOn: LegalDate,
): NoticePeriodStartFact {
  switch (start) {
    case 'ACCEPTANCE':
      return { fact: start, on: s.acceptedOn };
    case 'NON_SUPPORT_DECISION':
      // Checked above for a supervision case; another channel has no such decision and runs from acceptance.
      return s.nonSupportDecision
        ? { fact: start, on: s.nonSupportDecision.decidedOn }
        : { fact: 'ACCEPTANCE', on: s.acceptedOn };
    case 'RISK_FINDING':
      // Art 5: 认为…可能 — the court invites once it has found the risk, and the period runs from then.
      if (!s.riskFinding || noticeServedOn < s.riskFinding.foundOn) {
        throw caseError('INVITATION_NEEDS_RISK_FINDING', {
          noticeServedOn,
          foundOn: s.riskFinding?.foundOn ?? null,
        });
      }
      return { fact: start, on: s.riskFinding.foundOn };
  }
}

/** Art 5: the court records that the dispute may lead to appeal, petition or instability (v2). */
export function recordRiskFinding({ data, metadata }: RecordRiskFinding, state: CaseState): CaseEvent[] {
  const { s, agency } = participantCase(state, data.caseId, metadata);
  if (s.channel !== 'LITIGATION') throw caseError('RISK_FINDING_WRONG_CHANNEL', { channel: s.channel });
  if (agency !== 'COURT') throw caseError('RISK_FINDING_NOT_COURT', { agency });
  if (s.riskFinding) throw caseError('RISK_FINDING_ALREADY_RECORDED', { foundOn: s.riskFinding.foundOn });
  const foundOn = pastDate(data.foundOn, 'foundOn', today(metadata));
  notBefore(foundOn, 'foundOn', s.acceptedOn, 'acceptedOn');
  const risks = requireTextList(data.risks, 'risks').map((r, i) =>
    requireOneOf(r, LITIGATION_RISKS, `risks[${i}]`),
  );
  if (risks.length === 0)
    throw caseError('CASE_INVALID_INPUT', { field: 'risks', problem: 'must name at least one risk' });
  return [
    {
      type: 'LitigationRiskFound',
      data: {
        caseId: s.caseId,
        foundOn,
        risks: [...new Set(risks)],
        reasons: requireText(data.reasons, 'reasons'),
      },
    },
  ];
}

export function replyToInvitation({ data, metadata }: ReplyToInvitation, state: CaseState): CaseEvent[] {
  const agency = requireActingAgency(metadata);
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
    // Art 4 书面回复: v2 records the document that carries the reply.
    ...(metadata.rules.documentRefsRequired
      ? { documentRef: requireText(data.documentRef, 'documentRef') }
      : {}),
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

export function withdrawInvitation({ data, metadata }: WithdrawInvitation, state: CaseState): CaseEvent[] {
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
