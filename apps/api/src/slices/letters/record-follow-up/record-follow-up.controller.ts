import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { UuidParam } from '../../../http/ids';
import { WriteEndpoint } from '../../../http/openapi.decorators';
import { Ctx, type RequestContext } from '../../../http/request-context';
import { Act } from '../../../identity/access.decorators';
import { WriteResult } from '../../../pipeline/command-pipeline';
import { RecordFollowUpCommand } from './record-follow-up.command';
import { RecordFollowUpRequestDto } from './record-follow-up.request.dto';
import { Decides } from '../../decides';

@ApiTags('letters')
@Controller('letters')
export class RecordFollowUpController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/follow-ups')
  @HttpCode(201)
  @Act()
  @WriteEndpoint()
  @Decides('letter', 'RecordFollowUp')
  @ApiOperation({
    summary: 'Record a follow-up of the organ (督促履行, Art 8)',
    description: 'Issuer only, from service until closing. `id` is the letter id.',
  })
  @ApiCreatedResponse({ type: WriteResult })
  followUp(
    @UuidParam('id') letterId: string,
    @Body() body: RecordFollowUpRequestDto,
    @Ctx() ctx: RequestContext,
  ): Promise<WriteResult> {
    return this.commands.execute(new RecordFollowUpCommand(letterId, body, ctx));
  }
}
