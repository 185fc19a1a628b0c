import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { letterDecider, type RecordLetterResponse } from '@accord/domain';
import { plain } from '../../../http/ids';
import { CommandPipeline, type WriteResult } from '../../../pipeline/command-pipeline';
import { letterStreamId } from '../letter-stream';
import { RecordLetterResponseCommand } from './record-letter-response.command';

@CommandHandler(RecordLetterResponseCommand)
export class RecordLetterResponseHandler implements ICommandHandler<RecordLetterResponseCommand> {
  constructor(private readonly pipeline: CommandPipeline) {}

  execute({ letterId, body, ctx }: RecordLetterResponseCommand): Promise<WriteResult> {
    return this.pipeline.execute({
      id: letterId,
      streamId: letterStreamId(letterId),
      decider: letterDecider,
      ctx,
      command: (metadata): RecordLetterResponse => ({
        type: 'RecordLetterResponse',
        data: { letterId, ...plain(body) },
        metadata,
      }),
    });
  }
}
