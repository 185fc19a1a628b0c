import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { caseDecider, type RecordConsent } from '@accord/domain';
import { CommandPipeline, type WriteResult } from '../../../pipeline/command-pipeline';
import { caseStreamId } from '../case-stream';
import { RecordConsentCommand } from './record-consent.command';

@CommandHandler(RecordConsentCommand)
export class RecordConsentHandler implements ICommandHandler<RecordConsentCommand> {
  constructor(private readonly pipeline: CommandPipeline) {}

  execute({ caseId, body, ctx }: RecordConsentCommand): Promise<WriteResult> {
    return this.pipeline.execute({
      id: body.partyId,
      streamId: caseStreamId(caseId),
      decider: caseDecider,
      ctx,
      command: (metadata): RecordConsent => ({
        type: 'RecordConsent',
        data: { caseId, partyId: body.partyId, consent: body.consent, on: body.on, note: body.note ?? '' },
        metadata,
      }),
    });
  }
}
