import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { UuidParam } from '../../../http/ids';
import { WriteEndpoint } from '../../../http/openapi.decorators';
import { Ctx, type RequestContext } from '../../../http/request-context';
import { LeadAct } from '../../../identity/access.decorators';
import { WriteResult } from '../../../pipeline/command-pipeline';
import { SuspendMediatorCommand } from './suspend-mediator.command';
import { SuspendMediatorRequestDto } from './suspend-mediator.request.dto';
import { Decides } from '../../decides';

@ApiTags('mediators')
@Controller('mediators')
export class SuspendMediatorController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/suspension')
  @HttpCode(200)
  @LeadAct()
  @WriteEndpoint()
  @Decides('mediator', 'SuspendMediator')
  @ApiOperation({
    summary: 'Suspend an active member of the pool (Art 13)',
    description: 'A lead of any of the three agencies, with a reason, dated not before the last change.',
  })
  @ApiOkResponse({ type: WriteResult })
  suspend(
    @UuidParam('id') mediatorId: string,
    @Body() body: SuspendMediatorRequestDto,
    @Ctx() ctx: RequestContext,
  ): Promise<WriteResult> {
    return this.commands.execute(new SuspendMediatorCommand(mediatorId, body, ctx));
  }
}
