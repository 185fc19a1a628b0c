import { Command } from '@nestjs/cqrs';
import type { RequestContext } from '../../../http/request-context';
import type { WriteResult } from '../../../pipeline/command-pipeline';
import type { RecordMeetingRequestDto } from './record-meeting.request.dto';

export class RecordMeetingCommand extends Command<WriteResult> {
  constructor(
    readonly meetingId: string,
    readonly body: RecordMeetingRequestDto,
    readonly ctx: RequestContext,
  ) {
    super();
  }
}
