import { Command } from '@nestjs/cqrs';
import type { RequestContext } from '../../../http/request-context';
import type { WriteResult } from '../../../pipeline/command-pipeline';
import type { RecordFlagNotificationRequestDto } from './record-flag-notification.request.dto';

export class RecordFlagNotificationCommand extends Command<WriteResult> {
  constructor(
    readonly partyId: string,
    readonly flagId: string,
    readonly body: RecordFlagNotificationRequestDto,
    readonly ctx: RequestContext,
  ) {
    super();
  }
}
