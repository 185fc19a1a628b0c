import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { RuleSet } from '@accord/domain';
import { CASE_STATUS_PROJECTION, patternAlertsFor, REGISTER_PROJECTION } from '@accord/read-store';
import { AccessLog, queryRead } from '../../access/access-log';
import { canSeeRegister, registerError } from '@accord/domain';
import { ref } from '../../http/schema';
import { ReadEndpoint, ReadModelBehind } from '../../http/openapi.decorators';
import { Ctx, type RequestContext } from '../../http/request-context';
import { Read } from '../../identity/access.decorators';
import { RULE_SET } from '../../pipeline/tokens';
import { ReadModels } from '../../read/read-models';
import { PagedQueryDto } from './read-query.dto';

@ApiTags('register')
@Controller('register/alerts')
export class RegisterAlertsController {
  constructor(
    private readonly readModels: ReadModels,
    private readonly accessLog: AccessLog,
    @Inject(RULE_SET) private readonly rules: RuleSet,
  ) {}

  @Get()
  @Read()
  @ReadEndpoint()
  @ReadModelBehind()
  @ApiOperation({
    summary: 'Pattern alerts for human review (Art 11): never a flag',
    description:
      "A party with the rule set's number of filings against the same organ within its window (`abusePatternAlert`); " +
      'each alert names the filings that raised it. The three agencies and auditors; organs are answered 404. Art 17: ' +
      'a filing in a case the reader takes no part in is counted (`withheldFilings`), not named; an alert in none of ' +
      "the reader's cases names a party of others' cases and is only counted (`withheldAlerts`).",
  })
  @ApiOkResponse({
    schema: ref('PatternAlertList'),
  })
  async list(@Query() query: PagedQueryDto, @Ctx() ctx: RequestContext) {
    if (!canSeeRegister(ctx.actor)) throw registerError('REGISTER_PARTY_NOT_FOUND', { partyId: 'alerts' });
    const position = await this.readModels.reached(
      [REGISTER_PROJECTION, CASE_STATUS_PROJECTION],
      query.minPosition,
    );
    const rule = { ...this.rules.abusePatternAlert, ruleSet: this.rules.version };
    const { items, withheldAlerts } = await this.readModels.query((store) =>
      patternAlertsFor(store, rule, query.limit ?? 100, ctx.actor),
    );
    await this.accessLog.record(
      ctx,
      queryRead({
        query: 'register.alerts',
        caseIds: [...new Set(items.flatMap((a) => a.filings.map((f) => f.caseId)))],
        partyKeys: items.map((a) => a.partyKey),
        outcome: 'granted',
        filter: { limit: query.limit ?? 100 },
        position,
      }),
    );
    return { rule, items, withheldAlerts, position };
  }
}
