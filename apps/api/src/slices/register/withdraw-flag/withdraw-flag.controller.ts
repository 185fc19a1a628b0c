import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CodeParam, UuidParam } from '../../../http/ids';
import { WriteEndpoint } from '../../../http/openapi.decorators';
import { Ctx, type RequestContext } from '../../../http/request-context';
import { Act } from '../../../identity/access.decorators';
import { WriteResult } from '../../../pipeline/command-pipeline';
import { WithdrawFlagCommand } from './withdraw-flag.command';
import { WithdrawFlagRequestDto } from './withdraw-flag.request.dto';
import { Decides } from '../../decides';

@ApiTags('register')
@Controller('register/parties')
export class WithdrawFlagController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':partyId/flags/:flagId/withdrawal')
  @HttpCode(200)
  @Act()
  @WriteEndpoint()
  @Decides('register', 'WithdrawFlag')
  @ApiOperation({
    summary: 'Withdraw a flag (Art 11)',
    description: 'The proposing or the confirming agency, with reasons.',
  })
  @ApiOkResponse({ type: WriteResult })
  withdraw(
    @CodeParam('partyId') partyId: string,
    @UuidParam('flagId') flagId: string,
    @Body() body: WithdrawFlagRequestDto,
    @Ctx() ctx: RequestContext,
  ): Promise<WriteResult> {
    return this.commands.execute(new WithdrawFlagCommand(partyId, flagId, body, ctx));
  }
}
