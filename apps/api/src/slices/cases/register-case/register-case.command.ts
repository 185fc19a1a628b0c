import { Command } from '@nestjs/cqrs';
import type { RequestContext } from '../../../http/request-context';
import type { WriteResult } from '../../../pipeline/command-pipeline';
import type { RegisterCaseRequestDto } from './register-case.request.dto';

export class RegisterCaseCommand extends Command<WriteResult> {
  constructor(
    readonly caseId: string,
    readonly body: RegisterCaseRequestDto,
    readonly ctx: RequestContext,
  ) {
    super();
  }
}
