import { Command } from '@nestjs/cqrs';
import type { RequestContext } from '../../../http/request-context';
import type { WriteResult } from '../../../pipeline/command-pipeline';
import type { RecordAttendanceRequestDto } from './record-attendance.request.dto';

export class RecordAttendanceCommand extends Command<WriteResult> {
  constructor(
    readonly caseId: string,
    readonly requestId: string,
    readonly body: RecordAttendanceRequestDto,
    readonly ctx: RequestContext,
  ) {
    super();
  }
}
