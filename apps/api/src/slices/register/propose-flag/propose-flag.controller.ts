import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CodeParam, newId } from '../../../http/ids';
import { WriteEndpoint } from '../../../http/openapi.decorators';
import { Ctx, type RequestContext } from '../../../http/request-context';
import { Act } from '../../../identity/access.decorators';
import { WriteResult } from '../../../pipeline/command-pipeline';
import { ProposeFlagCommand } from './propose-flag.command';
import { ProposeFlagRequestDto } from './propose-flag.request.dto';
import { Decides } from '../../decides';

@ApiTags('register')
@Controller('register/parties')
export class ProposeFlagController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':partyId/flags')
  @HttpCode(201)
  @Act()
  @WriteEndpoint()
  @Decides('register', 'ProposeFlag')
  @ApiOperation({
    summary: 'Propose an abuse-of-litigation flag (滥用诉权, Art 11)',
    description:
      'Names grounds and at least one evidence case; one live flag per party. A proposal limits nothing until another agency confirms it. `id` is the generated flag id.',
  })
  @ApiCreatedResponse({ type: WriteResult })
  propose(
    @CodeParam('partyId') partyId: string,
    @Body() body: ProposeFlagRequestDto,
    @Ctx() ctx: RequestContext,
  ): Promise<WriteResult> {
    return this.commands.execute(new ProposeFlagCommand(partyId, newId(ctx, 'flag'), body, ctx));
  }
}
