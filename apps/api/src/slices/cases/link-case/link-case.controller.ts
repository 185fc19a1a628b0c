import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { UuidParam } from '../../../http/ids';
import { WriteEndpoint } from '../../../http/openapi.decorators';
import { Ctx, type RequestContext } from '../../../http/request-context';
import { Act } from '../../../identity/access.decorators';
import { WriteResult } from '../../../pipeline/command-pipeline';
import { decideCase } from '../case-act';
import type { LinkCase } from '@accord/domain';
import { LinkCaseRequestDto } from './link-case.request.dto';
import { Decides } from '../../decides';

@ApiTags('cases')
@Controller('cases')
export class LinkCaseController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/links')
  @HttpCode(201)
  @Act()
  @WriteEndpoint()
  @Decides('case', 'LinkCase')
  @ApiOperation({
    summary: 'Link a case of the same dispute in another channel (Art 1)',
    description:
      'A participating agency. One-sided: the link is recorded on this case only. `id` in the answer is the linked case id.',
  })
  @ApiCreatedResponse({ type: WriteResult })
  link(
    @UuidParam('id') caseId: string,
    @Body() body: LinkCaseRequestDto,
    @Ctx() ctx: RequestContext,
  ): Promise<WriteResult> {
    return this.commands.execute(
      decideCase<LinkCase>(ctx, {
        caseId,
        id: body.linkedCaseId.toLowerCase(),
        type: 'LinkCase',
        data: {
          caseId,
          linkedCaseId: body.linkedCaseId.toLowerCase(),
          linkedChannel: body.linkedChannel,
          note: body.note ?? '',
        },
      }),
    );
  }
}
