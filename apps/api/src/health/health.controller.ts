import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { EventStore } from '@accord/store';
import { ApiError } from '../http/api-error';
import { ProblemDto } from '../http/problem.dto';
import { OpsRead, Public } from '../identity/access.decorators';
import { EVENT_STORE } from '../pipeline/tokens';

@ApiTags('operations')
@Controller('health')
export class HealthController {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'Liveness: the process answers.' })
  @ApiOkResponse({ schema: { example: { status: 'ok' } } })
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('ready')
  @OpsRead()
  @ApiOperation({ summary: 'Readiness: the event store answers headPosition().' })
  @ApiOkResponse({ schema: { example: { status: 'ready', headPosition: 42 } } })
  @ApiServiceUnavailableResponse({ type: ProblemDto })
  async ready(): Promise<{ status: 'ready'; headPosition: number }> {
    try {
      return { status: 'ready', headPosition: await this.store.headPosition() };
    } catch {
      throw new ApiError('NOT_READY');
    }
  }
}
