import { Command } from '@nestjs/cqrs';
import type { RequestContext } from '../../../http/request-context';
import type { WriteResult } from '../../../pipeline/command-pipeline';
import type { CloseCaseRequestDto } from './close-case.request.dto';

export class CloseCaseCommand extends Command<WriteResult> {
  constructor(
    readonly caseId: string,
    readonly body: CloseCaseRequestDto,
    readonly ctx: RequestContext,
  ) {
    super();
  }
}
