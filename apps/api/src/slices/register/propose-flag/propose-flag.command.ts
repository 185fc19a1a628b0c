import { Command } from '@nestjs/cqrs';
import type { RequestContext } from '../../../http/request-context';
import type { WriteResult } from '../../../pipeline/command-pipeline';
import type { ProposeFlagRequestDto } from './propose-flag.request.dto';

export class ProposeFlagCommand extends Command<WriteResult> {
  constructor(
    readonly partyId: string,
    readonly flagId: string,
    readonly body: ProposeFlagRequestDto,
    readonly ctx: RequestContext,
  ) {
    super();
  }
}
