import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { newId, plain } from '../../../http/ids';
import { WriteEndpoint } from '../../../http/openapi.decorators';
import { Ctx, type RequestContext } from '../../../http/request-context';
import { Act } from '../../../identity/access.decorators';
import { WriteResult } from '../../../pipeline/command-pipeline';
import { decideCase } from '../case-act';
import type { RegisterCase } from '@accord/domain';
import { RegisterCaseRequestDto } from './register-case.request.dto';
import { Decides } from '../../decides';

@ApiTags('cases')
@Controller('cases')
export class RegisterCaseController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @HttpCode(201)
  @Act()
  @WriteEndpoint()
  @Decides('case', 'RegisterCase')
  @ApiOperation({
    summary: 'Register a case accepted in your channel (Art 1)',
    description:
      "Only the channel's lead agency registers: GOV_OFFICE reconsideration, COURT litigation, PROCURATORATE supervision. The case id is generated.",
  })
  @ApiCreatedResponse({ type: WriteResult })
  register(@Body() body: RegisterCaseRequestDto, @Ctx() ctx: RequestContext): Promise<WriteResult> {
    const caseId = newId(ctx, 'case');
    return this.commands.execute(
      decideCase<RegisterCase>(ctx, {
        caseId,
        id: caseId,
        type: 'RegisterCase',
        data: { caseId, ...plain(body) },
      }),
    );
  }
}
