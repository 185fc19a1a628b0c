import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { newId } from '../../../http/ids';
import { WriteEndpoint } from '../../../http/openapi.decorators';
import { Ctx, type RequestContext } from '../../../http/request-context';
import { Act } from '../../../identity/access.decorators';
import { WriteResult } from '../../../pipeline/command-pipeline';
import { RecordMeetingCommand } from './record-meeting.command';
import { RecordMeetingRequestDto } from './record-meeting.request.dto';
import { Decides } from '../../decides';

@ApiTags('meetings')
@Controller('meetings')
export class RecordMeetingController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @HttpCode(201)
  @Act()
  @WriteEndpoint()
  @Decides('meeting', 'RecordMeeting')
  @ApiOperation({
    summary: 'Record a joint or special meeting (Art 14)',
    description:
      'Recorded by the convening agency, which attends with at least one other of the three agencies. A special meeting names its cases and why. `id` is the generated meeting id.',
  })
  @ApiCreatedResponse({ type: WriteResult })
  record(@Body() body: RecordMeetingRequestDto, @Ctx() ctx: RequestContext): Promise<WriteResult> {
    return this.commands.execute(new RecordMeetingCommand(newId(ctx, 'meeting'), body, ctx));
  }
}
