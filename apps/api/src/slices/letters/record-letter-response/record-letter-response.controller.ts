import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { UuidParam } from '../../../http/ids';
import { WriteEndpoint } from '../../../http/openapi.decorators';
import { Ctx, type RequestContext } from '../../../http/request-context';
import { Act } from '../../../identity/access.decorators';
import { WriteResult } from '../../../pipeline/command-pipeline';
import { OrganMayAct } from '../organ-gate';
import { RecordLetterResponseCommand } from './record-letter-response.command';
import { RecordLetterResponseRequestDto } from './record-letter-response.request.dto';
import { Decides } from '../../decides';

@ApiTags('letters')
@Controller('letters')
export class RecordLetterResponseController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/response')
  @HttpCode(200)
  @Act()
  @OrganMayAct()
  @WriteEndpoint()
  @Decides('letter', 'RecordLetterResponse')
  @ApiOperation({
    summary: "Record the organ's written response to a letter (Art 8)",
    description:
      'Only a token of the addressed organ (`ORGAN:<code>`) answers, once, after service: the agencies never answer for it. A rejection gives reasons; a partial adoption says what was not adopted. A response after the due date is recorded with `late: true`.',
  })
  @ApiOkResponse({ type: WriteResult })
  respond(
    @UuidParam('id') letterId: string,
    @Body() body: RecordLetterResponseRequestDto,
    @Ctx() ctx: RequestContext,
  ): Promise<WriteResult> {
    return this.commands.execute(new RecordLetterResponseCommand(letterId, body, ctx));
  }
}
