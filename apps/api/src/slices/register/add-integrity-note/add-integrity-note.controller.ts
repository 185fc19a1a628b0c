import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CodeParam, newId } from '../../../http/ids';
import { WriteEndpoint } from '../../../http/openapi.decorators';
import { Ctx, type RequestContext } from '../../../http/request-context';
import { Act } from '../../../identity/access.decorators';
import { WriteResult } from '../../../pipeline/command-pipeline';
import { AddIntegrityNoteCommand } from './add-integrity-note.command';
import { AddIntegrityNoteRequestDto } from './add-integrity-note.request.dto';
import { Decides } from '../../decides';

@ApiTags('register')
@Controller('register/parties')
export class AddIntegrityNoteController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':partyId/notes')
  @HttpCode(201)
  @Act()
  @WriteEndpoint()
  @Decides('register', 'AddIntegrityNote')
  @ApiOperation({
    summary: "Add a note to a party's integrity archive (诚信档案, Art 11)",
    description:
      "The three agencies only. The party's first entry states who the party is (`party`). `id` is the generated note id.",
  })
  @ApiCreatedResponse({ type: WriteResult })
  addNote(
    @CodeParam('partyId') partyId: string,
    @Body() body: AddIntegrityNoteRequestDto,
    @Ctx() ctx: RequestContext,
  ): Promise<WriteResult> {
    return this.commands.execute(
      new AddIntegrityNoteCommand(partyId, newId(ctx, 'integrity-note'), body, ctx),
    );
  }
}
