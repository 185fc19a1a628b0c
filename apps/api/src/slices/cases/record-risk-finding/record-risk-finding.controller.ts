import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { UuidParam } from '../../../http/ids';
import { WriteEndpoint } from '../../../http/openapi.decorators';
import { Ctx, type RequestContext } from '../../../http/request-context';
import { Act } from '../../../identity/access.decorators';
import { WriteResult } from '../../../pipeline/command-pipeline';
import { decideCase } from '../case-act';
import type { RecordRiskFinding } from '@accord/domain';
import { RecordRiskFindingRequestDto } from './record-risk-finding.request.dto';
import { Decides } from '../../decides';

@ApiTags('cases')
@Controller('cases')
export class RecordRiskFindingController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/risk-finding')
  @HttpCode(200)
  @Act()
  @WriteEndpoint()
  @Decides('case', 'RecordRiskFinding')
  @ApiOperation({
    summary:
      'Record the court’s finding that the dispute may lead to appeal, petition or instability (Art 5)',
    description:
      'The court, in its own litigation case (rule set v2). Its 30-day notice period for inviting the government office or the procuratorate runs from this finding, never before acceptance.',
  })
  @ApiOkResponse({ type: WriteResult })
  record(
    @UuidParam('id') caseId: string,
    @Body() body: RecordRiskFindingRequestDto,
    @Ctx() ctx: RequestContext,
  ): Promise<WriteResult> {
    return this.commands.execute(
      decideCase<RecordRiskFinding>(ctx, {
        caseId,
        id: caseId,
        type: 'RecordRiskFinding',
        data: {
          caseId,
          foundOn: body.foundOn,
          risks: body.risks,
          reasons: body.reasons,
        },
      }),
    );
  }
}
