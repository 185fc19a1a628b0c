import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { newId } from '../../../http/ids';
import { WriteEndpoint } from '../../../http/openapi.decorators';
import { Ctx, type RequestContext } from '../../../http/request-context';
import { Act } from '../../../identity/access.decorators';
import { WriteResult } from '../../../pipeline/command-pipeline';
import { CommendOrganCommand } from './commend-organ.command';
import { CommendOrganRequestDto } from './commend-organ.request.dto';
import { Decides } from '../../decides';

@ApiTags('commendations')
@Controller('commendations')
export class CommendOrganController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @HttpCode(201)
  @Act()
  @WriteEndpoint()
  @Decides('commendation', 'CommendOrgan')
  @ApiOperation({
    summary: 'Commend an administrative organ (通报表扬, Art 12)',
    description: 'The government office only. `id` is the generated commendation id.',
  })
  @ApiCreatedResponse({ type: WriteResult })
  commend(@Body() body: CommendOrganRequestDto, @Ctx() ctx: RequestContext): Promise<WriteResult> {
    return this.commands.execute(new CommendOrganCommand(newId(ctx, 'commendation'), body, ctx));
  }
}
