import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { newId } from '../../../http/ids';
import { WriteEndpoint } from '../../../http/openapi.decorators';
import { Ctx, type RequestContext } from '../../../http/request-context';
import { LeadAct } from '../../../identity/access.decorators';
import { WriteResult } from '../../../pipeline/command-pipeline';
import { AdmitMediatorCommand } from './admit-mediator.command';
import { AdmitMediatorRequestDto } from './admit-mediator.request.dto';
import { Decides } from '../../decides';

@ApiTags('mediators')
@Controller('mediators')
export class AdmitMediatorController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @HttpCode(201)
  @LeadAct()
  @WriteEndpoint()
  @Decides('mediator', 'AdmitMediator')
  @ApiOperation({
    summary: 'Admit a member to the mediator talent pool (Art 13)',
    description:
      'A lead of any of the three agencies. Members from a judicial or administrative organ name it. `id` is the generated member id.',
  })
  @ApiCreatedResponse({ type: WriteResult })
  admit(@Body() body: AdmitMediatorRequestDto, @Ctx() ctx: RequestContext): Promise<WriteResult> {
    return this.commands.execute(new AdmitMediatorCommand(newId(ctx, 'mediator'), body, ctx));
  }
}
