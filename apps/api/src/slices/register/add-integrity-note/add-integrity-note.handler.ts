import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { partyRegisterDecider, type AddIntegrityNote } from '@accord/domain';
import { plain } from '../../../http/ids';
import { CommandPipeline, type WriteResult } from '../../../pipeline/command-pipeline';
import { partyStreamId } from '../party-stream';
import { AddIntegrityNoteCommand } from './add-integrity-note.command';

@CommandHandler(AddIntegrityNoteCommand)
export class AddIntegrityNoteHandler implements ICommandHandler<AddIntegrityNoteCommand> {
  constructor(private readonly pipeline: CommandPipeline) {}

  execute({ partyId, noteId, body, ctx }: AddIntegrityNoteCommand): Promise<WriteResult> {
    return this.pipeline.execute({
      id: noteId,
      streamId: partyStreamId(partyId),
      decider: partyRegisterDecider,
      ctx,
      command: (metadata): AddIntegrityNote => ({
        type: 'AddIntegrityNote',
        data: { partyId, noteId, ...plain(body) },
        metadata,
      }),
    });
  }
}
