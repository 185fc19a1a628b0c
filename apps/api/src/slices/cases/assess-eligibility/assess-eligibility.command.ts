import { Command } from '@nestjs/cqrs';
import type { RequestContext } from '../../../http/request-context';
import type { WriteResult } from '../../../pipeline/command-pipeline';
import type { AssessEligibilityRequestDto } from './assess-eligibility.request.dto';

export class AssessEligibilityCommand extends Command<WriteResult> {
  constructor(
    readonly caseId: string,
    readonly assessmentId: string,
    readonly body: AssessEligibilityRequestDto,
    readonly ctx: RequestContext,
  ) {
    super();
  }
}
