import type { Slice } from '../../slice';
import { RecordMeetingController } from './record-meeting.controller';
import { RecordMeetingHandler } from './record-meeting.handler';

export const recordMeeting: Slice = {
  controllers: [RecordMeetingController],
  providers: [RecordMeetingHandler],
};
