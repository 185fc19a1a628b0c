import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type Actor, type Agency, caseStreamId, type OrganCommended } from '@accord/events';
import { caseDecider, caseReadAccess, commendationDecider, commendationError } from '@accord/domain';
import type { EventStore } from '@accord/store';
import { CodeParam, UuidParam } from '../../../http/ids';
import { ref } from '../../../http/schema';
import { ReadEndpoint } from '../../../http/openapi.decorators';
import { Ctx, type RequestContext } from '../../../http/request-context';
import { Read } from '../../../identity/access.decorators';
import { StreamReader } from '../../../pipeline/stream-reader';
import { EVENT_STORE } from '../../../pipeline/tokens';
import { commendationStreamId } from '../commendation-stream';

export interface CommendationDto {
  readonly commendationId: string;
  readonly organ: { readonly code: string; readonly name: string };
  readonly reason: string;
  /** The cited cases the reader may see (Art 17). */
  readonly caseRefs: string[];
  /** Cited cases the reader may not see, or references that are no case on record: counted, not named. */
  readonly caseRefsWithheld: number;
  readonly commendedOn: string;
  readonly commendedBy: Agency;
}

export interface CommendationListDto {
  readonly organCode: string;
  readonly commendations: CommendationDto[];
}

/**
 * Art 12: 通报表扬 is a public notice, so any member of staff may read it back; the cases it cites
 * are not (Art 17), so each reader sees only those it may open, and a count of the rest. The list per organ
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
  async get(@UuidParam('id') id: string, @Ctx() ctx: RequestContext): Promise<CommendationDto> {
    const { state } = await this.reader.current(commendationStreamId(id), commendationDecider);
    if (state.status === 'none') throw commendationError('COMMENDATION_NOT_FOUND', { commendationId: id });
    const { status: _status, ...commendation } = state;
    return { ...commendation, ...(await this.citedFor(ctx.actor, commendation.caseRefs)) };
  }

  @Get('organs/:code/commendations')
  @Read()
  @ReadEndpoint()
  @ApiOperation({ summary: 'Every commendation of one organ, oldest first (Art 12, 通报表扬)' })
  @ApiOkResponse({ schema: ref('CommendationList') })
  async list(@CodeParam('code') organCode: string, @Ctx() ctx: RequestContext): Promise<CommendationListDto> {
    const wanted = organCode.trim().toUpperCase();
    const commendations: CommendationDto[] = [];
    for await (const batch of this.store.readAll()) {
      for (const event of batch) {
        if (event.type !== 'OrganCommended') continue;
        const data = event.data as OrganCommended['data'];
        // Organ codes compare as codes: case and surrounding blanks do not make two organs.
        if (data.organ.code.trim().toUpperCase() === wanted)
          commendations.push({
            ...data,
            organ: { ...data.organ },
            ...(await this.citedFor(ctx.actor, data.caseRefs)),
          });
      }
    }
    return { organCode, commendations };
  }

  /** The cited cases `actor` may see (auditors: all; an agency: those it leads or is invited to). */
  private async citedFor(actor: Actor, refs: readonly string[]) {
    if (actor.role === 'auditor') return { caseRefs: [...refs], caseRefsWithheld: 0 };
    const caseRefs: string[] = [];
    for (const ref of refs) {
      const { state } = await this.reader.current(caseStreamId(ref), caseDecider);
      // Art 17 as the domain rules it for a read of the case itself.
      if (caseReadAccess(state, actor) !== undefined) caseRefs.push(ref);
    }
    return { caseRefs, caseRefsWithheld: refs.length - caseRefs.length };
  }
}
