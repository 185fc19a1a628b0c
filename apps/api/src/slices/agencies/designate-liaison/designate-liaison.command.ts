import { Command } from '@nestjs/cqrs';
import type { Agency } from '@accord/events';
import type { RequestContext } from '../../../http/request-context';
import type { WriteResult } from '../../../pipeline/command-pipeline';
import type { DesignateLiaisonRequestDto } from './designate-liaison.request.dto';

export class DesignateLiaisonCommand extends Command<WriteResult> {
  constructor(
    readonly agency: Agency,
    readonly body: DesignateLiaisonRequestDto,
    readonly ctx: RequestContext,
  ) {
    super();
  }
}
