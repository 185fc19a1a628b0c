import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { UuidParam, newId } from '../../../http/ids';
import { WriteEndpoint } from '../../../http/openapi.decorators';
import { Ctx, type RequestContext } from '../../../http/request-context';
import { Act } from '../../../identity/access.decorators';
import { WriteResult } from '../../../pipeline/command-pipeline';
import { RequestParticipationCommand } from './request-participation.command';
import { RequestParticipationRequestDto } from './request-participation.request.dto';

@ApiTags('cases')
@Controller('cases')
export class RequestParticipationController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/participation-requests')
  @HttpCode(201)
  @Act()
  @WriteEndpoint()
  @ApiOperation({
    summary: "Ask the respondent organ's principal or deputy head to take part (Art 12)",
    description: 'A participating agency. `id` in the answer is the generated request id.',
  })
  @ApiCreatedResponse({ type: WriteResult })
  request(
    @UuidParam('id') caseId: string,
    @Body() body: RequestParticipationRequestDto,
    @Ctx() ctx: RequestContext,
  ): Promise<WriteResult> {
    return this.commands.execute(
      new RequestParticipationCommand(caseId, newId(ctx, 'participation-request'), body, ctx),
    );
  }
}
