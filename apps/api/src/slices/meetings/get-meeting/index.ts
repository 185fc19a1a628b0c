import type { Slice } from '../../slice';
import { GetMeetingController } from './get-meeting.controller';

export const getMeeting: Slice = { controllers: [GetMeetingController] };
