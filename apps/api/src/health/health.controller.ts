import { Controller, Get, Inject, Logger, type OnModuleInit } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { Checkpoint, ReadStore } from '@accord/read-store';
import type { EventStore } from '@accord/store';
import { ApiError } from '../http/api-error';
import { ProblemDto } from '../http/problem.dto';
import { OpsRead, Public } from '../identity/access.decorators';
import { EVENT_STORE, READ_STORE } from '../pipeline/tokens';
import { Readiness } from './readiness';

@ApiTags('operations')
@Controller('health')
export class HealthController implements OnModuleInit {
  private readonly logger = new Logger(HealthController.name);

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    private readonly readiness: Readiness,
  ) {}

  onModuleInit(): void {
    this.readiness.register('event-store', async () => {
      await this.store.headPosition();
      return null;
    });
  }

  @Get()
  @Public()
  @ApiOperation({ summary: 'Liveness: the process answers.' })
  @ApiOkResponse({ schema: { example: { status: 'ok' } } })
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('ready')
  @OpsRead()
  @ApiOperation({
    summary:
      'Readiness: every component answers (the event store); each projection, its position, lag and whether it is stuck. A 503 names the failing components.',
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
    const failing = await this.readiness.failing();
    let headPosition = 0;
    if (failing.length === 0) {
      try {
        headPosition = await this.store.headPosition();
      } catch (error) {
        failing.push({ component: 'event-store', reason: String(error) });
      }
    }
    if (failing.length > 0) {
      // The reasons go to the log only: they may name files and hosts.
      for (const { component, reason } of failing) this.logger.warn(`not ready: ${component}: ${reason}`);
      throw new ApiError('NOT_READY', { failing: failing.map((f) => f.component) });
    }
    let checkpoints: Checkpoint[] = [];
    try {
      checkpoints = await this.readStore.checkpoints();
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
