import { Command } from '@nestjs/cqrs';
import type { RequestContext } from '../../../http/request-context';
import type { WriteResult } from '../../../pipeline/command-pipeline';
import type { WithdrawFlagRequestDto } from './withdraw-flag.request.dto';

export class WithdrawFlagCommand extends Command<WriteResult> {
  constructor(
    readonly partyId: string,
    readonly flagId: string,
    readonly body: WithdrawFlagRequestDto,
    readonly ctx: RequestContext,
  ) {
    super();
  }
}
