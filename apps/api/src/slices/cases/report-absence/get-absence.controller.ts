import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { absenceViewFor, caseDecider, caseError, type AbsenceView } from '@accord/domain';
import { AccessLog, streamRead } from '../../../access/access-log';
import { UuidParam } from '../../../http/ids';
import { ref } from '../../../http/schema';
import { ReadEndpoint } from '../../../http/openapi.decorators';
import { Ctx, type RequestContext } from '../../../http/request-context';
import { Read } from '../../../identity/access.decorators';
import { StreamReader } from '../../../pipeline/stream-reader';
import { caseStreamId } from '../case-stream';

@ApiTags('cases')
@Controller('cases')
export class GetAbsenceController {
  constructor(
    private readonly reader: StreamReader,
    private readonly accessLog: AccessLog,
  ) {}

  @Get(':id/participation-requests/:requestId/absence')
  @Read()
  @ReadEndpoint()
  @ApiOperation({
    summary: 'The facts of an organ head’s unjustified absence, for its report (Art 12)',
    description:
      'For the government office whether or not it takes part in the case (rule set v2), and for participants: the notice, the absence and the organ, nothing else of the case (Art 17). Anything else answers 404. The read is recorded in the access log.',
  })
  @ApiOkResponse({ schema: ref('AbsenceView') })
  async get(
    @UuidParam('id') caseId: string,
    @UuidParam('requestId') requestId: string,
    @Ctx() ctx: RequestContext,
  ): Promise<AbsenceView> {
    const streamId = caseStreamId(caseId);
    const { state, revision } = await this.reader.current(streamId, caseDecider);
    const view = state.status === 'none' ? null : absenceViewFor(state, ctx.actor.agency, requestId);
    await this.accessLog.record(
      ctx,
      streamRead({
        resource: 'case',
        resourceId: caseId,
        streamId,
        view: 'absence',
        outcome: view ? 'granted' : state.status === 'none' ? 'not_found' : 'refused',
        asOf: null,
        revision: view ? revision : -1,
      }),
    );
    if (!view) throw caseError('PARTICIPATION_REQUEST_NOT_FOUND', { requestId });
    return view;
  }
}
