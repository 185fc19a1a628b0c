import type { Agency, Event, LegalDate } from '../event';
import type { StoredDeadline } from './letter.events';

/** 行政相对人: natural persons, legal persons, other organisations. */
export const PARTY_KINDS = ['NATURAL_PERSON', 'LEGAL_PERSON', 'OTHER_ORGANISATION'] as const;
export type PartyKind = (typeof PARTY_KINDS)[number];

export const INTEGRITY_NOTE_POLARITIES = ['POSITIVE', 'NEGATIVE'] as const;
export type IntegrityNotePolarity = (typeof INTEGRITY_NOTE_POLARITIES)[number];

export const FLAG_NOTIFICATION_MEANS = ['IN_PERSON', 'POST', 'ELECTRONIC', 'PUBLIC_ANNOUNCEMENT'] as const;
export type FlagNotificationMeans = (typeof FLAG_NOTIFICATION_MEANS)[number];

export const FLAG_CONTEST_OUTCOMES = ['UPHELD', 'REJECTED'] as const;
export type FlagContestOutcome = (typeof FLAG_CONTEST_OUTCOMES)[number];

/** Who confirmed a flag: the lead of an agency other than the proposer, or a joint meeting. */
export type FlagConfirmation =
  | { readonly via: 'AGENCY'; readonly agency: Agency }
  | { readonly via: 'JOINT_MEETING'; readonly agency: Agency; readonly meetingId: string };

/** The party's identity, stored once, with the first note or flag of its register. */
export type PartyRecorded = Event<'PartyRecorded', { partyId: string; kind: PartyKind; name: string }>;

export type IntegrityNoteAdded = Event<
  'IntegrityNoteAdded',
  {
    partyId: string;
    noteId: string;
    polarity: IntegrityNotePolarity;
    text: string;
    caseRef: string;
    notedOn: LegalDate;
    notedBy: Agency;
  }
>;

export type FlagProposed = Event<
  'FlagProposed',
  {
    partyId: string;
    flagId: string;
    proposedBy: Agency;
    grounds: string;
    /** Case references the proposal rests on; at least one. */
    evidence: readonly string[];
    proposedOn: LegalDate;
  }
>;

export type FlagConfirmed = Event<
  'FlagConfirmed',
  {
    partyId: string;
    flagId: string;
    confirmation: FlagConfirmation;
    confirmedOn: LegalDate;
    /** When the flag lapses unless renewed by a fresh proposal. */
    reviewOn: LegalDate;
    /** The latest review date the rules allowed, and why. */
    reviewLimit: StoredDeadline;
  }
>;

export type FlagNotificationRecorded = Event<
  'FlagNotificationRecorded',
  { partyId: string; flagId: string; notifiedOn: LegalDate; means: FlagNotificationMeans; note: string }
>;

export type FlagContested = Event<
  'FlagContested',
  {
    partyId: string;
    flagId: string;
    contestId: string;
    contestedOn: LegalDate;
    /** The party's own grounds, as recorded. */
    grounds: string;
    recordedBy: Agency;
  }
>;

export type FlagContestDecided = Event<
  'FlagContestDecided',
  {
    partyId: string;
    flagId: string;
    contestId: string;
    decidedOn: LegalDate;
    outcome: FlagContestOutcome;
    reasons: string;
    decidedBy: Agency;
    /** REJECTED: the cooling-off period before a new contest (a new contest may come the day after). */
    cooldown: StoredDeadline | null;
  }
>;

export type FlagWithdrawn = Event<
  'FlagWithdrawn',
  { partyId: string; flagId: string; withdrawnOn: LegalDate; reasons: string; withdrawnBy: Agency }
>;

export type FlagExpired = Event<
  'FlagExpired',
  { partyId: string; flagId: string; expiredOn: LegalDate; reviewOn: LegalDate }
>;

export type PartyRegisterEvent =
  | PartyRecorded
  | IntegrityNoteAdded
  | FlagProposed
  | FlagConfirmed
  | FlagNotificationRecorded
  | FlagContested
  | FlagContestDecided
  | FlagWithdrawn
  | FlagExpired;

export const REGISTER_EVENT_SCHEMA_VERSIONS: Readonly<Record<PartyRegisterEvent['type'], number>> = {
  PartyRecorded: 1,
  IntegrityNoteAdded: 1,
  FlagProposed: 1,
  FlagConfirmed: 1,
  FlagNotificationRecorded: 1,
  FlagContested: 1,
  FlagContestDecided: 1,
  FlagWithdrawn: 1,
  FlagExpired: 1,
};
