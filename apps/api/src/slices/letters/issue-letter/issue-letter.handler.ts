import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { letterDecider, type IssueLetter } from '@accord/domain';
import { plain } from '../../../http/ids';
import { CommandPipeline, type WriteResult } from '../../../pipeline/command-pipeline';
import { letterStreamId } from '../letter-stream';
import { IssueLetterCommand } from './issue-letter.command';

@CommandHandler(IssueLetterCommand)
export class IssueLetterHandler implements ICommandHandler<IssueLetterCommand> {
  constructor(private readonly pipeline: CommandPipeline) {}

  execute({ letterId, body, ctx }: IssueLetterCommand): Promise<WriteResult> {
    return this.pipeline.execute({
      id: letterId,
      streamId: letterStreamId(letterId),
      decider: letterDecider,
      ctx,
      command: (metadata): IssueLetter => ({
        type: 'IssueLetter',
        // One spelling per case id, as in `/cases/:id`, so the letter links to the case's stream.
        data: { letterId, ...plain(body), caseId: body.caseId?.toLowerCase() ?? null },
        metadata,
      }),
    });
  }
}
