import { Command } from '@nestjs/cqrs';
import type { RequestContext } from '../../../http/request-context';
import type { WriteResult } from '../../../pipeline/command-pipeline';
import type { LinkCaseRequestDto } from './link-case.request.dto';

export class LinkCaseCommand extends Command<WriteResult> {
  constructor(
    readonly caseId: string,
    readonly body: LinkCaseRequestDto,
    readonly ctx: RequestContext,
  ) {
    super();
  }
}
