import type { Slice } from '../slice';
import { acknowledgeAttendance } from './acknowledge-attendance';
import { getMeeting } from './get-meeting';
import { recordMeeting } from './record-meeting';

export const MEETING_SLICES: readonly Slice[] = [recordMeeting, acknowledgeAttendance, getMeeting];
