import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { letterDecider, type CloseLetter } from '@accord/domain';
import { plain } from '../../../http/ids';
import { CommandPipeline, type WriteResult } from '../../../pipeline/command-pipeline';
import { letterStreamId } from '../letter-stream';
import { CloseLetterCommand } from './close-letter.command';

@CommandHandler(CloseLetterCommand)
export class CloseLetterHandler implements ICommandHandler<CloseLetterCommand> {
  constructor(private readonly pipeline: CommandPipeline) {}

  execute({ letterId, body, ctx }: CloseLetterCommand): Promise<WriteResult> {
    return this.pipeline.execute({
      id: letterId,
      streamId: letterStreamId(letterId),
      decider: letterDecider,
      ctx,
      command: (metadata): CloseLetter => ({
        type: 'CloseLetter',
        data: { letterId, ...plain(body) },
        metadata,
      }),
    });
  }
}
