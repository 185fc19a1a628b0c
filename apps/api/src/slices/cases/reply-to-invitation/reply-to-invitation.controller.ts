import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { UuidParam } from '../../../http/ids';
import { WriteEndpoint } from '../../../http/openapi.decorators';
import { Ctx, type RequestContext } from '../../../http/request-context';
import { Act } from '../../../identity/access.decorators';
import { WriteResult } from '../../../pipeline/command-pipeline';
import { decideCase } from '../case-act';
import type { ReplyToInvitation } from '@accord/domain';
import { ReplyToInvitationRequestDto } from './reply-to-invitation.request.dto';
import { Decides } from '../../decides';

@ApiTags('cases')
@Controller('cases')
export class ReplyToInvitationController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/invitations/:invitationId/reply')
  @HttpCode(200)
  @Act()
  @WriteEndpoint()
  @Decides('case', 'ReplyToInvitation')
  @ApiOperation({
    summary: 'Reply in writing to an invitation: take part, or decline with reasons (Art 4, Art 7)',
    description:
      'The invited agency only; it may reach the case for this although it does not yet take part in it (Art 17). A reply after the 3-day period is recorded as late. A second reply is 409 INVITATION_ALREADY_ANSWERED.',
  })
  @ApiOkResponse({ type: WriteResult })
  reply(
    @UuidParam('id') caseId: string,
    @UuidParam('invitationId') invitationId: string,
    @Body() body: ReplyToInvitationRequestDto,
    @Ctx() ctx: RequestContext,
  ): Promise<WriteResult> {
    return this.commands.execute(
      decideCase<ReplyToInvitation>(ctx, {
        caseId,
        id: invitationId,
        type: 'ReplyToInvitation',
        data: {
          caseId,
          invitationId,
          answer: body.answer,
          repliedOn: body.repliedOn,
          reasons: body.reasons ?? null,
          documentRef: body.documentRef ?? null,
        },
      }),
    );
  }
}
