import type {
  Agency,
  FlagContestOutcome,
  FlagNotificationMeans,
  IntegrityNotePolarity,
  LegalDate,
  PartyKind,
} from '@accord/events';
import type { Command } from '../shared/command';

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
/** A meeting cited by a confirmation (Art 11, Art 14), as the meeting stream has it. */
export interface JointMeetingFacts {
  readonly meetingId: string;
  readonly heldOn: LegalDate;
  /** The three agencies the record lists as present. */
  readonly agenciesListed: readonly Agency[];
  /** Those whose presence is established by their own act: the convener and each that acknowledged. */
  readonly agenciesConfirmed: readonly Agency[];
}

export type ConfirmFlag = Command<
  'ConfirmFlag',
  {
    partyId: string;
    flagId: string;
    confirmedOn: LegalDate;
    reviewOn: LegalDate;
    /** Set when a joint meeting (Art 14) decided the confirmation; the recording lead's agency is then free to be the proposer's. */
    meetingId?: string | null;
    /**
     * The facts of that meeting as the confirming agency may see them, read by the handler from the
     * meeting stream (a meeting record the agency is not listed in is passed as null, like an
     * unknown one). A record never loses an acknowledgement, so deciding on it cannot go stale.
     */
    meeting?: JointMeetingFacts | null;
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
