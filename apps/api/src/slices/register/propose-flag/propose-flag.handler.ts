import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { partyRegisterDecider, type ProposeFlag } from '@accord/domain';
import { plain } from '../../../http/ids';
import { CommandPipeline, type WriteResult } from '../../../pipeline/command-pipeline';
import { partyStreamId } from '../party-stream';
import { ProposeFlagCommand } from './propose-flag.command';

@CommandHandler(ProposeFlagCommand)
export class ProposeFlagHandler implements ICommandHandler<ProposeFlagCommand> {
  constructor(private readonly pipeline: CommandPipeline) {}

  execute({ partyId, flagId, body, ctx }: ProposeFlagCommand): Promise<WriteResult> {
    return this.pipeline.execute({
      id: flagId,
      streamId: partyStreamId(partyId),
      decider: partyRegisterDecider,
      ctx,
      command: (metadata): ProposeFlag => ({
        type: 'ProposeFlag',
        data: { partyId, flagId, ...plain(body) },
        metadata,
      }),
    });
  }
}
