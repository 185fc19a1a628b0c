import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { UuidParam } from '../../../http/ids';
import { WriteEndpoint } from '../../../http/openapi.decorators';
import { Ctx, type RequestContext } from '../../../http/request-context';
import { Act } from '../../../identity/access.decorators';
import { WriteResult } from '../../../pipeline/command-pipeline';
import { decideCase } from '../case-act';
import type { RecordAttendance } from '@accord/domain';
import { RecordAttendanceRequestDto } from './record-attendance.request.dto';
import { Decides } from '../../decides';

@ApiTags('cases')
@Controller('cases')
export class RecordAttendanceController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/participation-requests/:requestId/attendance')
  @HttpCode(200)
  @Act()
  @WriteEndpoint()
  @Decides('case', 'RecordAttendance')
  @ApiOperation({
    summary: "Record whether the organ's head attended (Art 12)",
    description:
      'A participating agency, on or after the session day. ATTENDED names the principal or deputy head; ABSENT_JUSTIFIED gives the justification; ABSENT_UNJUSTIFIED neither.',
  })
  @ApiOkResponse({ type: WriteResult })
  record(
    @UuidParam('id') caseId: string,
    @UuidParam('requestId') requestId: string,
    @Body() body: RecordAttendanceRequestDto,
    @Ctx() ctx: RequestContext,
  ): Promise<WriteResult> {
    return this.commands.execute(
      decideCase<RecordAttendance>(ctx, {
        caseId,
        id: requestId,
        type: 'RecordAttendance',
        data: {
          caseId,
          requestId,
          attendance: body.attendance,
          attendee: body.attendee ? { name: body.attendee.name, role: body.attendee.role } : null,
          justification: body.justification ?? null,
        },
      }),
    );
  }
}
