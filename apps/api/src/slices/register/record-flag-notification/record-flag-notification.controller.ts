import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CodeParam, UuidParam } from '../../../http/ids';
import { WriteEndpoint } from '../../../http/openapi.decorators';
import { Ctx, type RequestContext } from '../../../http/request-context';
import { Act } from '../../../identity/access.decorators';
import { WriteResult } from '../../../pipeline/command-pipeline';
import { RecordFlagNotificationCommand } from './record-flag-notification.command';
import { RecordFlagNotificationRequestDto } from './record-flag-notification.request.dto';
import { Decides } from '../../decides';

@ApiTags('register')
@Controller('register/parties')
export class RecordFlagNotificationController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':partyId/flags/:flagId/notification')
  @HttpCode(200)
  @Act()
  @WriteEndpoint()
  @Decides('register', 'RecordFlagNotification')
  @ApiOperation({
    summary: 'Record that the party was told of a confirmed flag (Art 11)',
    description: 'Once, not before confirmation. Only then may the party contest it.',
  })
  @ApiOkResponse({ type: WriteResult })
  notify(
    @CodeParam('partyId') partyId: string,
    @UuidParam('flagId') flagId: string,
    @Body() body: RecordFlagNotificationRequestDto,
    @Ctx() ctx: RequestContext,
  ): Promise<WriteResult> {
    return this.commands.execute(new RecordFlagNotificationCommand(partyId, flagId, body, ctx));
  }
}
