import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { AGENCIES, type Agency, type OrganCommended } from '@accord/events';
import { commendationDecider, commendationError } from '@accord/domain';
import type { EventStore } from '@accord/store';
import { CodeParam, UuidParam } from '../../../http/ids';
import { ReadEndpoint } from '../../../http/openapi.decorators';
import { Read } from '../../../identity/access.decorators';
import { StreamReader } from '../../../pipeline/stream-reader';
import { EVENT_STORE } from '../../../pipeline/tokens';
import { OrganRefDto } from '../../letters/organ-ref.dto';
import { commendationStreamId } from '../commendation-stream';

export class CommendationDto {
  @ApiProperty() commendationId!: string;
  @ApiProperty({ type: OrganRefDto }) organ!: OrganRefDto;
  @ApiProperty() reason!: string;
  @ApiProperty({ type: [String] }) caseRefs!: string[];
  @ApiProperty({ example: '2026-10-20' }) commendedOn!: string;
  @ApiProperty({ enum: AGENCIES }) commendedBy!: Agency;
}

export class CommendationListDto {
  @ApiProperty() organCode!: string;
  @ApiProperty({ type: [CommendationDto], description: 'Oldest first.' }) commendations!: CommendationDto[];
}

/**
 * Art 12: 通报表扬 is a public notice, so any member of staff may read it back. The list per organ
 * reads the log from the start (commendations are few); the projector's read store will answer it
 * as a query.
 */
@ApiTags('commendations')
@Controller()
export class ReadCommendationsController {
  constructor(
    private readonly reader: StreamReader,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  @Get('commendations/:id')
  @Read()
  @ReadEndpoint()
  @ApiOperation({ summary: 'One commendation of an organ (Art 12, 通报表扬)' })
  @ApiOkResponse({ type: CommendationDto })
  async get(@UuidParam('id') id: string): Promise<CommendationDto> {
    const { state } = await this.reader.current(commendationStreamId(id), commendationDecider);
    if (state.status === 'none') throw commendationError('COMMENDATION_NOT_FOUND', { commendationId: id });
    const { status: _status, ...commendation } = state;
    return { ...commendation, caseRefs: [...commendation.caseRefs] };
  }

  @Get('organs/:code/commendations')
  @Read()
  @ReadEndpoint()
  @ApiOperation({ summary: 'Every commendation of one organ, oldest first (Art 12, 通报表扬)' })
  @ApiOkResponse({ type: CommendationListDto })
  async list(@CodeParam('code') organCode: string): Promise<CommendationListDto> {
    const wanted = organCode.trim().toUpperCase();
    const commendations: CommendationDto[] = [];
    for await (const batch of this.store.readAll()) {
      for (const event of batch) {
        if (event.type !== 'OrganCommended') continue;
        const data = event.data as OrganCommended['data'];
        // Organ codes compare as codes: case and surrounding blanks do not make two organs.
        if (data.organ.code.trim().toUpperCase() === wanted)
          commendations.push({ ...data, organ: { ...data.organ }, caseRefs: [...data.caseRefs] });
      }
    }
    return { organCode, commendations };
  }
}
