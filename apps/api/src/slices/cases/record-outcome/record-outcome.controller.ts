import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { UuidParam } from '../../../http/ids';
import { WriteEndpoint } from '../../../http/openapi.decorators';
import { Ctx, type RequestContext } from '../../../http/request-context';
import { Act } from '../../../identity/access.decorators';
import { WriteResult } from '../../../pipeline/command-pipeline';
import { decideCase } from '../case-act';
import type { RecordOutcome } from '@accord/domain';
import { RecordOutcomeRequestDto } from './record-outcome.request.dto';
import { Decides } from '../../decides';

@ApiTags('cases')
@Controller('cases')
export class RecordOutcomeController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/outcome')
  @HttpCode(200)
  @Act()
  @WriteEndpoint()
  @Decides('case', 'RecordOutcome')
  @ApiOperation({
    summary: 'Record the outcome of the case (Art 2, Art 3)',
    description:
      "Lead agency only. SETTLED, MEDIATED and WITHDRAWN need every party's consent (Art 2); SETTLED, MEDIATED and NOT_RESOLVED need a resolution effort.",
  })
  @ApiOkResponse({ type: WriteResult })
  record(
    @UuidParam('id') caseId: string,
    @Body() body: RecordOutcomeRequestDto,
    @Ctx() ctx: RequestContext,
  ): Promise<WriteResult> {
    return this.commands.execute(
      decideCase<RecordOutcome>(ctx, {
        caseId,
        id: caseId,
        type: 'RecordOutcome',
        data: {
          caseId,
          outcome: body.outcome,
          decidedOn: body.decidedOn,
          summary: body.summary,
          withdrawingPartyIds: body.withdrawingPartyIds ?? null,
          courtApproval: body.courtApproval ?? null,
          organAgreement: body.organAgreement ?? null,
        },
      }),
    );
  }
}
