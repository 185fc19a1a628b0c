import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { EventStore } from '@accord/store';
import { AccessLog } from '../../../access/access-log';
import { ReadEndpoint } from '../../../http/openapi.decorators';
import { ProblemDto } from '../../../http/problem.dto';
import { Ctx, type RequestContext } from '../../../http/request-context';
import { Read } from '../../../identity/access.decorators';
import { EVENT_STORE } from '../../../pipeline/tokens';
import { CaseDirectory } from './case-directory';
import { CaseListDto, toListItem } from './case-list.dto';
import { DEFAULT_PAGE, ListCasesQueryDto } from './list-cases.query.dto';

@ApiTags('cases')
@Controller('cases')
export class ListCasesController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly directory: CaseDirectory,
    private readonly accessLog: AccessLog,
  ) {}

  @Get()
  @Read()
  @ReadEndpoint()
  @ApiOperation({
    summary: 'The cases your agency may see (Art 17), newest first, a page at a time',
    description:
      'Participants and auditors get full rows; an agency with an open invitation gets a reduced row; ' +
      'administrative organs get none. The list includes every write recorded before the request ' +
      'arrived. The page read (the ids it showed) is recorded in the access log before it answers.',
  })
  @ApiOkResponse({ type: CaseListDto })
  @ApiServiceUnavailableResponse({
    description: 'The case list could not catch up with the ledger in time (NOT_READY).',
    type: ProblemDto,
  })
  async list(@Query() query: ListCasesQueryDto, @Ctx() ctx: RequestContext): Promise<CaseListDto> {
    // Read-your-writes: every append acknowledged before this request is in the answer.
    await this.directory.waitFor(await this.store.headPosition());
    const limit = query.limit ?? DEFAULT_PAGE;
    const page = this.directory.list(ctx.actor, {
      limit,
      ...(query.channel === undefined ? {} : { channel: query.channel }),
      ...(query.stage === undefined ? {} : { stage: query.stage }),
      ...(query.after === undefined ? {} : { after: Number(query.after) }),
    });
    const position = this.directory.position;
    const items = page.rows.map((row) => toListItem(row, ctx.actor.agency));
    // Art 17: who saw which cases, one access event per page.
    await this.accessLog.record(ctx, {
      resource: 'case-list',
      resourceId: null,
      streamId: null,
      view: 'list',
      asOf: null,
      revision: -1,
      shownIds: items.map((i) => i.caseId),
      outcome: 'granted',
      filter: {
        channel: query.channel ?? null,
        stage: query.stage ?? null,
        limit,
        after: query.after ?? null,
      },
      position,
    });
    return { items, nextCursor: page.next === undefined ? null : String(page.next), position };
  }
}
