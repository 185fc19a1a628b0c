import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { AGENCIES, type Agency } from '@accord/events';
import { absenceViewFor, caseDecider, caseError, type AbsenceView } from '@accord/domain';
import { AccessLog, streamRead } from '../../../access/access-log';
import { UuidParam } from '../../../http/ids';
import { ReadEndpoint } from '../../../http/openapi.decorators';
import { Ctx, type RequestContext } from '../../../http/request-context';
import { Read } from '../../../identity/access.decorators';
import { StreamReader } from '../../../pipeline/stream-reader';
import { OrganRefDto } from '../../letters/organ-ref.dto';
import { caseStreamId } from '../case-stream';

class AbsenceReportDto {
  @ApiProperty({ example: '2026-09-23' }) reportedOn!: string;
  @ApiProperty() note!: string;
}

/** What the government office sees of an absence it is to report: the notice, the absence, the organ. */
export class AbsenceViewDto implements AbsenceView {
  @ApiProperty() caseId!: string;
  @ApiProperty() requestId!: string;
  @ApiProperty({ enum: AGENCIES, description: 'The agency that notified the organ.' }) requestedBy!: Agency;
  @ApiProperty({ type: OrganRefDto }) organ!: OrganRefDto;
  @ApiProperty({ example: '2026-09-10' }) requestedOn!: string;
  @ApiProperty({ example: '2026-09-20' }) sessionOn!: string;
  @ApiProperty({ enum: ['ABSENT_UNJUSTIFIED'] }) attendance!: 'ABSENT_UNJUSTIFIED';
  @ApiPropertyOptional({ type: AbsenceReportDto, nullable: true }) absenceReport!: AbsenceReportDto | null;
}

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
  @ApiOkResponse({ type: AbsenceViewDto })
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
