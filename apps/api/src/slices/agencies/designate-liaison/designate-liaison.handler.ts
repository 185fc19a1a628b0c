import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { agencyDecider, type DesignateLiaison } from '@accord/domain';
import { plain } from '../../../http/ids';
import { CommandPipeline, type WriteResult } from '../../../pipeline/command-pipeline';
import { agencyStreamId } from '../agency-stream';
import { DesignateLiaisonCommand } from './designate-liaison.command';

@CommandHandler(DesignateLiaisonCommand)
export class DesignateLiaisonHandler implements ICommandHandler<DesignateLiaisonCommand> {
  constructor(private readonly pipeline: CommandPipeline) {}

  execute({ agency, body, ctx }: DesignateLiaisonCommand): Promise<WriteResult> {
    return this.pipeline.execute({
      id: agency,
      streamId: agencyStreamId(agency),
      decider: agencyDecider,
      ctx,
      command: (metadata): DesignateLiaison => ({
        type: 'DesignateLiaison',
        data: { agency, ...plain(body) },
        metadata,
      }),
    });
  }
}
