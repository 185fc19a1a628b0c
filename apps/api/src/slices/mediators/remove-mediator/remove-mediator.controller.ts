import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { UuidParam } from '../../../http/ids';
import { WriteEndpoint } from '../../../http/openapi.decorators';
import { Ctx, type RequestContext } from '../../../http/request-context';
import { LeadAct } from '../../../identity/access.decorators';
import { WriteResult } from '../../../pipeline/command-pipeline';
import { RemoveMediatorCommand } from './remove-mediator.command';
import { RemoveMediatorRequestDto } from './remove-mediator.request.dto';
import { Decides } from '../../decides';

@ApiTags('mediators')
@Controller('mediators')
export class RemoveMediatorController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/removal')
  @HttpCode(200)
  @LeadAct()
  @WriteEndpoint()
  @Decides('mediator', 'RemoveMediator')
  @ApiOperation({
    summary: 'Remove a member from the pool; final (Art 13)',
    description: 'A lead of any of the three agencies, with a reason, dated not before the last change.',
  })
  @ApiOkResponse({ type: WriteResult })
  remove(
    @UuidParam('id') mediatorId: string,
    @Body() body: RemoveMediatorRequestDto,
    @Ctx() ctx: RequestContext,
  ): Promise<WriteResult> {
    return this.commands.execute(new RemoveMediatorCommand(mediatorId, body, ctx));
  }
}
