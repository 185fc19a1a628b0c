import {
  AGENCIES,
  MEETING_KINDS,
  SPECIAL_MEETING_GROUNDS,
  isAgency,
  isOrgan,
  type Agency,
  type LegalDate,
  type MeetingAttendee,
  type MeetingEvent,
  type MeetingKind,
  type SpecialMeetingReason,
} from '@accord/events';
import type { Command } from '../shared/command';
import type { Decider } from '../shared/decider';
import { actingAgencyOrNull, isOneOf, isText, isTextList, legalToday } from '../agency/guards';
import { dateGuards } from '../shared/input-guards';
import { meetingError } from './meeting.errors';

const dates = dateGuards(
  (details) => meetingError('MEETING_INVALID_INPUT', details),
  (details) => meetingError('MEETING_DATE_IN_FUTURE', details),
);

export type RecordMeeting = Command<
  'RecordMeeting',
  {
    meetingId: string;
    kind: MeetingKind;
    heldOn: LegalDate;
    attendees: readonly MeetingAttendee[];
    cases?: readonly string[];
    /**
     * What the handler read of each named case (the case itself stays unseen here, Art 17): a
     * meeting record names only cases that exist and that the convening agency takes part in.
     */
    caseFacts?: Readonly<Record<string, MeetingCaseFacts>>;
    specialReason?: SpecialMeetingReason | null;
    conclusions: readonly string[];
  }
>;

export interface MeetingCaseFacts {
  readonly exists: boolean;
  readonly convenerTakesPart: boolean;
}

/** Art 11, Art 14: a listed agency says, by its own staff, that it attended. */
export type AcknowledgeAttendance = Command<
  'AcknowledgeAttendance',
  { meetingId: string; acknowledgedOn: LegalDate }
>;

export type MeetingCommand = RecordMeeting | AcknowledgeAttendance;

export type MeetingState =
  | { readonly status: 'none' }
  | {
      readonly status: 'recorded';
      readonly meetingId: string;
      readonly kind: MeetingKind;
      readonly heldOn: LegalDate;
      readonly convenedBy: Agency;
      readonly attendees: readonly MeetingAttendee[];
      /** The three agencies present, in the order of AGENCIES: a flag confirmation may cite the meeting. */
      readonly agenciesPresent: readonly Agency[];
      /**
       * The agencies whose presence is established by their own act: the convener (it recorded the
       * meeting) and each listed agency that acknowledged its attendance, in the order of AGENCIES.
       */
      readonly agenciesConfirmed: readonly Agency[];
      readonly cases: readonly string[];
      readonly specialReason: SpecialMeetingReason | null;
      readonly conclusions: readonly string[];
    };

export const initialMeetingState = (): MeetingState => ({ status: 'none' });

/** Art 14 sets no quorum; "joint" (联席, 共同会商) is read as at least two of the three agencies. */
export const MIN_AGENCIES_AT_MEETING = 2;

export function decideMeeting(command: MeetingCommand, state: MeetingState): MeetingEvent[] {
  switch (command.type) {
    case 'RecordMeeting':
      return record(command, state);
    case 'AcknowledgeAttendance':
      return acknowledge(command, state);
    default: {
      const _exhaustive: never = command;
      return _exhaustive;
    }
  }
}

function record(command: RecordMeeting, state: MeetingState): MeetingEvent[] {
  const { data, metadata } = command;
  const { actor } = metadata;
  if (actor.role === 'auditor') throw meetingError('MEETING_AUDITOR_READ_ONLY');
  // The convener is the agency whose staff records the meeting.
  const convenedBy = actingAgencyOrNull(actor);
  if (!convenedBy) throw meetingError('MEETING_CONVENER_NOT_AGENCY', { actor: actor.agency });
  if (state.status !== 'none') throw meetingError('MEETING_ALREADY_RECORDED', { meetingId: state.meetingId });
  const invalid = (field: string, value: unknown) => meetingError('MEETING_INVALID_INPUT', { field, value });
  if (!isText(data.meetingId)) throw invalid('meetingId', data.meetingId);
  if (!isOneOf(MEETING_KINDS, data.kind)) throw invalid('kind', data.kind);
  const today = legalToday(metadata);
  dates.pastDate(data.heldOn, 'heldOn', today);
  const attendees = data.attendees;
  if (
    !Array.isArray(attendees) ||
    !attendees.every(
      (a) => a && (isAgency(a.agency) || isOrgan(a.agency)) && isText(a.staffId) && isText(a.name),
    )
  )
    throw invalid('attendees', attendees);
  if (new Set(attendees.map((a) => `${a.agency}/${a.staffId}`)).size !== attendees.length)
    throw invalid('attendees', 'the same person is listed twice');
  const present = new Set(attendees.map((a) => a.agency));
  if (!present.has(convenedBy)) throw meetingError('MEETING_CONVENER_ABSENT', { convenedBy });
  const agenciesPresent = AGENCIES.filter((a) => present.has(a));
  // Art 14: a joint meeting system among the three agencies; one agency alone is not a joint meeting.
  if (agenciesPresent.length < MIN_AGENCIES_AT_MEETING)
    throw meetingError('MEETING_TOO_FEW_AGENCIES', { agenciesPresent, minimum: MIN_AGENCIES_AT_MEETING });
  const cases = data.cases ?? [];
  if (!isTextList(cases, { nonEmpty: false })) throw invalid('cases', cases);
  // Art 14 with Art 17: the record says which cases were discussed, so each must be a real case the
  // convener can speak to. A case it does not take part in answers exactly like one that does not
  // exist, so the check reveals nothing a caller could not already see.
  for (const caseId of cases) {
    const facts = Object.hasOwn(data.caseFacts ?? {}, caseId) ? data.caseFacts![caseId] : undefined;
    if (facts?.exists !== true || facts.convenerTakesPart !== true)
      throw meetingError('MEETING_CASE_NOT_FOUND', { caseId });
  }
  const specialReason = data.specialReason ?? null;
  if (data.kind === 'SPECIAL') {
    // Art 14: special meetings are for major, sensitive or difficult cases: name them and say why.
    if (cases.length === 0) throw meetingError('MEETING_SPECIAL_NEEDS_CASE');
    if (
      specialReason === null ||
      !Array.isArray(specialReason.grounds) ||
      specialReason.grounds.length === 0 ||
      !specialReason.grounds.every((g) => isOneOf(SPECIAL_MEETING_GROUNDS, g)) ||
      !isText(specialReason.explanation)
    )
      throw meetingError('MEETING_SPECIAL_NEEDS_REASON', { specialReason });
  } else if (specialReason !== null) {
    throw invalid('specialReason', 'only a special meeting states a special reason');
  }
  if (!isTextList(data.conclusions, { nonEmpty: true })) throw meetingError('MEETING_NO_CONCLUSIONS');
  return [
    {
      type: 'MeetingRecorded',
      data: {
        meetingId: data.meetingId,
        kind: data.kind,
        heldOn: data.heldOn,
        convenedBy,
        attendees: attendees.map(({ agency, staffId, name }) => ({ agency, staffId, name })),
        cases: [...new Set(cases)],
        specialReason:
          specialReason === null
            ? null
            : { grounds: [...new Set(specialReason.grounds)], explanation: specialReason.explanation },
        conclusions: [...data.conclusions],
      },
    },
  ];
}

/**
 * A meeting is joint (Art 14) once every agency it lists has established its presence by its own
 * act, and at least two of the three did: until then nothing may rest on it (Art 11 confirmations).
 */
export function isJointMeeting(state: MeetingState): boolean {
  return (
    state.status === 'recorded' &&
    state.agenciesConfirmed.length >= MIN_AGENCIES_AT_MEETING &&
    state.agenciesPresent.every((a) => state.agenciesConfirmed.includes(a))
  );
}

function acknowledge(command: AcknowledgeAttendance, state: MeetingState): MeetingEvent[] {
  const { data, metadata } = command;
  const { actor } = metadata;
  if (actor.role === 'auditor') throw meetingError('MEETING_AUDITOR_READ_ONLY');
  const agency = actingAgencyOrNull(actor);
  // Invisible answers as unknown: an agency not listed learns nothing of the meeting (Art 17).
  if (state.status === 'none' || agency === null || !state.agenciesPresent.includes(agency))
    throw meetingError('MEETING_NOT_FOUND', { meetingId: data.meetingId });
  if (state.agenciesConfirmed.includes(agency))
    throw meetingError('MEETING_ATTENDANCE_ALREADY_ACKNOWLEDGED', { meetingId: state.meetingId, agency });
  dates.pastDate(data.acknowledgedOn, 'acknowledgedOn', legalToday(metadata));
  if (data.acknowledgedOn < state.heldOn)
    throw meetingError('MEETING_ACKNOWLEDGED_BEFORE_HELD', {
      acknowledgedOn: data.acknowledgedOn,
      heldOn: state.heldOn,
    });
  return [
    {
      type: 'MeetingAttendanceAcknowledged',
      data: { meetingId: state.meetingId, agency, acknowledgedOn: data.acknowledgedOn },
    },
  ];
}

export function evolveMeeting(state: MeetingState, event: MeetingEvent): MeetingState {
  switch (event.type) {
    case 'MeetingRecorded': {
      const present = new Set(event.data.attendees.map((a) => a.agency));
      return {
        status: 'recorded',
        ...event.data,
        agenciesPresent: AGENCIES.filter((a) => present.has(a)),
        agenciesConfirmed: [event.data.convenedBy],
      };
    }
    case 'MeetingAttendanceAcknowledged': {
      if (state.status === 'none') return state;
      const confirmed = new Set([...state.agenciesConfirmed, event.data.agency]);
      return { ...state, agenciesConfirmed: AGENCIES.filter((a) => confirmed.has(a)) };
    }
    default: {
      const _exhaustive: never = event;
      return _exhaustive;
    }
  }
}

export const meetingDecider: Decider<MeetingCommand, MeetingState, MeetingEvent> = {
  decide: decideMeeting,
  evolve: evolveMeeting,
  initialState: initialMeetingState,
};
