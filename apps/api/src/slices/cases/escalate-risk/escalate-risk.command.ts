import { Command } from '@nestjs/cqrs';
import type { RequestContext } from '../../../http/request-context';
import type { WriteResult } from '../../../pipeline/command-pipeline';
import type { EscalateRiskRequestDto } from './escalate-risk.request.dto';

export class EscalateRiskCommand extends Command<WriteResult> {
  constructor(
    readonly caseId: string,
    readonly escalationId: string,
    readonly body: EscalateRiskRequestDto,
    readonly ctx: RequestContext,
  ) {
    super();
  }
}
