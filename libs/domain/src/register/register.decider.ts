import {
  FLAG_CONTEST_OUTCOMES,
  FLAG_NOTIFICATION_MEANS,
  INTEGRITY_NOTE_POLARITIES,
  PARTY_KINDS,
  type Agency,
  type FlagConfirmation,
  type FlagContestOutcome,
  type FlagNotificationMeans,
  type IntegrityNotePolarity,
  type LegalDate,
  type PartyKind,
  type PartyRegisterEvent,
  type StoredDeadline,
} from '@accord/events';
import type { Command, CommandMetadata } from '../shared/command';
import type { Decider } from '../shared/decider';
import { actingAgency, isLegalDate, isOneOf, isText, isTextList, latest, legalToday } from '../agency/guards';
import { registerError } from './register.errors';

export interface PartyIdentity {
  readonly kind: PartyKind;
  readonly name: string;
}

/** Commands that may open a register carry the party's identity; later ones may leave it out. */
interface OpensRegister {
  partyId: string;
  party?: PartyIdentity;
}

export type AddIntegrityNote = Command<
  'AddIntegrityNote',
  OpensRegister & {
    noteId: string;
    polarity: IntegrityNotePolarity;
    text: string;
    caseRef: string;
    notedOn: LegalDate;
  }
>;
export type ProposeFlag = Command<
  'ProposeFlag',
  OpensRegister & {
    flagId: string;
    grounds: string;
    evidence: readonly string[];
    proposedOn: LegalDate;
  }
>;
export type ConfirmFlag = Command<
  'ConfirmFlag',
  {
    partyId: string;
    flagId: string;
    confirmedOn: LegalDate;
    reviewOn: LegalDate;
    /** Set when a joint meeting (Art 14) decided the confirmation; the recording lead's agency is then free to be the proposer's. */
    meetingId?: string | null;
  }
>;
export type RecordFlagNotification = Command<
  'RecordFlagNotification',
  { partyId: string; flagId: string; notifiedOn: LegalDate; means: FlagNotificationMeans; note?: string }
>;
export type ContestFlag = Command<
  'ContestFlag',
  { partyId: string; flagId: string; contestId: string; contestedOn: LegalDate; grounds: string }
>;
export type DecideContest = Command<
  'DecideContest',
  {
    partyId: string;
    flagId: string;
    contestId: string;
    decidedOn: LegalDate;
    outcome: FlagContestOutcome;
    reasons: string;
  }
>;
export type WithdrawFlag = Command<
  'WithdrawFlag',
  { partyId: string; flagId: string; withdrawnOn: LegalDate; reasons: string }
>;
/** Recorded by the deadline watcher once a flag's review date has come. */
export type ExpireFlag = Command<'ExpireFlag', { partyId: string; flagId: string; expiredOn: LegalDate }>;

export type PartyRegisterCommand =
  | AddIntegrityNote
  | ProposeFlag
  | ConfirmFlag
  | RecordFlagNotification
  | ContestFlag
  | DecideContest
  | WithdrawFlag
  | ExpireFlag;

export interface IntegrityNote {
  readonly noteId: string;
  readonly polarity: IntegrityNotePolarity;
  readonly text: string;
  readonly caseRef: string;
  readonly notedOn: LegalDate;
  readonly notedBy: Agency;
}

export interface FlagContest {
  readonly contestId: string;
  readonly contestedOn: LegalDate;
  readonly grounds: string;
  readonly recordedBy: Agency;
  readonly decision: {
    readonly decidedOn: LegalDate;
    readonly outcome: FlagContestOutcome;
    readonly reasons: string;
    readonly decidedBy: Agency;
  } | null;
}

/**
 * proposed → confirmed ⇄ contested → revoked (contest upheld) | withdrawn | expired. Only
 * `confirmed` and `contested` flags are in force; a proposal alone limits nothing.
 */
export type FlagStatus = 'proposed' | 'confirmed' | 'contested' | 'revoked' | 'withdrawn' | 'expired';

export interface FlagRecord {
  readonly flagId: string;
  readonly status: FlagStatus;
  readonly proposedBy: Agency;
  readonly grounds: string;
  readonly evidence: readonly string[];
  readonly proposedOn: LegalDate;
  readonly confirmation: FlagConfirmation | null;
  readonly confirmedOn: LegalDate | null;
  /** The day the flag lapses unless a fresh proposal is confirmed. */
  readonly reviewOn: LegalDate | null;
  readonly reviewLimit: StoredDeadline | null;
  readonly notification: {
    readonly notifiedOn: LegalDate;
    readonly means: FlagNotificationMeans;
    readonly note: string;
  } | null;
  readonly contests: readonly FlagContest[];
  /** The last day of the cooling-off period after the latest rejected contest. */
  readonly contestCooldownUntil: LegalDate | null;
  readonly endedOn: LegalDate | null;
  readonly endReason: string | null;
}

export type PartyRegisterState =
  | { readonly status: 'none' }
  | {
      readonly status: 'recorded';
      readonly partyId: string;
      readonly party: PartyIdentity;
      readonly notes: readonly IntegrityNote[];
      readonly flags: readonly FlagRecord[];
      /** The flag proposed or in force, if any: at most one at a time. */
      readonly activeFlagId: string | null;
    };

type Recorded = Exclude<PartyRegisterState, { status: 'none' }>;

export const initialPartyRegisterState = (): PartyRegisterState => ({ status: 'none' });

const LIVE: readonly FlagStatus[] = ['proposed', 'confirmed', 'contested'];
const IN_FORCE: readonly FlagStatus[] = ['confirmed', 'contested'];

/** Flags in force on a register: what the case decider and the API show as "flagged". */
export function flagsInForce(state: PartyRegisterState): readonly FlagRecord[] {
  return state.status === 'none' ? [] : state.flags.filter((f) => IN_FORCE.includes(f.status));
}

export function decidePartyRegister(
  command: PartyRegisterCommand,
  state: PartyRegisterState,
): PartyRegisterEvent[] {
  const { actor } = command.metadata;
  if (actor.role === 'auditor') throw registerError('REGISTER_AUDITOR_READ_ONLY');
  const agency = actingAgency(actor);
  // Art 11: the archive is shared by the three agencies; organs and parties never write to it.
  if (!agency) throw registerError('REGISTER_ACTOR_NOT_AGENCY', { actor: actor.agency });
  if (state.status !== 'none' && command.data.partyId !== state.partyId)
    throw registerError('REGISTER_PARTY_MISMATCH', {
      partyId: command.data.partyId,
      register: state.partyId,
    });
  switch (command.type) {
    case 'AddIntegrityNote':
      return addNote(command, state, agency);
    case 'ProposeFlag':
      return proposeFlag(command, state, agency);
    case 'ConfirmFlag':
      return confirmFlag(command, registered(state), agency);
    case 'RecordFlagNotification':
      return recordNotification(command, registered(state));
    case 'ContestFlag':
      return contestFlag(command, registered(state), agency);
    case 'DecideContest':
      return decideContest(command, registered(state), agency);
    case 'WithdrawFlag':
      return withdrawFlag(command, registered(state), agency);
    case 'ExpireFlag':
      return expireFlag(command, registered(state));
    default: {
      const _exhaustive: never = command;
      return _exhaustive;
    }
  }
}

function invalid(field: string, value: unknown): never {
  throw registerError('REGISTER_INVALID_INPUT', { field, value });
}

function requireDate(field: string, value: unknown, metadata: CommandMetadata): LegalDate {
  if (!isLegalDate(value)) invalid(field, value);
  const today = legalToday(metadata);
  if (value > today) throw registerError('REGISTER_DATE_IN_FUTURE', { field, date: value, today });
  return value;
}

function requireNotBefore(field: string, date: LegalDate, notBefore: LegalDate, step: string): void {
  if (date < notBefore) throw registerError('REGISTER_DATE_OUT_OF_ORDER', { field, date, notBefore, step });
}

function registered(state: PartyRegisterState): Recorded {
  if (state.status === 'none') throw registerError('REGISTER_PARTY_NOT_FOUND');
  return state;
}

/** The flag named, refusing ended flags: they take nothing more. */
function liveFlag(state: Recorded, flagId: string): FlagRecord {
  const flag = state.flags.find((f) => f.flagId === flagId);
  if (!flag) throw registerError('FLAG_NOT_FOUND', { flagId });
  if (!LIVE.includes(flag.status))
    throw registerError('FLAG_ENDED', { flagId, status: flag.status, endedOn: flag.endedOn });
  return flag;
}

function requireInForce(
  flag: FlagRecord,
): asserts flag is FlagRecord & { confirmedOn: LegalDate; reviewOn: LegalDate } {
  if (!IN_FORCE.includes(flag.status) || flag.confirmedOn === null || flag.reviewOn === null)
    throw registerError('FLAG_NOT_CONFIRMED', { flagId: flag.flagId, status: flag.status });
}

/** The first entry on a register records who the party is; later entries must not name someone else. */
function identify(command: AddIntegrityNote | ProposeFlag, state: PartyRegisterState): PartyRegisterEvent[] {
  const { partyId, party } = command.data;
  if (!isText(partyId)) invalid('partyId', partyId);
  if (party !== undefined && (!isOneOf(PARTY_KINDS, party?.kind) || !isText(party?.name)))
    invalid('party', party);
  if (state.status === 'none') {
    if (party === undefined) throw registerError('REGISTER_PARTY_IDENTITY_REQUIRED', { partyId });
    return [{ type: 'PartyRecorded', data: { partyId, kind: party.kind, name: party.name } }];
  }
  if (party !== undefined && (party.kind !== state.party.kind || party.name !== state.party.name))
    throw registerError('REGISTER_PARTY_MISMATCH', { party, register: state.party });
  return [];
}

function addNote(command: AddIntegrityNote, state: PartyRegisterState, agency: Agency): PartyRegisterEvent[] {
  const { data, metadata } = command;
  if (!isText(data.noteId)) invalid('noteId', data.noteId);
  if (state.status !== 'none' && state.notes.some((n) => n.noteId === data.noteId))
    throw registerError('REGISTER_NOTE_DUPLICATE', { noteId: data.noteId });
  if (!isOneOf(INTEGRITY_NOTE_POLARITIES, data.polarity)) invalid('polarity', data.polarity);
  if (!isText(data.text)) invalid('text', data.text);
  // Art 11: every entry names the case it rests on.
  if (!isText(data.caseRef)) invalid('caseRef', data.caseRef);
  const notedOn = requireDate('notedOn', data.notedOn, metadata);
  return [
    ...identify(command, state),
    {
      type: 'IntegrityNoteAdded',
      data: {
        partyId: data.partyId,
        noteId: data.noteId,
        polarity: data.polarity,
        text: data.text,
        caseRef: data.caseRef,
        notedOn,
        notedBy: agency,
      },
    },
  ];
}

function proposeFlag(command: ProposeFlag, state: PartyRegisterState, agency: Agency): PartyRegisterEvent[] {
  const { data, metadata } = command;
  if (!isText(data.flagId)) invalid('flagId', data.flagId);
  if (state.status !== 'none') {
    if (state.flags.some((f) => f.flagId === data.flagId))
      throw registerError('FLAG_DUPLICATE', { flagId: data.flagId });
    if (state.activeFlagId !== null)
      throw registerError('FLAG_ALREADY_ACTIVE', { flagId: state.activeFlagId });
  }
  // Art 11: a flag is a human judgment on named grounds and evidence, never a pattern alone.
  if (!isText(data.grounds) || !isTextList(data.evidence, { nonEmpty: true }))
    throw registerError('FLAG_NEEDS_GROUNDS_AND_EVIDENCE', {
      grounds: data.grounds,
      evidence: data.evidence,
    });
  const proposedOn = requireDate('proposedOn', data.proposedOn, metadata);
  return [
    ...identify(command, state),
    {
      type: 'FlagProposed',
      data: {
        partyId: data.partyId,
        flagId: data.flagId,
        proposedBy: agency,
        grounds: data.grounds,
        evidence: [...new Set(data.evidence)],
        proposedOn,
      },
    },
  ];
}

function confirmFlag(command: ConfirmFlag, state: Recorded, agency: Agency): PartyRegisterEvent[] {
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
  const confirmedOn = requireDate('confirmedOn', data.confirmedOn, metadata);
  requireNotBefore('confirmedOn', confirmedOn, flag.proposedOn, 'proposal');
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

function recordNotification(command: RecordFlagNotification, state: Recorded): PartyRegisterEvent[] {
  const { data, metadata } = command;
  const flag = liveFlag(state, data.flagId);
  requireInForce(flag);
  if (flag.notification !== null)
    throw registerError('FLAG_ALREADY_NOTIFIED', { notifiedOn: flag.notification.notifiedOn });
  if (!isOneOf(FLAG_NOTIFICATION_MEANS, data.means)) invalid('means', data.means);
  const note = data.note ?? '';
  if (typeof note !== 'string') invalid('note', note);
  const notifiedOn = requireDate('notifiedOn', data.notifiedOn, metadata);
  requireNotBefore('notifiedOn', notifiedOn, flag.confirmedOn, 'confirmation');
  return [
    {
      type: 'FlagNotificationRecorded',
      data: { partyId: state.partyId, flagId: flag.flagId, notifiedOn, means: data.means, note },
    },
  ];
}

function contestFlag(command: ContestFlag, state: Recorded, agency: Agency): PartyRegisterEvent[] {
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
  const contestedOn = requireDate('contestedOn', data.contestedOn, metadata);
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

function decideContest(command: DecideContest, state: Recorded, agency: Agency): PartyRegisterEvent[] {
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
  const decidedOn = requireDate('decidedOn', data.decidedOn, metadata);
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

function withdrawFlag(command: WithdrawFlag, state: Recorded, agency: Agency): PartyRegisterEvent[] {
  const { data, metadata } = command;
  const flag = liveFlag(state, data.flagId);
  if (agency !== flag.proposedBy && agency !== flag.confirmation?.agency)
    throw registerError('FLAG_WITHDRAWER_NOT_INVOLVED', {
      proposedBy: flag.proposedBy,
      confirmedBy: flag.confirmation?.agency ?? null,
    });
  if (!isText(data.reasons)) invalid('reasons', data.reasons);
  const withdrawnOn = requireDate('withdrawnOn', data.withdrawnOn, metadata);
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

function expireFlag(command: ExpireFlag, state: Recorded): PartyRegisterEvent[] {
  const { data, metadata } = command;
  const flag = liveFlag(state, data.flagId);
  requireInForce(flag);
  const expiredOn = requireDate('expiredOn', data.expiredOn, metadata);
  if (expiredOn < flag.reviewOn)
    throw registerError('FLAG_NOT_YET_DUE_FOR_REVIEW', { expiredOn, reviewOn: flag.reviewOn });
  return [
    {
      type: 'FlagExpired',
      data: { partyId: state.partyId, flagId: flag.flagId, expiredOn, reviewOn: flag.reviewOn },
    },
  ];
}

function lastStepOf(flag: FlagRecord): LegalDate {
  return latest([
    flag.proposedOn,
    ...(flag.confirmedOn ? [flag.confirmedOn] : []),
    ...(flag.notification ? [flag.notification.notifiedOn] : []),
    ...flag.contests.flatMap((c) => [c.contestedOn, ...(c.decision ? [c.decision.decidedOn] : [])]),
  ]);
}

function updateFlag(
  state: PartyRegisterState,
  flagId: string,
  change: (flag: FlagRecord) => FlagRecord,
): PartyRegisterState {
  if (state.status === 'none') return state;
  const flags = state.flags.map((f) => (f.flagId === flagId ? change(f) : f));
  const active = flags.find((f) => LIVE.includes(f.status));
  return { ...state, flags, activeFlagId: active ? active.flagId : null };
}

export function evolvePartyRegister(
  state: PartyRegisterState,
  event: PartyRegisterEvent,
): PartyRegisterState {
  switch (event.type) {
    case 'PartyRecorded':
      return {
        status: 'recorded',
        partyId: event.data.partyId,
        party: { kind: event.data.kind, name: event.data.name },
        notes: [],
        flags: [],
        activeFlagId: null,
      };
    case 'IntegrityNoteAdded': {
      if (state.status === 'none') return state;
      const { noteId, polarity, text, caseRef, notedOn, notedBy } = event.data;
      return { ...state, notes: [...state.notes, { noteId, polarity, text, caseRef, notedOn, notedBy }] };
    }
    case 'FlagProposed': {
      if (state.status === 'none') return state;
      const d = event.data;
      const flag: FlagRecord = {
        flagId: d.flagId,
        status: 'proposed',
        proposedBy: d.proposedBy,
        grounds: d.grounds,
        evidence: d.evidence,
        proposedOn: d.proposedOn,
        confirmation: null,
        confirmedOn: null,
        reviewOn: null,
        reviewLimit: null,
        notification: null,
        contests: [],
        contestCooldownUntil: null,
        endedOn: null,
        endReason: null,
      };
      return { ...state, flags: [...state.flags, flag], activeFlagId: d.flagId };
    }
    case 'FlagConfirmed': {
      const { confirmation, confirmedOn, reviewOn, reviewLimit } = event.data;
      return updateFlag(state, event.data.flagId, (f) => ({
        ...f,
        status: 'confirmed',
        confirmation,
        confirmedOn,
        reviewOn,
        reviewLimit,
      }));
    }
    case 'FlagNotificationRecorded': {
      const { notifiedOn, means, note } = event.data;
      return updateFlag(state, event.data.flagId, (f) => ({
        ...f,
        notification: { notifiedOn, means, note },
      }));
    }
    case 'FlagContested': {
      const { contestId, contestedOn, grounds, recordedBy } = event.data;
      return updateFlag(state, event.data.flagId, (f) => ({
        ...f,
        status: 'contested',
        contests: [...f.contests, { contestId, contestedOn, grounds, recordedBy, decision: null }],
      }));
    }
    case 'FlagContestDecided': {
      const { contestId, decidedOn, outcome, reasons, decidedBy, cooldown } = event.data;
      return updateFlag(state, event.data.flagId, (f) => ({
        ...f,
        status: outcome === 'UPHELD' ? 'revoked' : 'confirmed',
        contests: f.contests.map((c) =>
          c.contestId === contestId ? { ...c, decision: { decidedOn, outcome, reasons, decidedBy } } : c,
        ),
        contestCooldownUntil: cooldown ? cooldown.dueBy : f.contestCooldownUntil,
        endedOn: outcome === 'UPHELD' ? decidedOn : null,
        endReason: outcome === 'UPHELD' ? reasons : null,
      }));
    }
    case 'FlagWithdrawn':
      return updateFlag(state, event.data.flagId, (f) => ({
        ...f,
        status: 'withdrawn',
        endedOn: event.data.withdrawnOn,
        endReason: event.data.reasons,
      }));
    case 'FlagExpired':
      return updateFlag(state, event.data.flagId, (f) => ({
        ...f,
        status: 'expired',
        endedOn: event.data.expiredOn,
        endReason: 'review date reached',
      }));
    default: {
      const _exhaustive: never = event;
      return _exhaustive;
    }
  }
}

export const partyRegisterDecider: Decider<PartyRegisterCommand, PartyRegisterState, PartyRegisterEvent> = {
  decide: decidePartyRegister,
  evolve: evolvePartyRegister,
  initialState: initialPartyRegisterState,
};
