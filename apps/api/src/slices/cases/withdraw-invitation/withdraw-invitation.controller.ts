import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { UuidParam } from '../../../http/ids';
import { WriteEndpoint } from '../../../http/openapi.decorators';
import { Ctx, type RequestContext } from '../../../http/request-context';
import { Act } from '../../../identity/access.decorators';
import { WriteResult } from '../../../pipeline/command-pipeline';
import { decideCase } from '../case-act';
import type { WithdrawInvitation } from '@accord/domain';
import { WithdrawInvitationRequestDto } from './withdraw-invitation.request.dto';
import { Decides } from '../../decides';

@ApiTags('cases')
@Controller('cases')
export class WithdrawInvitationController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/invitations/:invitationId/withdrawal')
  @HttpCode(200)
  @Act()
  @WriteEndpoint()
  @Decides('case', 'WithdrawInvitation')
  @ApiOperation({
    summary: 'Withdraw an unanswered invitation (Art 4, Art 7)',
    description: 'The inviting agency only, while the invitation is unanswered.',
  })
  @ApiOkResponse({ type: WriteResult })
  withdraw(
    @UuidParam('id') caseId: string,
    @UuidParam('invitationId') invitationId: string,
    @Body() body: WithdrawInvitationRequestDto,
    @Ctx() ctx: RequestContext,
  ): Promise<WriteResult> {
    return this.commands.execute(
      decideCase<WithdrawInvitation>(ctx, {
        caseId,
        id: invitationId,
        type: 'WithdrawInvitation',
        data: { caseId, invitationId, withdrawnOn: body.withdrawnOn, reasons: body.reasons },
      }),
    );
  }
}
