import { Command } from '@nestjs/cqrs';
import type { RequestContext } from '../../../http/request-context';
import type { WriteResult } from '../../../pipeline/command-pipeline';
import type { RequestParticipationRequestDto } from './request-participation.request.dto';

export class RequestParticipationCommand extends Command<WriteResult> {
  constructor(
    readonly caseId: string,
    readonly requestId: string,
    readonly body: RequestParticipationRequestDto,
    readonly ctx: RequestContext,
  ) {
    super();
  }
}
