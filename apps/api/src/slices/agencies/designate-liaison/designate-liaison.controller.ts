import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Agency } from '@accord/events';
import { WriteEndpoint } from '../../../http/openapi.decorators';
import { Ctx, type RequestContext } from '../../../http/request-context';
import { LeadAct } from '../../../identity/access.decorators';
import { WriteResult } from '../../../pipeline/command-pipeline';
import { AgencyParam } from '../agency-stream';
import { DesignateLiaisonCommand } from './designate-liaison.command';
import { DesignateLiaisonRequestDto } from './designate-liaison.request.dto';
import { Decides } from '../../decides';

@ApiTags('agencies')
@Controller('agencies')
export class DesignateLiaisonController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':code/liaison')
  @HttpCode(200)
  @LeadAct()
  @WriteEndpoint()
  @Decides('agency', 'DesignateLiaison')
  @ApiOperation({
    summary: "Designate the agency's liaison to the Coordination Office (联络人, Art 16)",
    description: "A lead of that agency only. The predecessor's term ends the day the successor's starts.",
  })
  @ApiOkResponse({ type: WriteResult })
  designate(
    @AgencyParam('code') agency: Agency,
    @Body() body: DesignateLiaisonRequestDto,
    @Ctx() ctx: RequestContext,
  ): Promise<WriteResult> {
    return this.commands.execute(new DesignateLiaisonCommand(agency, body, ctx));
  }
}
