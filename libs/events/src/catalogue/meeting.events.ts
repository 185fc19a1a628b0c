import type { ActorAgency, Agency, Event, LegalDate } from '../event';

/** Art 14: the joint meeting system (联席会议) and special meetings (专题会议). */
export const MEETING_KINDS = ['REGULAR', 'SPECIAL'] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];

/** Art 14: why a case needs a special meeting: major (重大), sensitive (敏感) or difficult (疑难). */
export const SPECIAL_MEETING_GROUNDS = ['MAJOR', 'SENSITIVE', 'DIFFICULT'] as const;
export type SpecialMeetingGround = (typeof SPECIAL_MEETING_GROUNDS)[number];

export interface MeetingAttendee {
  /** One of the three agencies, or an organ (`ORGAN:<code>`) invited to the meeting. */
  readonly agency: ActorAgency;
  readonly staffId: string;
  readonly name: string;
}

export interface SpecialMeetingReason {
  readonly grounds: readonly SpecialMeetingGround[];
  readonly explanation: string;
}

export type MeetingRecorded = Event<
  'MeetingRecorded',
  {
    meetingId: string;
    kind: MeetingKind;
    heldOn: LegalDate;
    convenedBy: Agency;
    attendees: readonly MeetingAttendee[];
    /** Case ids discussed. */
    cases: readonly string[];
    /** SPECIAL only. */
    specialReason: SpecialMeetingReason | null;
    conclusions: readonly string[];
  }
>;

/**
 * Art 11, Art 14: an agency listed as present at another agency's meeting says, by its own staff's
 * act, that it did attend. Until every listed agency has done so the meeting is not joint: one
 * agency cannot make a meeting joint by listing another.
 */
export type MeetingAttendanceAcknowledged = Event<
  'MeetingAttendanceAcknowledged',
  { meetingId: string; agency: Agency; acknowledgedOn: LegalDate }
>;

export type MeetingEvent = MeetingRecorded | MeetingAttendanceAcknowledged;

export const MEETING_EVENT_SCHEMA_VERSIONS: Readonly<Record<MeetingEvent['type'], number>> = {
  MeetingRecorded: 1,
  MeetingAttendanceAcknowledged: 1,
};
