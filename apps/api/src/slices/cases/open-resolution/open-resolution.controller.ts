import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { UuidParam } from '../../../http/ids';
import { WriteEndpoint } from '../../../http/openapi.decorators';
import { Ctx, type RequestContext } from '../../../http/request-context';
import { Act } from '../../../identity/access.decorators';
import { WriteResult } from '../../../pipeline/command-pipeline';
import { decideCase } from '../case-act';
import type { OpenResolution } from '@accord/domain';
import { OpenResolutionRequestDto } from './open-resolution.request.dto';
import { Decides } from '../../decides';

@ApiTags('cases')
@Controller('cases')
export class OpenResolutionController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/resolution')
  @HttpCode(200)
  @Act()
  @WriteEndpoint()
  @Decides('case', 'OpenResolution')
  @ApiOperation({
    summary: 'Open a resolution effort on an eligible case (Art 3)',
    description: 'Lead agency only; the current eligibility assessment must be ELIGIBLE.',
  })
  @ApiOkResponse({ type: WriteResult })
  open(
    @UuidParam('id') caseId: string,
    @Body() body: OpenResolutionRequestDto,
    @Ctx() ctx: RequestContext,
  ): Promise<WriteResult> {
    return this.commands.execute(
      decideCase<OpenResolution>(ctx, {
        caseId,
        id: caseId,
        type: 'OpenResolution',
        data: { caseId, openedOn: body.openedOn },
      }),
    );
  }
}
