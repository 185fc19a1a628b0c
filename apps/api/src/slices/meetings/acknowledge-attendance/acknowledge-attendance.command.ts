import { Command } from '@nestjs/cqrs';
import type { RequestContext } from '../../../http/request-context';
import type { WriteResult } from '../../../pipeline/command-pipeline';
import type { AcknowledgeAttendanceRequestDto } from './acknowledge-attendance.request.dto';

export class AcknowledgeAttendanceCommand extends Command<WriteResult> {
  constructor(
    readonly meetingId: string,
    readonly body: AcknowledgeAttendanceRequestDto,
    readonly ctx: RequestContext,
  ) {
    super();
  }
}
