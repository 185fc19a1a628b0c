import { Command } from '@nestjs/cqrs';
import type { RequestContext } from '../../../http/request-context';
import type { WriteResult } from '../../../pipeline/command-pipeline';
import type { AssessRiskRequestDto } from './assess-risk.request.dto';

export class AssessRiskCommand extends Command<WriteResult> {
  constructor(
    readonly caseId: string,
    readonly assessmentId: string,
    readonly body: AssessRiskRequestDto,
    readonly ctx: RequestContext,
  ) {
    super();
  }
}
