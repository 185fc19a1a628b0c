import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { UuidParam } from '../../../http/ids';
import { WriteEndpoint } from '../../../http/openapi.decorators';
import { Ctx, type RequestContext } from '../../../http/request-context';
import { Act } from '../../../identity/access.decorators';
import { WriteResult } from '../../../pipeline/command-pipeline';
import { AssignMediatorCommand } from './assign-mediator.command';
import { AssignMediatorRequestDto } from './assign-mediator.request.dto';
import { Decides } from '../../decides';

@ApiTags('cases')
@Controller('cases')
export class AssignMediatorController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/mediators')
  @HttpCode(201)
  @Act()
  @WriteEndpoint()
  @Decides('case', 'AssignMediator', ['MEDIATOR_NOT_FOUND'])
  @ApiOperation({
    summary: 'Assign a member of the mediator talent pool to the case (Art 13)',
    description:
      'A participating agency. The member must be active in the pool and not come from the respondent organ (conflict of interest). An unknown member is 404 MEDIATOR_NOT_FOUND. `id` in the answer is the mediator id.',
  })
  @ApiCreatedResponse({ type: WriteResult })
  assign(
    @UuidParam('id') caseId: string,
    @Body() body: AssignMediatorRequestDto,
    @Ctx() ctx: RequestContext,
  ): Promise<WriteResult> {
    return this.commands.execute(new AssignMediatorCommand(caseId, body, ctx));
  }
}
