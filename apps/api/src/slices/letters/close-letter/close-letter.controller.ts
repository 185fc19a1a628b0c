import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { UuidParam } from '../../../http/ids';
import { WriteEndpoint } from '../../../http/openapi.decorators';
import { Ctx, type RequestContext } from '../../../http/request-context';
import { Act } from '../../../identity/access.decorators';
import { WriteResult } from '../../../pipeline/command-pipeline';
import { CloseLetterCommand } from './close-letter.command';
import { CloseLetterRequestDto } from './close-letter.request.dto';
import { Decides } from '../../decides';

@ApiTags('letters')
@Controller('letters')
export class CloseLetterController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/closure')
  @HttpCode(200)
  @Act()
  @WriteEndpoint()
  @Decides('letter', 'CloseLetter')
  @ApiOperation({
    summary: 'Close a letter the organ has acted on (Art 8)',
    description:
      "Issuer only, once the organ's response is on record; not dated before the response or the last follow-up.",
  })
  @ApiOkResponse({ type: WriteResult })
  close(
    @UuidParam('id') letterId: string,
    @Body() body: CloseLetterRequestDto,
    @Ctx() ctx: RequestContext,
  ): Promise<WriteResult> {
    return this.commands.execute(new CloseLetterCommand(letterId, body, ctx));
  }
}
