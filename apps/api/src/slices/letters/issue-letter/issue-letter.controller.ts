import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { newId } from '../../../http/ids';
import { WriteEndpoint } from '../../../http/openapi.decorators';
import { Ctx, type RequestContext } from '../../../http/request-context';
import { Act } from '../../../identity/access.decorators';
import { WriteResult } from '../../../pipeline/command-pipeline';
import { IssueLetterCommand } from './issue-letter.command';
import { IssueLetterRequestDto } from './issue-letter.request.dto';
import { Decides } from '../../decides';

@ApiTags('letters')
@Controller('letters')
export class IssueLetterController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @HttpCode(201)
  @Act()
  @WriteEndpoint()
  @Decides('letter', 'IssueLetter')
  @ApiOperation({
    summary: 'Issue a suggestion letter to an administrative organ (Art 8)',
    description:
      'Court: judicial suggestion; procuratorate: procuratorial suggestion; government office: reconsideration opinion letter. The kind follows the issuer and may be omitted. `id` is the generated letter id.',
  })
  @ApiCreatedResponse({ type: WriteResult })
  issue(@Body() body: IssueLetterRequestDto, @Ctx() ctx: RequestContext): Promise<WriteResult> {
    return this.commands.execute(new IssueLetterCommand(newId(ctx, 'letter'), body, ctx));
  }
}
