import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { UuidParam } from '../../../http/ids';
import { WriteEndpoint } from '../../../http/openapi.decorators';
import { Ctx, type RequestContext } from '../../../http/request-context';
import { Act } from '../../../identity/access.decorators';
import { WriteResult } from '../../../pipeline/command-pipeline';
import { decideCase } from '../case-act';
import type { RecordConsent } from '@accord/domain';
import { RecordConsentRequestDto } from './record-consent.request.dto';
import { Decides } from '../../decides';

@ApiTags('cases')
@Controller('cases')
export class RecordConsentController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/consents')
  @HttpCode(201)
  @Act()
  @WriteEndpoint()
  @Decides('case', 'RecordConsent')
  @ApiOperation({
    summary: "Record a party's consent to, or withdrawal from, a resolution (Art 2)",
    description:
      "A participating agency. The latest record is the party's current will; `id` in the answer is the party id.",
  })
  @ApiCreatedResponse({ type: WriteResult })
  record(
    @UuidParam('id') caseId: string,
    @Body() body: RecordConsentRequestDto,
    @Ctx() ctx: RequestContext,
  ): Promise<WriteResult> {
    return this.commands.execute(
      decideCase<RecordConsent>(ctx, {
        caseId,
        id: body.partyId,
        type: 'RecordConsent',
        data: { caseId, partyId: body.partyId, consent: body.consent, on: body.on, note: body.note ?? '' },
      }),
    );
  }
}
