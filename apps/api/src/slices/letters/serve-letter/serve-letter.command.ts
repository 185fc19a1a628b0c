import { Command } from '@nestjs/cqrs';
import type { RequestContext } from '../../../http/request-context';
import type { WriteResult } from '../../../pipeline/command-pipeline';
import type { ServeLetterRequestDto } from './serve-letter.request.dto';

export class ServeLetterCommand extends Command<WriteResult> {
  constructor(
    readonly letterId: string,
    readonly body: ServeLetterRequestDto,
    readonly ctx: RequestContext,
  ) {
    super();
  }
}
