import { Command } from '@nestjs/cqrs';
import type { RequestContext } from '../../../http/request-context';
import type { WriteResult } from '../../../pipeline/command-pipeline';
import type { RecordRiskFindingRequestDto } from './record-risk-finding.request.dto';

export class RecordRiskFindingCommand extends Command<WriteResult> {
  constructor(
    readonly caseId: string,
    readonly body: RecordRiskFindingRequestDto,
    readonly ctx: RequestContext,
  ) {
    super();
  }
}
