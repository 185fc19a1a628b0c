import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { UuidParam, newId } from '../../../http/ids';
import { WriteEndpoint } from '../../../http/openapi.decorators';
import { Ctx, type RequestContext } from '../../../http/request-context';
import { Act } from '../../../identity/access.decorators';
import { WriteResult } from '../../../pipeline/command-pipeline';
import { AdoptPreventionPlanCommand } from './adopt-prevention-plan.command';
import { AdoptPreventionPlanRequestDto } from './adopt-prevention-plan.request.dto';

@ApiTags('cases')
@Controller('cases')
export class AdoptPreventionPlanController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/prevention-plans')
  @HttpCode(201)
  @Act()
  @WriteEndpoint()
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
    return this.commands.execute(
      new AdoptPreventionPlanCommand(caseId, newId(ctx, 'prevention-plan'), body, ctx),
    );
  }
}
