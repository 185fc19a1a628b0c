import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { canSeePool, mediatorDecider, mediatorError } from '@accord/domain';
import { AsOfQueryDto } from '../../../http/as-of.query.dto';
import { streamView } from '../../../http/stream-view.dto';
import { UuidParam } from '../../../http/ids';
import { ReadEndpoint } from '../../../http/openapi.decorators';
import { Ctx, type RequestContext } from '../../../http/request-context';
import { Read } from '../../../identity/access.decorators';
import { VisibleRead } from '../../../access/visible-read';
import { mediatorStreamId } from '../mediator-stream';
import { MediatorViewDto } from './mediator-view.dto';

@ApiTags('mediators')
@Controller('mediators')
export class GetMediatorController {
  constructor(private readonly reads: VisibleRead) {}

  @Get(':id')
  @Read()
  @ReadEndpoint()
  @ApiOperation({
    summary: 'A member of the mediator talent pool (Art 13)',
    description:
      'The three agencies and auditors; organs are answered 404. Status (active, suspended, removed) and its history.',
  })
  @ApiOkResponse({ type: MediatorViewDto })
  async get(
    @UuidParam('id') id: string,
    @Query() query: AsOfQueryDto,
    @Ctx() ctx: RequestContext,
  ): Promise<MediatorViewDto> {
    const streamId = mediatorStreamId(id);
    // Invisible answers exactly like unknown (Art 17); either way the read is recorded.
    const loaded = await this.reads.open(ctx, {
      resource: 'mediator',
      resourceId: id,
      streamId,
      decider: mediatorDecider,
      asOf: query.asOf,
      exists: (state) => state.status !== 'none',
      canSee: (_state, actor) => canSeePool(actor),
      notFound: () => mediatorError('MEDIATOR_NOT_FOUND', { mediatorId: id }),
    });
    return { ...streamView(id, streamId, loaded, query.asOf), mediator: loaded.state };
  }
}
