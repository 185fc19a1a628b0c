import { Command } from '@nestjs/cqrs';
import type { RequestContext } from '../../../http/request-context';
import type { WriteResult } from '../../../pipeline/command-pipeline';
import type { CoordinateReliefRequestDto } from './coordinate-relief.request.dto';

export class CoordinateReliefCommand extends Command<WriteResult> {
  constructor(
    readonly caseId: string,
    readonly reliefId: string,
    readonly body: CoordinateReliefRequestDto,
    readonly ctx: RequestContext,
  ) {
    super();
  }
}
