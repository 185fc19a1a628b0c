import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Agency, OrganCommended } from '@accord/events';
import { commendationDecider, commendationError } from '@accord/domain';
import type { EventStore } from '@accord/store';
import { CodeParam, UuidParam } from '../../../http/ids';
import { ref } from '../../../http/schema';
import { ReadEndpoint } from '../../../http/openapi.decorators';
import { Read } from '../../../identity/access.decorators';
import { StreamReader } from '../../../pipeline/stream-reader';
import { EVENT_STORE } from '../../../pipeline/tokens';
import { commendationStreamId } from '../commendation-stream';

export interface CommendationDto {
  readonly commendationId: string;
  readonly organ: { readonly code: string; readonly name: string };
  readonly reason: string;
  readonly caseRefs: string[];
  readonly commendedOn: string;
  readonly commendedBy: Agency;
}

export interface CommendationListDto {
  readonly organCode: string;
  readonly commendations: CommendationDto[];
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
  @ApiOkResponse({ schema: ref('Commendation') })
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
  @ApiOkResponse({ schema: ref('CommendationList') })
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
