import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CodeParam, newId, UuidParam } from '../../../http/ids';
import { WriteEndpoint } from '../../../http/openapi.decorators';
import { Ctx, type RequestContext } from '../../../http/request-context';
import { Act } from '../../../identity/access.decorators';
import { WriteResult } from '../../../pipeline/command-pipeline';
import { ContestFlagCommand } from './contest-flag.command';
import { ContestFlagRequestDto } from './contest-flag.request.dto';
import { Decides } from '../../decides';

@ApiTags('register')
@Controller('register/parties')
export class ContestFlagController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':partyId/flags/:flagId/contests')
  @HttpCode(201)
  @Act()
  @WriteEndpoint()
  @Decides('register', 'ContestFlag')
  @ApiOperation({
    summary: "Record the party's contest of a flag (Art 11)",
    description:
      'After notification; one pending contest at a time; a new contest after a rejection waits for the cooling-off period. `id` is the generated contest id.',
  })
  @ApiCreatedResponse({ type: WriteResult })
  contest(
    @CodeParam('partyId') partyId: string,
    @UuidParam('flagId') flagId: string,
    @Body() body: ContestFlagRequestDto,
    @Ctx() ctx: RequestContext,
  ): Promise<WriteResult> {
    return this.commands.execute(
      new ContestFlagCommand(partyId, flagId, newId(ctx, 'flag-contest'), body, ctx),
    );
  }
}
