import type { Slice } from '../slice';
import { getMeeting } from './get-meeting';
import { recordMeeting } from './record-meeting';

export const MEETING_SLICES: readonly Slice[] = [recordMeeting, getMeeting];
