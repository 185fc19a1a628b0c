import type { ActorAgency } from '@accord/events';
import type { MeetingState } from '@accord/domain';

/** Stream naming (architecture.md): one stream per meeting. */
export const meetingStreamId = (meetingId: string): string => `meeting-${meetingId}`;

/**
 * Art 14 and Art 17: a meeting record discusses confidential cases, so it is read by the agencies
 * that sat in it and by auditors; organs invited to it do not read the agencies' record.
 */
export function canSeeMeeting(state: MeetingState, reader: { agency: ActorAgency; role: string }): boolean {
  if (state.status === 'none') return false;
  if (reader.role === 'auditor') return true;
  return (state.agenciesPresent as readonly string[]).includes(reader.agency);
}
