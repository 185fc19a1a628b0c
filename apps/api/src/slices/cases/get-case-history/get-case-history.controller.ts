import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { ENVELOPE_FIELDS, type RecordedEvent } from '@accord/events';
import { ref } from '../../../http/schema';
import { AsOfQueryDto } from '../../../http/as-of.query.dto';
import { UuidParam } from '../../../http/ids';
import { ReadEndpoint } from '../../../http/openapi.decorators';
import { Ctx, type RequestContext } from '../../../http/request-context';
import { Read } from '../../../identity/access.decorators';
import { CaseVisibility } from '../case-visibility';

export class CaseHistoryDto {
  @ApiProperty() id!: string;
  @ApiProperty() streamId!: string;
  @ApiProperty() revision!: number;
  @ApiProperty({ type: String, nullable: true }) asOf!: string | null;
  @ApiProperty({
    type: 'array',
    items: ref('RecordedEvent'),
    description: `Every event as stored (not upcast, so hashes verify): ${ENVELOPE_FIELDS.join(', ')}.`,
  })
  events!: RecordedEvent[];
}

@ApiTags('cases')
@Controller('cases')
export class GetCaseHistoryController {
  constructor(private readonly cases: CaseVisibility) {}

  @Get(':id/history')
  @Read()
  @ReadEndpoint()
  @ApiOperation({
    summary: "A case's events with actor, times and hashes (participants and auditors; Art 17)",
    description:
      'Invited agencies that have not accepted do not see the history. The read is recorded in the access log.',
  })
  @ApiOkResponse({ type: CaseHistoryDto })
  async history(
    @UuidParam('id') id: string,
    @Query() query: AsOfQueryDto,
    @Ctx() ctx: RequestContext,
  ): Promise<CaseHistoryDto> {
    const found = await this.cases.open(ctx, id, 'history', query.asOf);
    return {
      id,
      streamId: found.streamId,
      revision: found.revision,
      asOf: query.asOf ?? null,
      events: [...(found.events ?? [])],
    };
  }
}
