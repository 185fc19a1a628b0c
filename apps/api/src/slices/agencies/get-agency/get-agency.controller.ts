import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Agency } from '@accord/events';
import { agencyDecider } from '@accord/domain';
import { ReadEndpoint } from '../../../http/openapi.decorators';
import { Read } from '../../../identity/access.decorators';
import { StreamReader } from '../../../pipeline/stream-reader';
import { AgencyParam, agencyStreamId } from '../agency-stream';
import { AgencyViewDto } from './agency-view.dto';

@ApiTags('agencies')
@Controller('agencies')
export class GetAgencyController {
  constructor(private readonly reader: StreamReader) {}

  @Get(':code')
  @Read()
  @ReadEndpoint()
  @ApiOperation({
    summary: "An agency's liaison to the Coordination Office, current and past (Art 16)",
    description:
      'Any authenticated caller, organs included: a liaison exists to be contacted. The three agencies always exist; before a first designation the record is empty.',
  })
  @ApiOkResponse({ type: AgencyViewDto })
  async get(@AgencyParam('code') agency: Agency): Promise<AgencyViewDto> {
    const streamId = agencyStreamId(agency);
    const loaded = await this.reader.current(streamId, agencyDecider);
    return {
      id: agency,
      streamId,
      revision: loaded.revision,
      position: loaded.position,
      agency: loaded.state,
    };
  }
}
