import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { UuidParam } from '../../../http/ids';
import { WriteEndpoint } from '../../../http/openapi.decorators';
import { Ctx, type RequestContext } from '../../../http/request-context';
import { Act } from '../../../identity/access.decorators';
import { WriteResult } from '../../../pipeline/command-pipeline';
import { decideCase } from '../case-act';
import type { CloseCase } from '@accord/domain';
import { CloseCaseRequestDto } from './close-case.request.dto';
import { Decides } from '../../decides';

@ApiTags('cases')
@Controller('cases')
export class CloseCaseController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/closure')
  @HttpCode(200)
  @Act()
  @WriteEndpoint()
  @Decides('case', 'CloseCase')
  @ApiOperation({
    summary: 'Close the case once its outcome is recorded',
    description: 'Lead agency only. Open invitations lapse with the case; a closed case can only be read.',
  })
  @ApiOkResponse({ type: WriteResult })
  close(
    @UuidParam('id') caseId: string,
    @Body() body: CloseCaseRequestDto,
    @Ctx() ctx: RequestContext,
  ): Promise<WriteResult> {
    return this.commands.execute(
      decideCase<CloseCase>(ctx, {
        caseId,
        id: caseId,
        type: 'CloseCase',
        data: { caseId, closedOn: body.closedOn },
      }),
    );
  }
}
