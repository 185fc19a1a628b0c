import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { UuidParam, newId } from '../../../http/ids';
import { WriteEndpoint } from '../../../http/openapi.decorators';
import { Ctx, type RequestContext } from '../../../http/request-context';
import { Act } from '../../../identity/access.decorators';
import { WriteResult } from '../../../pipeline/command-pipeline';
import { decideCase } from '../case-act';
import type { RequestParticipation } from '@accord/domain';
import { RequestParticipationRequestDto } from './request-participation.request.dto';
import { Decides } from '../../decides';

@ApiTags('cases')
@Controller('cases')
export class RequestParticipationController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/participation-requests')
  @HttpCode(201)
  @Act()
  @WriteEndpoint()
  @Decides('case', 'RequestParticipation')
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
    const requestId = newId(ctx, 'participation-request');
    return this.commands.execute(
      decideCase<RequestParticipation>(ctx, {
        caseId,
        id: requestId,
        type: 'RequestParticipation',
        data: {
          caseId,
          requestId,
          requestedOn: body.requestedOn,
          sessionOn: body.sessionOn,
          purpose: body.purpose,
        },
      }),
    );
  }
}
