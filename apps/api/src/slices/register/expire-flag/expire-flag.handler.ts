import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { partyRegisterDecider, type ExpireFlag } from '@accord/domain';
import { plain } from '../../../http/ids';
import { CommandPipeline, type WriteResult } from '../../../pipeline/command-pipeline';
import { partyStreamId } from '../party-stream';
import { ExpireFlagCommand } from './expire-flag.command';

@CommandHandler(ExpireFlagCommand)
export class ExpireFlagHandler implements ICommandHandler<ExpireFlagCommand> {
  constructor(private readonly pipeline: CommandPipeline) {}

  execute({ partyId, flagId, body, ctx }: ExpireFlagCommand): Promise<WriteResult> {
    return this.pipeline.execute({
      id: flagId,
      streamId: partyStreamId(partyId),
      decider: partyRegisterDecider,
      ctx,
      command: (metadata): ExpireFlag => ({
        type: 'ExpireFlag',
        data: { partyId, flagId, ...plain(body) },
        metadata,
      }),
    });
  }
}
