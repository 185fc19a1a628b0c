import { Command } from '@nestjs/cqrs';
import type { RequestContext } from '../../../http/request-context';
import type { WriteResult } from '../../../pipeline/command-pipeline';
import type { IssueLetterRequestDto } from './issue-letter.request.dto';

export class IssueLetterCommand extends Command<WriteResult> {
  constructor(
    readonly letterId: string,
    readonly body: IssueLetterRequestDto,
    readonly ctx: RequestContext,
  ) {
    super();
  }
}
