import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { UuidParam } from '../../../http/ids';
import { WriteEndpoint } from '../../../http/openapi.decorators';
import { Ctx, type RequestContext } from '../../../http/request-context';
import { Act } from '../../../identity/access.decorators';
import { WriteResult } from '../../../pipeline/command-pipeline';
import { ServeLetterCommand } from './serve-letter.command';
import { ServeLetterRequestDto } from './serve-letter.request.dto';
import { Decides } from '../../decides';

@ApiTags('letters')
@Controller('letters')
export class ServeLetterController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/service')
  @HttpCode(200)
  @Act()
  @WriteEndpoint()
  @Decides('letter', 'ServeLetter')
  @ApiOperation({
    summary: 'Record service of a letter on its organ (Art 8)',
    description:
      "Issuer only, once. The organ's response period runs from service by the rule for the letter's kind; the event explains the due date.",
  })
  @ApiOkResponse({ type: WriteResult })
  serve(
    @UuidParam('id') letterId: string,
    @Body() body: ServeLetterRequestDto,
    @Ctx() ctx: RequestContext,
  ): Promise<WriteResult> {
    return this.commands.execute(new ServeLetterCommand(letterId, body, ctx));
  }
}
