import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { partyRegisterDecider, registerError } from '@accord/domain';
import { AsOfQueryDto } from '../../../http/as-of.query.dto';
import { streamView } from '../../../http/stream-view.dto';
import { CodeParam } from '../../../http/ids';
import { ReadEndpoint } from '../../../http/openapi.decorators';
import { Ctx, type RequestContext } from '../../../http/request-context';
import { Read } from '../../../identity/access.decorators';
import { VisibleRead } from '../../../access/visible-read';
import { canSeeRegister, partyStreamId } from '../party-stream';
import { PartyRegisterViewDto } from './register-view.dto';

@ApiTags('register')
@Controller('register/parties')
export class GetPartyRegisterController {
  constructor(private readonly reads: VisibleRead) {}

  @Get(':partyId')
  @Read()
  @ReadEndpoint()
  @ApiOperation({
    summary: "A party's integrity and abuse-of-litigation register (Art 11)",
    description:
      'The three agencies and auditors; organs are answered 404. Notes, flags (with confirmation, notification, contests, review date) and the flag in force, if any. `asOf` gives the register as recorded at that instant.',
  })
  @ApiOkResponse({ type: PartyRegisterViewDto })
  async get(
    @CodeParam('partyId') id: string,
    @Query() query: AsOfQueryDto,
    @Ctx() ctx: RequestContext,
  ): Promise<PartyRegisterViewDto> {
    const streamId = partyStreamId(id);
    // Invisible answers exactly like unknown (Art 17); either way the read is recorded.
    const loaded = await this.reads.open(ctx, {
      resource: 'register',
      resourceId: id,
      streamId,
      decider: partyRegisterDecider,
      asOf: query.asOf,
      exists: (state) => state.status !== 'none',
      canSee: (_state, actor) => canSeeRegister(actor),
      notFound: () => registerError('REGISTER_PARTY_NOT_FOUND', { partyId: id }),
    });
    return { ...streamView(id, streamId, loaded, query.asOf), register: loaded.state };
  }
}
