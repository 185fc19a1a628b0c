import { Command } from '@nestjs/cqrs';
import type { RequestContext } from '../../../http/request-context';
import type { WriteResult } from '../../../pipeline/command-pipeline';
import type { RecordFollowUpRequestDto } from './record-follow-up.request.dto';

export class RecordFollowUpCommand extends Command<WriteResult> {
  constructor(
    readonly letterId: string,
    readonly body: RecordFollowUpRequestDto,
    readonly ctx: RequestContext,
  ) {
    super();
  }
}
