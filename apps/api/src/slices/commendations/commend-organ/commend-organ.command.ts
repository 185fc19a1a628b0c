import { Command } from '@nestjs/cqrs';
import type { RequestContext } from '../../../http/request-context';
import type { WriteResult } from '../../../pipeline/command-pipeline';
import type { CommendOrganRequestDto } from './commend-organ.request.dto';

export class CommendOrganCommand extends Command<WriteResult> {
  constructor(
    readonly commendationId: string,
    readonly body: CommendOrganRequestDto,
    readonly ctx: RequestContext,
  ) {
    super();
  }
}
