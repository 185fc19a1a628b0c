import { Command } from '@nestjs/cqrs';
import type { RequestContext } from '../../../http/request-context';
import type { WriteResult } from '../../../pipeline/command-pipeline';
import type { AdoptPreventionPlanRequestDto } from './adopt-prevention-plan.request.dto';

export class AdoptPreventionPlanCommand extends Command<WriteResult> {
  constructor(
    readonly caseId: string,
    readonly planId: string,
    readonly body: AdoptPreventionPlanRequestDto,
    readonly ctx: RequestContext,
  ) {
    super();
  }
}
