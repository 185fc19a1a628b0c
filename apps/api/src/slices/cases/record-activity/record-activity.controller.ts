import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { newId, UuidParam, plain } from '../../../http/ids';
import { WriteEndpoint } from '../../../http/openapi.decorators';
import { Ctx, type RequestContext } from '../../../http/request-context';
import { Act } from '../../../identity/access.decorators';
import { WriteResult } from '../../../pipeline/command-pipeline';
import { decideCase } from '../case-act';
import type { RecordActivity } from '@accord/domain';
import { RecordActivityRequestDto } from './record-activity.request.dto';
import { Decides } from '../../decides';

@ApiTags('cases')
@Controller('cases')
export class RecordActivityController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/activities')
  @HttpCode(201)
  @Act()
  @WriteEndpoint()
  @Decides('case', 'RecordActivity')
  @ApiOperation({
    summary: 'Record a resolution activity: hearing, coordination, mediation plan, … (Art 6)',
    description:
      'A participating agency, while a resolution effort is open. `id` in the answer is the generated activity id.',
  })
  @ApiCreatedResponse({ type: WriteResult })
  record(
    @UuidParam('id') caseId: string,
    @Body() body: RecordActivityRequestDto,
    @Ctx() ctx: RequestContext,
  ): Promise<WriteResult> {
    const activityId = newId(ctx, 'activity');
    return this.commands.execute(
      decideCase<RecordActivity>(ctx, {
        caseId,
        id: activityId,
        type: 'RecordActivity',
        data: { caseId, activityId, ...plain(body), description: body.description ?? null },
      }),
    );
  }
}
