import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { partyRegisterDecider, type WithdrawFlag } from '@accord/domain';
import { plain } from '../../../http/ids';
import { CommandPipeline, type WriteResult } from '../../../pipeline/command-pipeline';
import { partyStreamId } from '../party-stream';
import { WithdrawFlagCommand } from './withdraw-flag.command';

@CommandHandler(WithdrawFlagCommand)
export class WithdrawFlagHandler implements ICommandHandler<WithdrawFlagCommand> {
  constructor(private readonly pipeline: CommandPipeline) {}

  execute({ partyId, flagId, body, ctx }: WithdrawFlagCommand): Promise<WriteResult> {
    return this.pipeline.execute({
      id: flagId,
      streamId: partyStreamId(partyId),
      decider: partyRegisterDecider,
      ctx,
      command: (metadata): WithdrawFlag => ({
        type: 'WithdrawFlag',
        data: { partyId, flagId, ...plain(body) },
        metadata,
      }),
    });
  }
}
