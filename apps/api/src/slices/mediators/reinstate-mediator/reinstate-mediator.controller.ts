import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { UuidParam } from '../../../http/ids';
import { WriteEndpoint } from '../../../http/openapi.decorators';
import { Ctx, type RequestContext } from '../../../http/request-context';
import { LeadAct } from '../../../identity/access.decorators';
import { WriteResult } from '../../../pipeline/command-pipeline';
import { ReinstateMediatorCommand } from './reinstate-mediator.command';
import { ReinstateMediatorRequestDto } from './reinstate-mediator.request.dto';
import { Decides } from '../../decides';

@ApiTags('mediators')
@Controller('mediators')
export class ReinstateMediatorController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/reinstatement')
  @HttpCode(200)
  @LeadAct()
  @WriteEndpoint()
  @Decides('mediator', 'ReinstateMediator')
  @ApiOperation({
    summary: 'Reinstate a suspended member (Art 13)',
    description: 'A lead of any of the three agencies, with a reason, dated not before the last change.',
  })
  @ApiOkResponse({ type: WriteResult })
  reinstate(
    @UuidParam('id') mediatorId: string,
    @Body() body: ReinstateMediatorRequestDto,
    @Ctx() ctx: RequestContext,
  ): Promise<WriteResult> {
    return this.commands.execute(new ReinstateMediatorCommand(mediatorId, body, ctx));
  }
}
