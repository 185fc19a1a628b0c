import { Command } from '@nestjs/cqrs';
import type { RequestContext } from '../../../http/request-context';
import type { WriteResult } from '../../../pipeline/command-pipeline';
import type { RecordActivityRequestDto } from './record-activity.request.dto';

export class RecordActivityCommand extends Command<WriteResult> {
  constructor(
    readonly caseId: string,
    readonly activityId: string,
    readonly body: RecordActivityRequestDto,
    readonly ctx: RequestContext,
  ) {
    super();
  }
}
