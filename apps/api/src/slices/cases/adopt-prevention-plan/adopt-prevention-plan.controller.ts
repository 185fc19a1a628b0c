import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { UuidParam, newId } from '../../../http/ids';
import { WriteEndpoint } from '../../../http/openapi.decorators';
import { Ctx, type RequestContext } from '../../../http/request-context';
import { Act } from '../../../identity/access.decorators';
import { WriteResult } from '../../../pipeline/command-pipeline';
import { decideCase } from '../case-act';
import type { AdoptPreventionPlan } from '@accord/domain';
import { AdoptPreventionPlanRequestDto } from './adopt-prevention-plan.request.dto';
import { Decides } from '../../decides';

@ApiTags('cases')
@Controller('cases')
export class AdoptPreventionPlanController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/prevention-plans')
  @HttpCode(201)
  @Act()
  @WriteEndpoint()
  @Decides('case', 'AdoptPreventionPlan')
  @ApiOperation({
    summary: 'Adopt a prevention and handling plan for an assessed risk (Art 10)',
    description:
      'A participating agency, after a risk assessment. `id` in the answer is the generated plan id.',
  })
  @ApiCreatedResponse({ type: WriteResult })
  adopt(
    @UuidParam('id') caseId: string,
    @Body() body: AdoptPreventionPlanRequestDto,
    @Ctx() ctx: RequestContext,
  ): Promise<WriteResult> {
    const planId = newId(ctx, 'prevention-plan');
    return this.commands.execute(
      decideCase<AdoptPreventionPlan>(ctx, {
        caseId,
        id: planId,
        type: 'AdoptPreventionPlan',
        data: {
          caseId,
          planId,
          adoptedOn: body.adoptedOn,
          summary: body.summary,
          measures: [...body.measures],
        },
      }),
    );
  }
}
