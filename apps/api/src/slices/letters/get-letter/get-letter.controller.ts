import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type Actor, caseStreamId } from '@accord/events';
import { caseDecider, caseReadAccess, canSeeLetter, letterDecider, letterError } from '@accord/domain';
import { AsOfQueryDto } from '../../../http/as-of.query.dto';
import { streamView } from '../../../http/stream-view.dto';
import { UuidParam } from '../../../http/ids';
import { ReadEndpoint } from '../../../http/openapi.decorators';
import { Ctx, type RequestContext } from '../../../http/request-context';
import { Read } from '../../../identity/access.decorators';
import { VisibleRead } from '../../../access/visible-read';
import { StreamReader } from '../../../pipeline/stream-reader';
import { letterStreamId } from '../letter-stream';
import { LetterViewDto } from './letter-view.dto';

@ApiTags('letters')
@Controller('letters')
export class GetLetterController {
  constructor(
    private readonly reads: VisibleRead,
    private readonly cases: StreamReader,
  ) {}

  @Get(':id')
  @Read()
  @ReadEndpoint()
  @ApiOperation({
    summary: 'A suggestion letter, folded from its events (Art 8)',
    description:
      'Visible to the issuer, the addressed organ (`ORGAN:<code>`) and auditors; anyone else is answered 404 as for a letter that does not exist. The case the letter concerns is named only to auditors and to agencies that take part in it or are invited to it (Art 17); to anyone else `letter.caseId` is null and `caseWithheld` true. `asOf` gives the letter as recorded at that instant.',
  })
  @ApiOkResponse({ type: LetterViewDto })
  async get(
    @UuidParam('id') id: string,
    @Query() query: AsOfQueryDto,
    @Ctx() ctx: RequestContext,
  ): Promise<LetterViewDto> {
    const streamId = letterStreamId(id);
    // Invisible answers exactly like unknown (Art 17); either way the read is recorded.
    const loaded = await this.reads.open(ctx, {
      resource: 'letter',
      resourceId: id,
      streamId,
      decider: letterDecider,
      asOf: query.asOf,
      exists: (state) => state.status !== 'none',
      canSee: canSeeLetter,
      notFound: () => letterError('LETTER_NOT_FOUND', { letterId: id }),
    });
    const letter = loaded.state;
    if (
      letter.status === 'none' ||
      letter.caseId === null ||
      (await this.knowsCase(ctx.actor, letter.caseId))
    )
      return { ...streamView(id, streamId, loaded, query.asOf), letter, caseWithheld: false };
    return {
      ...streamView(id, streamId, loaded, query.asOf),
      letter: { ...letter, caseId: null },
      caseWithheld: true,
    };
  }

  /**
   * Art 17: a letter is its organ's to read, the case it concerns is not. The case id is named to
   * whoever may read the case as it is now (the domain's caseReadAccess: auditors, agencies taking
   * part or invited), whatever `asOf` asks, as /deadlines and the commendations name cases.
   */
  private async knowsCase(actor: Actor, caseId: string): Promise<boolean> {
    const { state } = await this.cases.current(caseStreamId(caseId), caseDecider);
    return caseReadAccess(state, actor) !== undefined;
  }
}
