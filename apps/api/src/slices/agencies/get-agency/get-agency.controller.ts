import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Agency } from '@accord/events';
import { agencyDecider } from '@accord/domain';
import { ReadEndpoint } from '../../../http/openapi.decorators';
import { Read } from '../../../identity/access.decorators';
import { VisibleRead } from '../../../access/visible-read';
import { Ctx, type RequestContext } from '../../../http/request-context';
import { AgencyParam, agencyStreamId } from '../agency-stream';
import { AgencyViewDto } from './agency-view.dto';

@ApiTags('agencies')
@Controller('agencies')
export class GetAgencyController {
  constructor(private readonly reads: VisibleRead) {}

  @Get(':code')
  @Read()
  @ReadEndpoint()
  @ApiOperation({
    summary: "An agency's liaison to the Coordination Office, current and past (Art 16)",
    description:
      'Any authenticated caller, organs included: a liaison exists to be contacted. The three agencies always exist; before a first designation the record is empty.',
  })
  @ApiOkResponse({ type: AgencyViewDto })
  async get(@AgencyParam('code') agency: Agency, @Ctx() ctx: RequestContext): Promise<AgencyViewDto> {
    const streamId = agencyStreamId(agency);
    // Liaisons are named people with contacts: every read is recorded (Art 17), though all may read.
    const loaded = await this.reads.open(ctx, {
      resource: 'agency',
      resourceId: agency,
      streamId,
      decider: agencyDecider,
      exists: () => true,
      canSee: () => true,
      notFound: () => new Error('unreachable: every agency exists'),
    });
    return {
      id: agency,
      streamId,
      revision: loaded.revision,
      position: loaded.position,
      agency: loaded.state,
    };
  }
}
