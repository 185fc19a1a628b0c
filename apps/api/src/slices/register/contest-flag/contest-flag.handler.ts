import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { partyRegisterDecider, type ContestFlag } from '@accord/domain';
import { plain } from '../../../http/ids';
import { CommandPipeline, type WriteResult } from '../../../pipeline/command-pipeline';
import { partyStreamId } from '../party-stream';
import { ContestFlagCommand } from './contest-flag.command';

@CommandHandler(ContestFlagCommand)
export class ContestFlagHandler implements ICommandHandler<ContestFlagCommand> {
  constructor(private readonly pipeline: CommandPipeline) {}

  execute({ partyId, flagId, contestId, body, ctx }: ContestFlagCommand): Promise<WriteResult> {
    return this.pipeline.execute({
      id: contestId,
      streamId: partyStreamId(partyId),
      decider: partyRegisterDecider,
      ctx,
      command: (metadata): ContestFlag => ({
        type: 'ContestFlag',
        data: { partyId, flagId, contestId, ...plain(body) },
        metadata,
      }),
    });
  }
}
