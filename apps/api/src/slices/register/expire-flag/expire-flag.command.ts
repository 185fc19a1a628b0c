import { Command } from '@nestjs/cqrs';
import type { RequestContext } from '../../../http/request-context';
import type { WriteResult } from '../../../pipeline/command-pipeline';
import type { ExpireFlagRequestDto } from './expire-flag.request.dto';

export class ExpireFlagCommand extends Command<WriteResult> {
  constructor(
    readonly partyId: string,
    readonly flagId: string,
    readonly body: ExpireFlagRequestDto,
    readonly ctx: RequestContext,
  ) {
    super();
  }
}
