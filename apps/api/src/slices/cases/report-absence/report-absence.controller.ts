import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { UuidParam } from '../../../http/ids';
import { WriteEndpoint } from '../../../http/openapi.decorators';
import { Ctx, type RequestContext } from '../../../http/request-context';
import { LeadAct } from '../../../identity/access.decorators';
import { WriteResult } from '../../../pipeline/command-pipeline';
import { decideCase } from '../case-act';
import type { ReportAbsence } from '@accord/domain';
import { ReportAbsenceRequestDto } from './report-absence.request.dto';
import { Decides } from '../../decides';

@ApiTags('cases')
@Controller('cases')
export class ReportAbsenceController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/absence-reports')
  @HttpCode(201)
  @LeadAct()
  @WriteEndpoint()
  @Decides('case', 'ReportAbsence')
  @ApiOperation({
    summary: 'Report an unjustified absence of an organ head to the county government (Art 12)',
    description:
      'A lead of the government office, for a request whose attendance is ABSENT_UNJUSTIFIED. `id` in the answer is the participation request id.',
  })
  @ApiCreatedResponse({ type: WriteResult })
  report(
    @UuidParam('id') caseId: string,
    @Body() body: ReportAbsenceRequestDto,
    @Ctx() ctx: RequestContext,
  ): Promise<WriteResult> {
    return this.commands.execute(
      decideCase<ReportAbsence>(ctx, {
        caseId,
        id: body.requestId.toLowerCase(),
        type: 'ReportAbsence',
        data: {
          caseId,
          requestId: body.requestId.toLowerCase(),
          reportedOn: body.reportedOn,
          note: body.note ?? '',
        },
      }),
    );
  }
}
