import {
  FLAG_CONTEST_OUTCOMES,
  FLAG_NOTIFICATION_MEANS,
  type Agency,
  type FlagConfirmation,
  type LegalDate,
  type PartyRegisterEvent,
} from '@accord/events';
import { isLegalDate, isOneOf, isText } from '../agency/guards';
import { MIN_AGENCIES_AT_MEETING } from '../meeting/meeting.decider';
import type {
  ConfirmFlag,
  ContestFlag,
  DecideContest,
  ExpireFlag,
  JointMeetingFacts,
  RecordFlagNotification,
  WithdrawFlag,
} from './register.commands';
import { registerError } from './register.errors';
import { invalid, lastStepOf, liveFlag, pastDate, requireInForce, requireNotBefore } from './register.guards';
import type { Recorded } from './register.state';

/** The acts on a flag once proposed (Art 11): confirmation, notification, contest, withdrawal, expiry. */

export function confirmFlag(command: ConfirmFlag, state: Recorded, agency: Agency): PartyRegisterEvent[] {
  const { data, metadata } = command;
  const flag = liveFlag(state, data.flagId);
  if (flag.status !== 'proposed')
    throw registerError('FLAG_NOT_PROPOSED', { flagId: flag.flagId, status: flag.status });
  if (metadata.actor.role !== 'lead') throw registerError('FLAG_NEEDS_LEAD', { role: metadata.actor.role });
  const meetingId = data.meetingId ?? null;
  if (meetingId !== null && !isText(meetingId)) invalid('meetingId', meetingId);
  // Art 11 (fairness): a second agency, or the joint meeting, must agree; no agency flags a party alone.
  if (meetingId === null && agency === flag.proposedBy)
    throw registerError('FLAG_SELF_CONFIRMATION', { proposedBy: flag.proposedBy });
  const confirmedOn = pastDate('confirmedOn', data.confirmedOn, metadata);
  requireNotBefore('confirmedOn', confirmedOn, flag.proposedOn, 'proposal');
  if (meetingId !== null) requireJointMeeting(meetingId, data.meeting ?? null, agency, confirmedOn);
  if (!isLegalDate(data.reviewOn)) invalid('reviewOn', data.reviewOn);
  if (data.reviewOn <= confirmedOn)
    throw registerError('FLAG_REVIEW_NOT_AFTER_CONFIRMATION', { confirmedOn, reviewOn: data.reviewOn });
  const limit = metadata.calendar.deadline(confirmedOn, metadata.rules.flagMaxReviewPeriod);
  if (data.reviewOn > limit.dueBy)
    throw registerError('FLAG_REVIEW_TOO_FAR', {
      reviewOn: data.reviewOn,
      latest: limit.dueBy,
      why: limit.explanation.text,
    });
  const confirmation: FlagConfirmation =
    meetingId === null ? { via: 'AGENCY', agency } : { via: 'JOINT_MEETING', agency, meetingId };
  return [
    {
      type: 'FlagConfirmed',
      data: {
        partyId: state.partyId,
        flagId: flag.flagId,
        confirmation,
        confirmedOn,
        reviewOn: data.reviewOn,
        reviewLimit: limit.explanation,
      },
    },
  ];
}

export function recordNotification(command: RecordFlagNotification, state: Recorded): PartyRegisterEvent[] {
  const { data, metadata } = command;
  const flag = liveFlag(state, data.flagId);
  requireInForce(flag);
  if (flag.notification !== null)
    throw registerError('FLAG_ALREADY_NOTIFIED', { notifiedOn: flag.notification.notifiedOn });
  if (!isOneOf(FLAG_NOTIFICATION_MEANS, data.means)) invalid('means', data.means);
  const note = data.note ?? '';
  if (typeof note !== 'string') invalid('note', note);
  const notifiedOn = pastDate('notifiedOn', data.notifiedOn, metadata);
  requireNotBefore('notifiedOn', notifiedOn, flag.confirmedOn, 'confirmation');
  return [
    {
      type: 'FlagNotificationRecorded',
      data: { partyId: state.partyId, flagId: flag.flagId, notifiedOn, means: data.means, note },
    },
  ];
}

export function contestFlag(command: ContestFlag, state: Recorded, agency: Agency): PartyRegisterEvent[] {
  const { data, metadata } = command;
  const flag = liveFlag(state, data.flagId);
  requireInForce(flag);
  // Art 11 (fairness): the party can answer a flag it has been told of.
  if (flag.notification === null) throw registerError('FLAG_NOT_NOTIFIED', { flagId: flag.flagId });
  if (flag.status === 'contested') throw registerError('FLAG_CONTEST_PENDING', { flagId: flag.flagId });
  if (!isText(data.contestId)) invalid('contestId', data.contestId);
  if (flag.contests.some((c) => c.contestId === data.contestId))
    throw registerError('FLAG_CONTEST_DUPLICATE', { contestId: data.contestId });
  if (!isText(data.grounds)) invalid('grounds', data.grounds);
  const contestedOn = pastDate('contestedOn', data.contestedOn, metadata);
  requireNotBefore('contestedOn', contestedOn, flag.notification.notifiedOn, 'notification');
  if (flag.contestCooldownUntil !== null && contestedOn <= flag.contestCooldownUntil)
    throw registerError('FLAG_CONTEST_COOLDOWN', { contestedOn, cooldownUntil: flag.contestCooldownUntil });
  return [
    {
      type: 'FlagContested',
      data: {
        partyId: state.partyId,
        flagId: flag.flagId,
        contestId: data.contestId,
        contestedOn,
        grounds: data.grounds,
        recordedBy: agency,
      },
    },
  ];
}

export function decideContest(command: DecideContest, state: Recorded, agency: Agency): PartyRegisterEvent[] {
  const { data, metadata } = command;
  const flag = liveFlag(state, data.flagId);
  const contest = flag.contests.find((c) => c.contestId === data.contestId && c.decision === null);
  if (!contest) throw registerError('FLAG_CONTEST_NOT_FOUND', { contestId: data.contestId });
  if (metadata.actor.role !== 'lead') throw registerError('FLAG_NEEDS_LEAD', { role: metadata.actor.role });
  // Art 11 (fairness): the proposer does not sit in judgment of the objection to its own proposal.
  if (agency === flag.proposedBy)
    throw registerError('FLAG_CONTEST_DECIDER_IS_PROPOSER', { proposedBy: flag.proposedBy });
  if (!isOneOf(FLAG_CONTEST_OUTCOMES, data.outcome)) invalid('outcome', data.outcome);
  if (!isText(data.reasons)) invalid('reasons', data.reasons);
  const decidedOn = pastDate('decidedOn', data.decidedOn, metadata);
  requireNotBefore('decidedOn', decidedOn, contest.contestedOn, 'contest');
  const cooldown =
    data.outcome === 'REJECTED'
      ? metadata.calendar.deadline(decidedOn, metadata.rules.flagContestCooldown).explanation
      : null;
  return [
    {
      type: 'FlagContestDecided',
      data: {
        partyId: state.partyId,
        flagId: flag.flagId,
        contestId: contest.contestId,
        decidedOn,
        outcome: data.outcome,
        reasons: data.reasons,
        decidedBy: agency,
        cooldown,
      },
    },
  ];
}

export function withdrawFlag(command: WithdrawFlag, state: Recorded, agency: Agency): PartyRegisterEvent[] {
  const { data, metadata } = command;
  const flag = liveFlag(state, data.flagId);
  if (agency !== flag.proposedBy && agency !== flag.confirmation?.agency)
    throw registerError('FLAG_WITHDRAWER_NOT_INVOLVED', {
      proposedBy: flag.proposedBy,
      confirmedBy: flag.confirmation?.agency ?? null,
    });
  if (!isText(data.reasons)) invalid('reasons', data.reasons);
  const withdrawnOn = pastDate('withdrawnOn', data.withdrawnOn, metadata);
  requireNotBefore('withdrawnOn', withdrawnOn, lastStepOf(flag), 'last recorded step');
  return [
    {
      type: 'FlagWithdrawn',
      data: {
        partyId: state.partyId,
        flagId: flag.flagId,
        withdrawnOn,
        reasons: data.reasons,
        withdrawnBy: agency,
      },
    },
  ];
}

export function expireFlag(command: ExpireFlag, state: Recorded): PartyRegisterEvent[] {
  const { data, metadata } = command;
  const flag = liveFlag(state, data.flagId);
  requireInForce(flag);
  const expiredOn = pastDate('expiredOn', data.expiredOn, metadata);
  if (expiredOn < flag.reviewOn)
    throw registerError('FLAG_NOT_YET_DUE_FOR_REVIEW', { expiredOn, reviewOn: flag.reviewOn });
  return [
    {
      type: 'FlagExpired',
      data: { partyId: state.partyId, flagId: flag.flagId, expiredOn, reviewOn: flag.reviewOn },
    },
  ];
}

/**
 * Art 11, Art 14: a meeting stands in for the second agency only if it was joint — at least two of
 * the three agencies, each of them present by its own act (the convener recorded it, every other
 * listed agency acknowledged its attendance). One agency listing another proves nothing.
 */
function requireJointMeeting(
  meetingId: string,
  meeting: JointMeetingFacts | null,
  agency: Agency,
  confirmedOn: LegalDate,
): void {
  if (meeting === null || meeting.meetingId !== meetingId)
    throw registerError('FLAG_MEETING_NOT_FOUND', { meetingId });
  const unacknowledged = meeting.agenciesListed.filter((a) => !meeting.agenciesConfirmed.includes(a));
  if (meeting.agenciesConfirmed.length < MIN_AGENCIES_AT_MEETING || unacknowledged.length > 0)
    throw registerError('FLAG_MEETING_NOT_JOINT', {
      meetingId,
      agenciesListed: meeting.agenciesListed,
      agenciesConfirmed: meeting.agenciesConfirmed,
      unacknowledged,
      minimum: MIN_AGENCIES_AT_MEETING,
    });
  if (!meeting.agenciesConfirmed.includes(agency))
    throw registerError('FLAG_MEETING_NOT_ATTENDED', {
      meetingId,
      agenciesConfirmed: meeting.agenciesConfirmed,
    });
  if (meeting.heldOn > confirmedOn)
    throw registerError('FLAG_MEETING_AFTER_CONFIRMATION', {
      meetingId,
      heldOn: meeting.heldOn,
      confirmedOn,
    });
}
