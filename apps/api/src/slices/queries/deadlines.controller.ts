import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { LegalCalendar } from '@accord/domain';
import { CASE_STATUS_PROJECTION, DEADLINES_PROJECTION, listDeadlines } from '@accord/read-store';
import { AccessLog, queryRead } from '../../access/access-log';
import { date, rowsAnswer } from '../../http/schema';
import { ReadEndpoint, ReadModelBehind } from '../../http/openapi.decorators';
import { Ctx, type RequestContext } from '../../http/request-context';
import { Read } from '../../identity/access.decorators';
import { LEGAL_CALENDAR } from '../../pipeline/tokens';
import { ReadModels } from '../../read/read-models';
import { DeadlinesQueryDto } from './read-query.dto';

@ApiTags('read models')
@Controller('deadlines')
export class DeadlinesController {
  constructor(
    private readonly readModels: ReadModels,
    private readonly accessLog: AccessLog,
    @Inject(LEGAL_CALENDAR) private readonly calendar: LegalCalendar,
  ) {}

  @Get()
  @Read()
  @ReadEndpoint()
  @ReadModelBehind()
  @ApiOperation({
    summary:
      'Open periods (invitation replies, risk escalations, letter responses) with due dates counted by the calendar in force now',
    description:
      'When the recount differs from the due date recorded when the period began (a year was corrected in calendar.json), ' +
      'both are shown with `why`; a due date in a year with no official schedule is `provisional`. Case periods follow Art 17 ' +
      '(an invitee sees only its own reply); letter periods are seen by the issuer, the organ and auditors.',
  })
  @ApiOkResponse({
    schema: rowsAnswer({ today: date() }, 'items'),
  })
  async list(@Query() query: DeadlinesQueryDto, @Ctx() ctx: RequestContext) {
    const position = await this.readModels.reached(
      [DEADLINES_PROJECTION, CASE_STATUS_PROJECTION],
      query.minPosition,
    );
    const today = this.calendar.legalDateOf(ctx.now);
    const items = await this.readModels.query((store) =>
      listDeadlines(store, ctx.actor, this.calendar, today, {
        limit: query.limit ?? 100,
        ...(query.caseId === undefined ? {} : { caseId: query.caseId }),
        ...(query.kind === undefined ? {} : { kind: query.kind }),
        ...(query.overdue === undefined ? {} : { overdue: query.overdue === 'true' }),
        ...(query.status === undefined ? {} : { status: query.status }),
      }),
    );
    await this.accessLog.record(
      ctx,
      queryRead({
        query: 'deadlines',
        caseIds: [...new Set(items.flatMap((i) => (i.caseId === null ? [] : [i.caseId])))],
        partyKeys: [],
        outcome: 'granted',
        filter: {
          caseId: query.caseId ?? null,
          kind: query.kind ?? null,
          overdue: query.overdue ?? null,
          status: query.status ?? null,
        },
        position,
      }),
    );
    return { today, items, position };
  }
}
