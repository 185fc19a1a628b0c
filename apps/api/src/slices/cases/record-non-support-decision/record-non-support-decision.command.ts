import { Command } from '@nestjs/cqrs';
import type { RequestContext } from '../../../http/request-context';
import type { WriteResult } from '../../../pipeline/command-pipeline';
import type { RecordNonSupportDecisionRequestDto } from './record-non-support-decision.request.dto';

export class RecordNonSupportDecisionCommand extends Command<WriteResult> {
  constructor(
    readonly caseId: string,
    readonly body: RecordNonSupportDecisionRequestDto,
    readonly ctx: RequestContext,
  ) {
    super();
  }
}
