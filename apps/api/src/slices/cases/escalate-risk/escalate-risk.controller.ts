import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { UuidParam, newId } from '../../../http/ids';
import { WriteEndpoint } from '../../../http/openapi.decorators';
import { Ctx, type RequestContext } from '../../../http/request-context';
import { LeadAct } from '../../../identity/access.decorators';
import { WriteResult } from '../../../pipeline/command-pipeline';
import { decideCase } from '../case-act';
import type { EscalateRisk } from '@accord/domain';
import { EscalateRiskRequestDto } from './escalate-risk.request.dto';
import { Decides } from '../../decides';

@ApiTags('cases')
@Controller('cases')
export class EscalateRiskController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/escalations')
  @HttpCode(201)
  @LeadAct()
  @WriteEndpoint()
  @Decides('case', 'EscalateRisk')
  @ApiOperation({
    summary: 'Report the risk to the county party committee and government (Art 10)',
    description:
      'A lead of a participating agency, after a risk assessment; late when past the escalation deadline of a major risk. `id` in the answer is the generated escalation id.',
  })
  @ApiCreatedResponse({ type: WriteResult })
  escalate(
    @UuidParam('id') caseId: string,
    @Body() body: EscalateRiskRequestDto,
    @Ctx() ctx: RequestContext,
  ): Promise<WriteResult> {
    const escalationId = newId(ctx, 'escalation');
    return this.commands.execute(
      decideCase<EscalateRisk>(ctx, {
        caseId,
        id: escalationId,
        type: 'EscalateRisk',
        data: { caseId, escalationId, escalatedOn: body.escalatedOn, summary: body.summary },
      }),
    );
  }
}
