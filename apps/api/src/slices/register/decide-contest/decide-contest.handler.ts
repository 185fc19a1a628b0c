import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { partyRegisterDecider, type DecideContest } from '@accord/domain';
import { plain } from '../../../http/ids';
import { CommandPipeline, type WriteResult } from '../../../pipeline/command-pipeline';
import { partyStreamId } from '../party-stream';
import { DecideContestCommand } from './decide-contest.command';

@CommandHandler(DecideContestCommand)
export class DecideContestHandler implements ICommandHandler<DecideContestCommand> {
  constructor(private readonly pipeline: CommandPipeline) {}

  execute({ partyId, flagId, contestId, body, ctx }: DecideContestCommand): Promise<WriteResult> {
    return this.pipeline.execute({
      id: contestId,
      streamId: partyStreamId(partyId),
      decider: partyRegisterDecider,
      ctx,
      command: (metadata): DecideContest => ({
        type: 'DecideContest',
        data: { partyId, flagId, contestId, ...plain(body) },
        metadata,
      }),
    });
  }
}
