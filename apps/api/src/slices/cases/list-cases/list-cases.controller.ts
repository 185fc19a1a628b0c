import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { LegalCalendar } from '@accord/domain';
import { CASE_STATUS_PROJECTION, listCases, caseStatusView } from '@accord/read-store';
import { AccessLog } from '../../../access/access-log';
import { ReadEndpoint, ReadModelBehind } from '../../../http/openapi.decorators';
import { Ctx, type RequestContext } from '../../../http/request-context';
import { Read } from '../../../identity/access.decorators';
import { LEGAL_CALENDAR } from '../../../pipeline/tokens';
import { ReadModels } from '../../../read/read-models';
import { CaseListDto } from './case-list.dto';
import { DEFAULT_PAGE, ListCasesQueryDto } from './list-cases.query.dto';

@ApiTags('cases')
@Controller('cases')
export class ListCasesController {
  constructor(
    private readonly readModels: ReadModels,
    private readonly accessLog: AccessLog,
    @Inject(LEGAL_CALENDAR) private readonly calendar: LegalCalendar,
  ) {}

  @Get()
  @Read()
  @ReadEndpoint()
  @ApiOperation({
    summary:
      'The cases your agency may see (Art 17), newest first, a page at a time, from the case-status read model',
    description:
      'Participants and auditors get full rows (parties, invitations with due dates and late/overdue state, letters ' +
      'outstanding, risk, plan and escalation, last activity, outcome, days open); an agency with an open invitation ' +
      'gets a reduced row; administrative organs get none. Filters on stage, risk or overdue leave reduced rows out. ' +
      "`position` is the log position the read model reflects; pass a write's `position` as `minPosition` to read it. " +
      'The page read (the ids it showed) is recorded in the access log before it answers.',
  })
  @ApiOkResponse({ type: CaseListDto })
  @ReadModelBehind()
  async list(@Query() query: ListCasesQueryDto, @Ctx() ctx: RequestContext): Promise<CaseListDto> {
    const position = await this.readModels.reached([CASE_STATUS_PROJECTION], query.minPosition);
    const limit = query.limit ?? DEFAULT_PAGE;
    const filter = {
      limit,
      ...(query.channel === undefined ? {} : { channel: query.channel }),
      ...(query.stage === undefined ? {} : { stage: query.stage }),
      ...(query.agency === undefined ? {} : { agency: query.agency }),
      ...(query.overdue === undefined ? {} : { overdue: query.overdue === 'true' }),
      ...(query.risk === undefined ? {} : { risk: query.risk }),
      ...(query.acceptedFrom === undefined ? {} : { acceptedFrom: query.acceptedFrom }),
      ...(query.acceptedTo === undefined ? {} : { acceptedTo: query.acceptedTo }),
      ...(query.after === undefined ? {} : { after: Number(query.after) }),
    };
    const today = this.calendar.legalDateOf(ctx.now);
    const { items, next } = await this.readModels.query(async (store) => {
      const page = await listCases(store, ctx.actor, filter);
      return {
        items: await Promise.all(
          page.rows.map(({ row, access }) => caseStatusView(store, row, access, ctx.actor, today)),
        ),
        next: page.next,
      };
    });
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
        agency: query.agency ?? null,
        overdue: query.overdue ?? null,
        risk: query.risk ?? null,
        acceptedFrom: query.acceptedFrom ?? null,
        acceptedTo: query.acceptedTo ?? null,
      },
      position,
    });
    return { items, nextCursor: next === null ? null : String(next), position } as unknown as CaseListDto;
  }
}
