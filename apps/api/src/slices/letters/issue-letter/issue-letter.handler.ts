import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { ActorAgency } from '@accord/events';
import { caseAccess, caseDecider, letterDecider, type IssueLetter } from '@accord/domain';
import { plain } from '../../../http/ids';
import { CommandPipeline, type WriteResult } from '../../../pipeline/command-pipeline';
import { StreamReader } from '../../../pipeline/stream-reader';
import { caseStreamId } from '../../cases/case-stream';
import { letterStreamId } from '../letter-stream';
import { IssueLetterCommand } from './issue-letter.command';

@CommandHandler(IssueLetterCommand)
export class IssueLetterHandler implements ICommandHandler<IssueLetterCommand> {
  constructor(
    private readonly pipeline: CommandPipeline,
    private readonly reader: StreamReader,
  ) {}

  async execute({ letterId, body, ctx }: IssueLetterCommand): Promise<WriteResult> {
    const caseId = body.caseId?.toLowerCase() ?? null;
    const caseFacts = caseId === null ? null : await this.caseFacts(caseId, ctx.actor.agency);
    return this.pipeline.execute({
      id: letterId,
      streamId: letterStreamId(letterId),
      decider: letterDecider,
      ctx,
      command: (metadata): IssueLetter => ({
        type: 'IssueLetter',
        // One spelling per case id, as in `/cases/:id`, so the letter links to the case's stream.
        data: { letterId, ...plain(body), caseId, caseFacts },
        metadata,
      }),
    });
  }

  /** Art 8: the facts the decider judges the named case by; the case itself stays unseen (Art 17). */
  private async caseFacts(caseId: string, agency: ActorAgency) {
    const { state } = await this.reader.current(caseStreamId(caseId), caseDecider);
    return { exists: state.status !== 'none', issuerTakesPart: caseAccess(state, agency) === 'participant' };
  }
}
