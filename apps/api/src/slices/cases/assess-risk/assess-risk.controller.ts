import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { UuidParam, newId } from '../../../http/ids';
import { WriteEndpoint } from '../../../http/openapi.decorators';
import { Ctx, type RequestContext } from '../../../http/request-context';
import { Act } from '../../../identity/access.decorators';
import { WriteResult } from '../../../pipeline/command-pipeline';
import { decideCase } from '../case-act';
import type { AssessRisk } from '@accord/domain';
import { AssessRiskRequestDto } from './assess-risk.request.dto';
import { Decides } from '../../decides';

@ApiTags('cases')
@Controller('cases')
export class AssessRiskController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/risk-assessments')
  @HttpCode(201)
  @Act()
  @WriteEndpoint()
  @Decides('case', 'AssessRisk')
  @ApiOperation({
    summary: 'Assess the social-stability risk of the case (Art 10)',
    description:
      'A participating agency. Level MAJOR, a mass-incident risk or many people involved make the case major risk, with an escalation deadline. `id` in the answer is the generated assessment id.',
  })
  @ApiCreatedResponse({ type: WriteResult })
  assess(
    @UuidParam('id') caseId: string,
    @Body() body: AssessRiskRequestDto,
    @Ctx() ctx: RequestContext,
  ): Promise<WriteResult> {
    const assessmentId = newId(ctx, 'risk-assessment');
    return this.commands.execute(
      decideCase<AssessRisk>(ctx, {
        caseId,
        id: assessmentId,
        type: 'AssessRisk',
        data: {
          caseId,
          assessmentId,
          level: body.level,
          peopleInvolved: body.peopleInvolved,
          massIncidentRisk: body.massIncidentRisk,
          factors: [...body.factors],
          assessedOn: body.assessedOn,
        },
      }),
    );
  }
}
