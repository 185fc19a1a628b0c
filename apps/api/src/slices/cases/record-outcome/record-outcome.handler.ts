import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { caseDecider, type RecordOutcome } from '@accord/domain';
import { CommandPipeline, type WriteResult } from '../../../pipeline/command-pipeline';
import { caseStreamId } from '../case-stream';
import { RecordOutcomeCommand } from './record-outcome.command';

@CommandHandler(RecordOutcomeCommand)
export class RecordOutcomeHandler implements ICommandHandler<RecordOutcomeCommand> {
  constructor(private readonly pipeline: CommandPipeline) {}

  execute({ caseId, body, ctx }: RecordOutcomeCommand): Promise<WriteResult> {
    return this.pipeline.execute({
      id: caseId,
      streamId: caseStreamId(caseId),
      decider: caseDecider,
      ctx,
      command: (metadata): RecordOutcome => ({
        type: 'RecordOutcome',
        data: {
          caseId,
          outcome: body.outcome,
          decidedOn: body.decidedOn,
          summary: body.summary,
          withdrawingPartyIds: body.withdrawingPartyIds ?? null,
          courtApproval: body.courtApproval ?? null,
          organAgreement: body.organAgreement ?? null,
        },
        metadata,
      }),
    });
  }
}
