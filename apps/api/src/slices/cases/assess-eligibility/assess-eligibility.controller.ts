import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { newId, UuidParam, plain } from '../../../http/ids';
import { WriteEndpoint } from '../../../http/openapi.decorators';
import { Ctx, type RequestContext } from '../../../http/request-context';
import { Act } from '../../../identity/access.decorators';
import { WriteResult } from '../../../pipeline/command-pipeline';
import { decideCase } from '../case-act';
import type { AssessEligibility } from '@accord/domain';
import { AssessEligibilityRequestDto } from './assess-eligibility.request.dto';
import { Decides } from '../../decides';

@ApiTags('cases')
@Controller('cases')
export class AssessEligibilityController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/eligibility')
  @HttpCode(201)
  @Act()
  @WriteEndpoint()
  @Decides('case', 'AssessEligibility')
  @ApiOperation({
    summary: 'Assess whether the case qualifies for a resolution effort (Art 3)',
    description: 'Lead agency only. `id` in the answer is the generated assessment id.',
  })
  @ApiCreatedResponse({ type: WriteResult })
  assess(
    @UuidParam('id') caseId: string,
    @Body() body: AssessEligibilityRequestDto,
    @Ctx() ctx: RequestContext,
  ): Promise<WriteResult> {
    const assessmentId = newId(ctx, 'assessment');
    return this.commands.execute(
      decideCase<AssessEligibility>(ctx, {
        caseId,
        id: assessmentId,
        type: 'AssessEligibility',
        data: { caseId, assessmentId, ...plain(body), legalExplanation: body.legalExplanation ?? null },
      }),
    );
  }
}
