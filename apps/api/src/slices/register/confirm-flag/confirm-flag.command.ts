import { Command } from '@nestjs/cqrs';
import type { RequestContext } from '../../../http/request-context';
import type { WriteResult } from '../../../pipeline/command-pipeline';
import type { ConfirmFlagRequestDto } from './confirm-flag.request.dto';

export class ConfirmFlagCommand extends Command<WriteResult> {
  constructor(
    readonly partyId: string,
    readonly flagId: string,
    readonly body: ConfirmFlagRequestDto,
    readonly ctx: RequestContext,
  ) {
    super();
  }
}
