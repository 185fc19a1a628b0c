import { Controller, Get, Headers, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { isAgency } from '@accord/events';
import {
  briefingFor,
  CASE_STATUS_PROJECTION,
  parsePeriod,
  reportCsv,
  reportSummary,
} from '@accord/read-store';
import { AccessLog, queryRead } from '../../access/access-log';
import { ApiError } from '../../http/api-error';
import { rowsAnswer } from '../../http/schema';
import { ReadEndpoint, ReadModelBehind } from '../../http/openapi.decorators';
import { Ctx, type RequestContext } from '../../http/request-context';
import { Read } from '../../identity/access.decorators';
import { ReadModels } from '../../read/read-models';
import { BriefingQueryDto, ReportQueryDto } from './read-query.dto';

/** Aggregates are for the three agencies and auditors (Art 14); organs are answered as for an unknown route. */
function agenciesOnly(ctx: RequestContext): void {
  if (ctx.actor.role !== 'auditor' && !isAgency(ctx.actor.agency)) throw new ApiError('ROUTE_NOT_FOUND');
}

@ApiTags('reports')
@Controller('reports')
export class ReportsController {
  constructor(
    private readonly readModels: ReadModels,
    private readonly accessLog: AccessLog,
  ) {}

  @Get('summary')
  @Read()
  @ReadEndpoint()
  @ReadModelBehind()
  @ApiProduces('application/json', 'text/csv')
  @ApiOperation({
    summary: 'Figures per month, lead agency and channel (JSON, or CSV with Accept: text/csv)',
    description:
      'Registered, resolved by outcome, resolution rate (化解率), median and p90 days to resolve, invitations, letters, ' +
      'risk levels, escalations and their promptness, head attendance rate, relief. Each act counts in the month it happened. No personal data.',
  })
  @ApiOkResponse({
    schema: rowsAnswer({}, 'rows'),
  })
  async summary(
    @Query() query: ReportQueryDto,
    @Headers('accept') accept: string | undefined,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    agenciesOnly(ctx);
    const position = await this.readModels.reached([CASE_STATUS_PROJECTION], query.minPosition);
    const rows = await this.readModels.query((store) =>
      reportSummary(store, {
        ...(query.fromMonth === undefined ? {} : { fromMonth: query.fromMonth }),
        ...(query.toMonth === undefined ? {} : { toMonth: query.toMonth }),
        ...(query.agency === undefined ? {} : { agency: query.agency }),
        ...(query.channel === undefined ? {} : { channel: query.channel }),
      }),
    );
    void reply.header('x-accord-position', String(position));
    if (accept !== undefined && /\btext\/csv\b/.test(accept)) {
      void reply.header('content-type', 'text/csv; charset=utf-8');
      return reportCsv(rows);
    }
    return { rows, position };
  }

  @Get('briefing')
  @Read()
  @ReadEndpoint()
  @ReadModelBehind()
  @ApiOperation({
    summary:
      "Art 14 情况通报: the period's figures and the major-risk and overdue cases, with no party's personal data",
    description:
      'The figures are for every case; a major-risk or overdue case is named only to the agencies taking part in it ' +
      '(lead, accepted invitees) and auditors, and counted in `withheld` for the others (Art 17).',
  })
  @ApiOkResponse({ schema: { type: 'object' } })
  async briefing(@Query() query: BriefingQueryDto, @Ctx() ctx: RequestContext) {
    agenciesOnly(ctx);
    const position = await this.readModels.reached([CASE_STATUS_PROJECTION], query.minPosition);
    const period = parsePeriod(query.period ?? ctx.now.slice(0, 7))!;
    const body = await this.readModels.query((store) => briefingFor(store, period, ctx.actor));
    await this.accessLog.record(
      ctx,
      queryRead({
        query: 'reports.briefing',
        caseIds: [...new Set([...body.majorRiskCases, ...body.overdueCases].map((c) => c.caseId))],
        partyKeys: [],
        outcome: 'granted',
        filter: { period: period.label },
        position,
      }),
    );
    return { ...body, position };
  }
}
