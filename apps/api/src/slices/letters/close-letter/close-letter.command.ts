import { Command } from '@nestjs/cqrs';
import type { RequestContext } from '../../../http/request-context';
import type { WriteResult } from '../../../pipeline/command-pipeline';
import type { CloseLetterRequestDto } from './close-letter.request.dto';

export class CloseLetterCommand extends Command<WriteResult> {
  constructor(
    readonly letterId: string,
    readonly body: CloseLetterRequestDto,
    readonly ctx: RequestContext,
  ) {
    super();
  }
}
