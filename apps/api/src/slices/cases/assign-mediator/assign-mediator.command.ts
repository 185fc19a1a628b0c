import { Command } from '@nestjs/cqrs';
import type { RequestContext } from '../../../http/request-context';
import type { WriteResult } from '../../../pipeline/command-pipeline';
import type { AssignMediatorRequestDto } from './assign-mediator.request.dto';

export class AssignMediatorCommand extends Command<WriteResult> {
  constructor(
    readonly caseId: string,
    readonly body: AssignMediatorRequestDto,
    readonly ctx: RequestContext,
  ) {
    super();
  }
}
