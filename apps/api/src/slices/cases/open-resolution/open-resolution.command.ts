import { Command } from '@nestjs/cqrs';
import type { RequestContext } from '../../../http/request-context';
import type { WriteResult } from '../../../pipeline/command-pipeline';
import type { OpenResolutionRequestDto } from './open-resolution.request.dto';

export class OpenResolutionCommand extends Command<WriteResult> {
  constructor(
    readonly caseId: string,
    readonly body: OpenResolutionRequestDto,
    readonly ctx: RequestContext,
  ) {
    super();
  }
}
