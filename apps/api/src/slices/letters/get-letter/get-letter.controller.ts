import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { canSeeLetter, letterDecider, letterError } from '@accord/domain';
import { AsOfQueryDto } from '../../../http/as-of.query.dto';
import { streamView } from '../../../http/stream-view.dto';
import { UuidParam } from '../../../http/ids';
import { ReadEndpoint } from '../../../http/openapi.decorators';
import { Ctx, type RequestContext } from '../../../http/request-context';
import { Read } from '../../../identity/access.decorators';
import { VisibleRead } from '../../../access/visible-read';
import { letterStreamId } from '../letter-stream';
import { LetterViewDto } from './letter-view.dto';

@ApiTags('letters')
@Controller('letters')
export class GetLetterController {
  constructor(private readonly reads: VisibleRead) {}

  @Get(':id')
  @Read()
  @ReadEndpoint()
  @ApiOperation({
    summary: 'A suggestion letter, folded from its events (Art 8)',
    description:
      'Visible to the issuer, the addressed organ (`ORGAN:<code>`) and auditors; anyone else is answered 404 as for a letter that does not exist. `asOf` gives the letter as recorded at that instant.',
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
    return { ...streamView(id, streamId, loaded, query.asOf), letter: loaded.state };
  }
}
