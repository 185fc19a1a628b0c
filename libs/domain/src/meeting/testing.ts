import type { Actor, MeetingAttendee, MeetingRecorded } from '@accord/events';
import { metadata } from '../agency/testing';
import type { RecordMeeting } from './meeting.decider';

export const ATTENDEES: readonly MeetingAttendee[] = [
  { agency: 'COURT', staffId: 'court-0012', name: '王某 Wang' },
  { agency: 'PROCURATORATE', staffId: 'proc-0003', name: '孙某 Sun' },
  { agency: 'GOV_OFFICE', staffId: 'gov-0021', name: '周某 Zhou' },
];

export function recordMeeting(
  by: Actor,
  today: string,
  data: Partial<RecordMeeting['data']> = {},
): RecordMeeting {
  return {
    type: 'RecordMeeting',
    data: {
      meetingId: 'meeting-2024-q4',
      kind: 'REGULAR',
      heldOn: today,
      attendees: ATTENDEES,
      cases: [],
      conclusions: ['Invitations under Art 4 will be sent by email and post.'],
      ...data,
    },
    metadata: metadata(by, today),
  };
}

export function meetingRecorded(
  heldOn: string,
  data: Partial<MeetingRecorded['data']> = {},
): MeetingRecorded {
  return {
    type: 'MeetingRecorded',
    data: {
      meetingId: 'meeting-2024-q4',
      kind: 'REGULAR',
      heldOn,
      convenedBy: 'COURT',
      attendees: ATTENDEES,
      cases: [],
      specialReason: null,
      conclusions: ['Invitations under Art 4 will be sent by email and post.'],
      ...data,
    },
  };
}
