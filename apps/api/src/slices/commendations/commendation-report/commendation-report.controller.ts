import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import { isAgency } from '@accord/events';
import { CASE_STATUS_PROJECTION, COMMENDATIONS_PROJECTION, commendationReport } from '@accord/read-store';
import { AccessLog, queryRead } from '../../../access/access-log';
import { ApiError } from '../../../http/api-error';
import { ReadEndpoint, ReadModelBehind } from '../../../http/openapi.decorators';
import { Ctx, type RequestContext } from '../../../http/request-context';
import { ref } from '../../../http/schema';
import { Read } from '../../../identity/access.decorators';
import { ReadModels } from '../../../read/read-models';
import { MinPositionQueryDto } from '../../queries/read-query.dto';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

export class CommendationReportQueryDto extends MinPositionQueryDto {
  @ApiPropertyOptional({ example: '2026-01' }) @IsOptional() @Matches(MONTH) fromMonth?: string;
  @ApiPropertyOptional({ example: '2026-12' }) @IsOptional() @Matches(MONTH) toMonth?: string;
}

@ApiTags('reports')
@Controller('reports/commendations')
export class CommendationReportController {
  constructor(
    private readonly readModels: ReadModels,
    private readonly accessLog: AccessLog,
  ) {}

  @Get()
  @Read()
  @ReadEndpoint()
  @ReadModelBehind()
  @ApiOperation({
    summary: 'Commendations of every organ (Art 12, 通报表扬): per organ, per month, and each one',
    description:
      'The three agencies and auditors, like the other reports; organs are answered 404. A commendation names ' +
      'only the cited cases the reader may see (Art 17); the others are counted in `caseRefsWithheld`.',
  })
  @ApiOkResponse({ schema: ref('CommendationReport') })
  async report(@Query() query: CommendationReportQueryDto, @Ctx() ctx: RequestContext) {
    if (ctx.actor.role !== 'auditor' && !isAgency(ctx.actor.agency)) throw new ApiError('ROUTE_NOT_FOUND');
    const position = await this.readModels.reached(
      [COMMENDATIONS_PROJECTION, CASE_STATUS_PROJECTION],
      query.minPosition,
    );
    const report = await this.readModels.query((store) =>
      commendationReport(store, ctx.actor, {
        ...(query.fromMonth === undefined ? {} : { fromMonth: query.fromMonth }),
        ...(query.toMonth === undefined ? {} : { toMonth: query.toMonth }),
      }),
    );
    await this.accessLog.record(
      ctx,
      queryRead({
        query: 'reports.commendations',
        caseIds: [...new Set(report.items.flatMap((c) => c.caseRefs))],
        partyKeys: [],
        outcome: 'granted',
        filter: { fromMonth: query.fromMonth ?? null, toMonth: query.toMonth ?? null },
        position,
      }),
    );
    return { ...report, position };
  }
}
