import { Controller, Get, Headers, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { caseView, localiseExplanations, type RegisteredCase } from '@accord/domain';
import { AsOfQueryDto } from '../../../http/as-of.query.dto';
import { UuidParam } from '../../../http/ids';
import { JsonAnswer } from '../../../http/json-answer';
import { ReadEndpoint } from '../../../http/openapi.decorators';
import { languageOf } from '../../../http/problem';
import { Ctx, type RequestContext } from '../../../http/request-context';
import { Read } from '../../../identity/access.decorators';
import { CaseVisibility } from '../case-visibility';
import { CaseViewDto } from './case-view.dto';
import { caseAnswer, type CaseHead } from './case-view.json';

@ApiTags('cases')
@Controller('cases')
export class GetCaseController {
  constructor(private readonly cases: CaseVisibility) {}

  @Get(':id')
  @Read()
  @ReadEndpoint()
  @ApiOperation({
    summary: 'A case, folded from its events (Art 17: visible to participants, invitees in part, auditors)',
    description:
      'Always current; `asOf` gives the case as recorded at that instant. The read is recorded in the access log before it answers.',
  })
  @ApiOkResponse({ type: CaseViewDto })
  async get(
    @UuidParam('id') id: string,
    @Query() query: AsOfQueryDto,
    @Ctx() ctx: RequestContext,
    @Headers('accept-language') acceptLanguage?: string,
  ): Promise<CaseViewDto | JsonAnswer> {
    const found = await this.cases.open(ctx, id, 'full', query.asOf);
    const state = found.state as RegisteredCase;
    const head: CaseHead = {
      id,
      streamId: found.streamId,
      revision: found.revision,
      position: found.position,
      asOf: query.asOf ?? null,
      access: found.access,
      // `open` shows a read of the case, never its history, as full or reduced.
      view: found.view === 'reduced' ? 'reduced' : 'full',
    };
    // Deadline sentences are stored in English; another language is rendered from their facts.
    const language = languageOf(acceptLanguage);
    // A historical state is folded afresh for each read, and a rendered one is not cached: nothing to reuse.
    if (query.asOf !== undefined || language !== 'en') {
      const view = caseView(state, head.view, ctx.actor.agency);
      return { ...head, case: localiseExplanations(view, language) };
    }
    return new JsonAnswer(caseAnswer(state, head, ctx.actor.agency), found.revision);
  }
}
