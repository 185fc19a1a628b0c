import { Command } from '@nestjs/cqrs';
import type { RequestContext } from '../../../http/request-context';
import type { WriteResult } from '../../../pipeline/command-pipeline';
import type { AdmitMediatorRequestDto } from './admit-mediator.request.dto';

export class AdmitMediatorCommand extends Command<WriteResult> {
  constructor(
    readonly mediatorId: string,
    readonly body: AdmitMediatorRequestDto,
    readonly ctx: RequestContext,
  ) {
    super();
  }
}
