import { Command } from '@nestjs/cqrs';
import type { RequestContext } from '../../../http/request-context';
import type { WriteResult } from '../../../pipeline/command-pipeline';
import type { SuspendMediatorRequestDto } from './suspend-mediator.request.dto';

export class SuspendMediatorCommand extends Command<WriteResult> {
  constructor(
    readonly mediatorId: string,
    readonly body: SuspendMediatorRequestDto,
    readonly ctx: RequestContext,
  ) {
    super();
  }
}
