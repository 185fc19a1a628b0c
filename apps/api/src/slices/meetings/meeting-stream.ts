import type { ActorAgency } from '@accord/events';
import { defineErrors, type MeetingState } from '@accord/domain';

/** Stream naming (architecture.md): one stream per meeting. */
export const meetingStreamId = (meetingId: string): string => `meeting-${meetingId}`;

/** Refusals of the meeting read, which the decider (a write model) has no reason to know. */
export const meetingReadError = defineErrors({
  MEETING_NOT_FOUND: {
    kind: 'not_found',
    article: 'Art 14',
    en: 'No such meeting is on record for your agency.',
    zh: '没有贵单位可查阅的该会议记录。',
  },
});

/**
 * Art 14 and Art 17: a meeting record discusses confidential cases, so it is read by the agencies
 * that sat in it and by auditors; organs invited to it do not read the agencies' record.
 */
export function canSeeMeeting(state: MeetingState, reader: { agency: ActorAgency; role: string }): boolean {
  if (state.status === 'none') return false;
  if (reader.role === 'auditor') return true;
  return (state.agenciesPresent as readonly string[]).includes(reader.agency);
}
