import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { LegalCalendar } from '@accord/domain';
import { CASE_STATUS_PROJECTION, stuckCases } from '@accord/read-store';
import { AccessLog, queryRead } from '../../access/access-log';
import { date, int, rowsAnswer } from '../../http/schema';
import { ReadEndpoint, ReadModelBehind } from '../../http/openapi.decorators';
import { Ctx, type RequestContext } from '../../http/request-context';
import { Read } from '../../identity/access.decorators';
import { LEGAL_CALENDAR } from '../../pipeline/tokens';
import { ReadModels } from '../../read/read-models';
import { StuckCasesQueryDto } from './read-query.dto';

@ApiTags('cases')
@Controller('cases/stuck')
export class StuckCasesController {
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
      'Open cases you take part in (or audit) with no activity for more than `days` days, longest idle first',
  })
  @ApiOkResponse({
    schema: rowsAnswer({ today: date(), days: int() }, 'items'),
  })
  async list(@Query() query: StuckCasesQueryDto, @Ctx() ctx: RequestContext) {
    const position = await this.readModels.reached([CASE_STATUS_PROJECTION], query.minPosition);
    const today = this.calendar.legalDateOf(ctx.now);
    const days = query.days ?? 30;
    const items = await this.readModels.query((store) =>
      stuckCases(store, ctx.actor, today, days, query.limit ?? 100),
    );
    await this.accessLog.record(
      ctx,
      queryRead({
        query: 'cases.stuck',
        caseIds: items.map((i) => i.caseId),
        partyKeys: [],
        outcome: 'granted',
        filter: { days },
        position,
      }),
    );
    return { today, days, items, position };
  }
}
