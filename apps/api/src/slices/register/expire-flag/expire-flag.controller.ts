import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CodeParam, UuidParam } from '../../../http/ids';
import { WriteEndpoint } from '../../../http/openapi.decorators';
import { Ctx, type RequestContext } from '../../../http/request-context';
import { Act } from '../../../identity/access.decorators';
import { WriteResult } from '../../../pipeline/command-pipeline';
import { ExpireFlagCommand } from './expire-flag.command';
import { ExpireFlagRequestDto } from './expire-flag.request.dto';
import { Decides } from '../../decides';

@ApiTags('register')
@Controller('register/parties')
export class ExpireFlagController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':partyId/flags/:flagId/expiry')
  @HttpCode(200)
  @Act()
  @WriteEndpoint()
  @Decides('register', 'ExpireFlag')
  @ApiOperation({
    summary: 'Record that a flag lapsed at its review date (Art 11)',
    description: 'On or after the review date; normally recorded by the deadline watcher.',
  })
  @ApiOkResponse({ type: WriteResult })
  expire(
    @CodeParam('partyId') partyId: string,
    @UuidParam('flagId') flagId: string,
    @Body() body: ExpireFlagRequestDto,
    @Ctx() ctx: RequestContext,
  ): Promise<WriteResult> {
    return this.commands.execute(new ExpireFlagCommand(partyId, flagId, body, ctx));
  }
}
