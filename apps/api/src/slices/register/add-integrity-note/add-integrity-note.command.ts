import { Command } from '@nestjs/cqrs';
import type { RequestContext } from '../../../http/request-context';
import type { WriteResult } from '../../../pipeline/command-pipeline';
import type { AddIntegrityNoteRequestDto } from './add-integrity-note.request.dto';

export class AddIntegrityNoteCommand extends Command<WriteResult> {
  constructor(
    readonly partyId: string,
    readonly noteId: string,
    readonly body: AddIntegrityNoteRequestDto,
    readonly ctx: RequestContext,
  ) {
    super();
  }
}
