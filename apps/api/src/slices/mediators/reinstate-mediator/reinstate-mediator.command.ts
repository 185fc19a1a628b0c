import { Command } from '@nestjs/cqrs';
import type { RequestContext } from '../../../http/request-context';
import type { WriteResult } from '../../../pipeline/command-pipeline';
import type { ReinstateMediatorRequestDto } from './reinstate-mediator.request.dto';

export class ReinstateMediatorCommand extends Command<WriteResult> {
  constructor(
    readonly mediatorId: string,
    readonly body: ReinstateMediatorRequestDto,
    readonly ctx: RequestContext,
  ) {
    super();
  }
}
