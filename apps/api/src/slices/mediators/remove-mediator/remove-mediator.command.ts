import { Command } from '@nestjs/cqrs';
import type { RequestContext } from '../../../http/request-context';
import type { WriteResult } from '../../../pipeline/command-pipeline';
import type { RemoveMediatorRequestDto } from './remove-mediator.request.dto';

export class RemoveMediatorCommand extends Command<WriteResult> {
  constructor(
    readonly mediatorId: string,
    readonly body: RemoveMediatorRequestDto,
    readonly ctx: RequestContext,
  ) {
    super();
  }
}
