import { Command } from '@nestjs/cqrs';
import type { RequestContext } from '../../../http/request-context';
import type { WriteResult } from '../../../pipeline/command-pipeline';
import type { ReportAbsenceRequestDto } from './report-absence.request.dto';

export class ReportAbsenceCommand extends Command<WriteResult> {
  constructor(
    readonly caseId: string,
    readonly body: ReportAbsenceRequestDto,
    readonly ctx: RequestContext,
  ) {
    super();
  }
}
