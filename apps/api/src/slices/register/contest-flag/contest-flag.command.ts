import { Command } from '@nestjs/cqrs';
import type { RequestContext } from '../../../http/request-context';
import type { WriteResult } from '../../../pipeline/command-pipeline';
import type { ContestFlagRequestDto } from './contest-flag.request.dto';

export class ContestFlagCommand extends Command<WriteResult> {
  constructor(
    readonly partyId: string,
    readonly flagId: string,
    readonly contestId: string,
    readonly body: ContestFlagRequestDto,
    readonly ctx: RequestContext,
  ) {
    super();
  }
}
