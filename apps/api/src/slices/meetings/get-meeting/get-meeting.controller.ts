import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { canSeeMeeting, meetingDecider, meetingError } from '@accord/domain';
import { AsOfQueryDto } from '../../../http/as-of.query.dto';
import { streamView } from '../../../http/stream-view.dto';
import { UuidParam } from '../../../http/ids';
import { ReadEndpoint } from '../../../http/openapi.decorators';
import { Ctx, type RequestContext } from '../../../http/request-context';
import { Read } from '../../../identity/access.decorators';
import { VisibleRead } from '../../../access/visible-read';
import { meetingStreamId } from '../meeting-stream';
import { MeetingViewDto } from './meeting-view.dto';

@ApiTags('meetings')
@Controller('meetings')
export class GetMeetingController {
  constructor(private readonly reads: VisibleRead) {}

  @Get(':id')
  @Read()
  @ReadEndpoint()
  @ApiOperation({
    summary: 'A meeting record (Art 14)',
    description:
      'Visible to the agencies that attended and to auditors (Art 17: it discusses cases); anyone else is answered 404.',
  })
  @ApiOkResponse({ type: MeetingViewDto })
  async get(
    @UuidParam('id') id: string,
    @Query() query: AsOfQueryDto,
    @Ctx() ctx: RequestContext,
  ): Promise<MeetingViewDto> {
    const streamId = meetingStreamId(id);
    // Invisible answers exactly like unknown (Art 17); either way the read is recorded.
    const loaded = await this.reads.open(ctx, {
      resource: 'meeting',
      resourceId: id,
      streamId,
      decider: meetingDecider,
      asOf: query.asOf,
      exists: (state) => state.status !== 'none',
      canSee: canSeeMeeting,
      notFound: () => meetingError('MEETING_NOT_FOUND', { meetingId: id }),
    });
    return { ...streamView(id, streamId, loaded, query.asOf), meeting: loaded.state };
  }
}
