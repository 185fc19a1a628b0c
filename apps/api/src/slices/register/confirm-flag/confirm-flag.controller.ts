import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CodeParam, UuidParam } from '../../../http/ids';
import { WriteEndpoint } from '../../../http/openapi.decorators';
import { Ctx, type RequestContext } from '../../../http/request-context';
import { LeadAct } from '../../../identity/access.decorators';
import { WriteResult } from '../../../pipeline/command-pipeline';
import { ConfirmFlagCommand } from './confirm-flag.command';
import { ConfirmFlagRequestDto } from './confirm-flag.request.dto';
import { Decides } from '../../decides';

@ApiTags('register')
@Controller('register/parties')
export class ConfirmFlagController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':partyId/flags/:flagId/confirmation')
  @HttpCode(200)
  @LeadAct()
  @WriteEndpoint()
  @Decides('register', 'ConfirmFlag')
  @ApiOperation({
    summary: 'Confirm a proposed flag (Art 11)',
    description:
      'A lead of an agency other than the proposer, or of any agency citing a joint meeting (`meetingId`) that decided it. The review date is within the rule set limit.',
  })
  @ApiOkResponse({ type: WriteResult })
  confirm(
    @CodeParam('partyId') partyId: string,
    @UuidParam('flagId') flagId: string,
    @Body() body: ConfirmFlagRequestDto,
    @Ctx() ctx: RequestContext,
  ): Promise<WriteResult> {
    return this.commands.execute(new ConfirmFlagCommand(partyId, flagId, body, ctx));
  }
}
