import { Command } from '@nestjs/cqrs';
import type { RequestContext } from '../../../http/request-context';
import type { WriteResult } from '../../../pipeline/command-pipeline';
import type { RecordLetterResponseRequestDto } from './record-letter-response.request.dto';

export class RecordLetterResponseCommand extends Command<WriteResult> {
  constructor(
    readonly letterId: string,
    readonly body: RecordLetterResponseRequestDto,
    readonly ctx: RequestContext,
  ) {
    super();
  }
}
