import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { UuidParam } from '../../../http/ids';
import { WriteEndpoint } from '../../../http/openapi.decorators';
import { Ctx, type RequestContext } from '../../../http/request-context';
import { Act } from '../../../identity/access.decorators';
import { WriteResult } from '../../../pipeline/command-pipeline';
import { AcknowledgeAttendanceCommand } from './acknowledge-attendance.command';
import { AcknowledgeAttendanceRequestDto } from './acknowledge-attendance.request.dto';
import { Decides } from '../../decides';

@ApiTags('meetings')
@Controller('meetings')
export class AcknowledgeAttendanceController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/acknowledgements')
  @HttpCode(200)
  @Act()
  @WriteEndpoint()
  @Decides('meeting', 'AcknowledgeAttendance')
  @ApiOperation({
    summary: 'Acknowledge that your agency attended a meeting (Art 11, Art 14)',
    description:
      'By staff of an agency the record lists as present, other than the convener, once. Until every listed agency has acknowledged, the meeting is not joint and no flag confirmation may rest on it. An agency not listed is answered 404 as for an unknown meeting.',
  })
  @ApiOkResponse({ type: WriteResult })
  acknowledge(
    @UuidParam('id') meetingId: string,
    @Body() body: AcknowledgeAttendanceRequestDto,
    @Ctx() ctx: RequestContext,
  ): Promise<WriteResult> {
    return this.commands.execute(new AcknowledgeAttendanceCommand(meetingId, body, ctx));
  }
}
