import { isAuditor, type Reader } from '../shared/reader';
import type { MeetingState } from './meeting.decider';

/**
 * Art 14 and Art 17: a meeting record discusses confidential cases, so it is read by the agencies
 * that sat in it and by auditors; organs invited to it do not read the agencies' record.
 */
export function canSeeMeeting(state: MeetingState, reader: Reader): boolean {
  if (state.status === 'none') return false;
  if (isAuditor(reader)) return true;
  return (state.agenciesPresent as readonly string[]).includes(reader.agency);
}
