import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { Checkpoint, ReadStore } from '@accord/read-store';
import type { EventStore } from '@accord/store';
import { ApiError } from '../http/api-error';
import { ProblemDto } from '../http/problem.dto';
import { Public } from '../identity/access.decorators';
import { EVENT_STORE, READ_STORE } from '../pipeline/tokens';

@ApiTags('operations')
@Controller('health')
export class HealthController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_STORE) private readonly readStore: ReadStore,
  ) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'Liveness: the process answers.' })
  @ApiOkResponse({ schema: { example: { status: 'ok' } } })
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('ready')
  @Public()
  @ApiOperation({
    summary:
      'Readiness: the event store answers; each projection, its position, lag and whether it is stuck.',
    description:
      'Writes keep working while a projection is stuck, so this stays 200 with `status: "degraded"` and names the ' +
      'stuck projection, the position it stopped at and why.',
  })
  @ApiOkResponse({
    schema: {
      example: {
        status: 'degraded',
        headPosition: 42,
        projections: [
          {
            projection: 'register',
            position: 17,
            lag: 25,
            status: 'stuck',
            stuckAt: 18,
            error: 'unknown event type …',
          },
        ],
      },
    },
  })
  @ApiServiceUnavailableResponse({ type: ProblemDto })
  async ready(): Promise<{ status: 'ready' | 'degraded'; headPosition: number; projections: unknown[] }> {
    let headPosition: number;
    try {
      headPosition = await this.store.headPosition();
    } catch {
      throw new ApiError('NOT_READY');
    }
    let checkpoints: Checkpoint[] = [];
    try {
      checkpoints = this.readStore.checkpoints();
    } catch {
      // The read store is derived data: readiness of the ledger does not depend on it.
    }
    const projections = checkpoints.map((c) => ({
      projection: c.projection,
      version: c.version,
      position: c.position,
      lag: Math.max(0, headPosition - c.position),
      status: c.status,
      stuckAt: c.stuckAt,
      error: c.error,
    }));
    const status = projections.some((p) => p.status === 'stuck') ? 'degraded' : 'ready';
    return { status, headPosition, projections };
  }
}
