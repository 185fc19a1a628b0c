import { Command } from '@nestjs/cqrs';
import type { RequestContext } from '../../../http/request-context';
import type { WriteResult } from '../../../pipeline/command-pipeline';
import type { DecideContestRequestDto } from './decide-contest.request.dto';

export class DecideContestCommand extends Command<WriteResult> {
  constructor(
    readonly partyId: string,
    readonly flagId: string,
    readonly contestId: string,
    readonly body: DecideContestRequestDto,
    readonly ctx: RequestContext,
  ) {
    super();
  }
}
