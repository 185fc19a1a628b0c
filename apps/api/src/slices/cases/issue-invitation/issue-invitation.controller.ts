import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { UuidParam, newId } from '../../../http/ids';
import { WriteEndpoint } from '../../../http/openapi.decorators';
import { Ctx, type RequestContext } from '../../../http/request-context';
import { Act } from '../../../identity/access.decorators';
import { WriteResult } from '../../../pipeline/command-pipeline';
import { decideCase } from '../case-act';
import type { IssueInvitation } from '@accord/domain';
import { IssueInvitationRequestDto } from './issue-invitation.request.dto';
import { Decides } from '../../decides';

@ApiTags('cases')
@Controller('cases')
export class IssueInvitationController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/invitations')
  @HttpCode(201)
  @Act()
  @WriteEndpoint()
  @Decides('case', 'IssueInvitation')
  @ApiOperation({
    summary: 'Invite another agency to take part (Art 4, 5, 6, 7)',
    description:
      'Lead agency only: reconsideration invites the procuratorate, litigation the government office and procuratorate, supervision (after a non-support decision) the government office and court. The written notice is served within 30 days of acceptance; the reply is due within 3 days of service. `id` in the answer is the generated invitation id.',
  })
  @ApiCreatedResponse({ type: WriteResult })
  issue(
    @UuidParam('id') caseId: string,
    @Body() body: IssueInvitationRequestDto,
    @Ctx() ctx: RequestContext,
  ): Promise<WriteResult> {
    const invitationId = newId(ctx, 'invitation');
    return this.commands.execute(
      decideCase<IssueInvitation>(ctx, {
        caseId,
        id: invitationId,
        type: 'IssueInvitation',
        data: {
          caseId,
          invitationId,
          to: body.to,
          grounds: body.grounds,
          noticeServedOn: body.noticeServedOn,
          addresseeDepartment: body.addresseeDepartment ?? null,
          documentRef: body.documentRef ?? null,
        },
      }),
    );
  }
}
