import { Command } from '@nestjs/cqrs';
import type { RequestContext } from '../../../http/request-context';
import type { WriteResult } from '../../../pipeline/command-pipeline';
import type { RecordOutcomeRequestDto } from './record-outcome.request.dto';

export class RecordOutcomeCommand extends Command<WriteResult> {
  constructor(
    readonly caseId: string,
    readonly body: RecordOutcomeRequestDto,
    readonly ctx: RequestContext,
  ) {
    super();
  }
}
