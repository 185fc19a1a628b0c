import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { UuidParam, newId } from '../../../http/ids';
import { WriteEndpoint } from '../../../http/openapi.decorators';
import { Ctx, type RequestContext } from '../../../http/request-context';
import { Act } from '../../../identity/access.decorators';
import { WriteResult } from '../../../pipeline/command-pipeline';
import { decideCase } from '../case-act';
import type { CoordinateRelief } from '@accord/domain';
import { CoordinateReliefRequestDto } from './coordinate-relief.request.dto';
import { Decides } from '../../decides';

@ApiTags('cases')
@Controller('cases')
export class CoordinateReliefController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/relief')
  @HttpCode(201)
  @Act()
  @WriteEndpoint()
  @Decides('case', 'CoordinateRelief')
  @ApiOperation({
    summary: 'Coordinate hardship relief for a party (Art 9)',
    description:
      'The lead agency, during a resolution effort, for a party with no effective remedy and in great hardship. `id` in the answer is the generated relief id.',
  })
  @ApiCreatedResponse({ type: WriteResult })
  coordinate(
    @UuidParam('id') caseId: string,
    @Body() body: CoordinateReliefRequestDto,
    @Ctx() ctx: RequestContext,
  ): Promise<WriteResult> {
    const reliefId = newId(ctx, 'relief');
    return this.commands.execute(
      decideCase<CoordinateRelief>(ctx, {
        caseId,
        id: reliefId,
        type: 'CoordinateRelief',
        data: {
          caseId,
          reliefId,
          partyId: body.partyId,
          department: body.department,
          coordinatedOn: body.coordinatedOn,
          noEffectiveRemedy: body.noEffectiveRemedy,
          greatHardship: body.greatHardship,
          basis: body.basis,
        },
      }),
    );
  }
}
