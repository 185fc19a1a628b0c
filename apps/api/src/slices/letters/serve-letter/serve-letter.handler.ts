import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { letterDecider, type ServeLetter } from '@accord/domain';
import { plain } from '../../../http/ids';
import { CommandPipeline, type WriteResult } from '../../../pipeline/command-pipeline';
import { letterStreamId } from '../letter-stream';
import { ServeLetterCommand } from './serve-letter.command';

@CommandHandler(ServeLetterCommand)
export class ServeLetterHandler implements ICommandHandler<ServeLetterCommand> {
  constructor(private readonly pipeline: CommandPipeline) {}

  execute({ letterId, body, ctx }: ServeLetterCommand): Promise<WriteResult> {
    return this.pipeline.execute({
      id: letterId,
      streamId: letterStreamId(letterId),
      decider: letterDecider,
      ctx,
      command: (metadata): ServeLetter => ({
        type: 'ServeLetter',
        data: { letterId, ...plain(body) },
        metadata,
      }),
    });
  }
}
