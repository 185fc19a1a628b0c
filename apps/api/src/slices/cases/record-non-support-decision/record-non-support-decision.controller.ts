import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { UuidParam } from '../../../http/ids';
import { WriteEndpoint } from '../../../http/openapi.decorators';
import { Ctx, type RequestContext } from '../../../http/request-context';
import { Act } from '../../../identity/access.decorators';
import { WriteResult } from '../../../pipeline/command-pipeline';
import { decideCase } from '../case-act';
import type { RecordNonSupportDecision } from '@accord/domain';
import { RecordNonSupportDecisionRequestDto } from './record-non-support-decision.request.dto';
import { Decides } from '../../decides';

@ApiTags('cases')
@Controller('cases')
export class RecordNonSupportDecisionController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/non-support-decision')
  @HttpCode(200)
  @Act()
  @WriteEndpoint()
  @Decides('case', 'RecordNonSupportDecision')
  @ApiOperation({
    summary: 'Record the decision not to support a supervision application (Art 6)',
    description:
      'The procuratorate, in its own supervision case; it may invite the government office and the court only after this decision.',
  })
  @ApiOkResponse({ type: WriteResult })
  record(
    @UuidParam('id') caseId: string,
    @Body() body: RecordNonSupportDecisionRequestDto,
    @Ctx() ctx: RequestContext,
  ): Promise<WriteResult> {
    return this.commands.execute(
      decideCase<RecordNonSupportDecision>(ctx, {
        caseId,
        id: caseId,
        type: 'RecordNonSupportDecision',
        data: {
          caseId,
          decisionNumber: body.decisionNumber,
          decidedOn: body.decidedOn,
          summary: body.summary,
        },
      }),
    );
  }
}
