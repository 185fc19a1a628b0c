import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CodeParam, UuidParam } from '../../../http/ids';
import { WriteEndpoint } from '../../../http/openapi.decorators';
import { Ctx, type RequestContext } from '../../../http/request-context';
import { LeadAct } from '../../../identity/access.decorators';
import { WriteResult } from '../../../pipeline/command-pipeline';
import { DecideContestCommand } from './decide-contest.command';
import { DecideContestRequestDto } from './decide-contest.request.dto';
import { Decides } from '../../decides';

@ApiTags('register')
@Controller('register/parties')
export class DecideContestController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':partyId/flags/:flagId/contests/:contestId/decision')
  @HttpCode(200)
  @LeadAct()
  @WriteEndpoint()
  @Decides('register', 'DecideContest')
  @ApiOperation({
    summary: 'Decide a pending contest (Art 11)',
    description:
      'A lead of an agency other than the proposer. UPHELD revokes the flag; REJECTED lets it stand.',
  })
  @ApiOkResponse({ type: WriteResult })
  decide(
    @CodeParam('partyId') partyId: string,
    @UuidParam('flagId') flagId: string,
    @UuidParam('contestId') contestId: string,
    @Body() body: DecideContestRequestDto,
    @Ctx() ctx: RequestContext,
  ): Promise<WriteResult> {
    return this.commands.execute(new DecideContestCommand(partyId, flagId, contestId, body, ctx));
  }
}
