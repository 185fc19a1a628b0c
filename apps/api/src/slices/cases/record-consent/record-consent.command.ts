import { Command } from '@nestjs/cqrs';
import type { RequestContext } from '../../../http/request-context';
import type { WriteResult } from '../../../pipeline/command-pipeline';
import type { RecordConsentRequestDto } from './record-consent.request.dto';

export class RecordConsentCommand extends Command<WriteResult> {
  constructor(
    readonly caseId: string,
    readonly body: RecordConsentRequestDto,
    readonly ctx: RequestContext,
  ) {
    super();
  }
}
