import { Controller, Get, Inject, Logger, type OnModuleInit } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { EventStore } from '@accord/store';
import { ApiError } from '../http/api-error';
import { ProblemDto } from '../http/problem.dto';
import { OpsRead, Public } from '../identity/access.decorators';
import { EVENT_STORE } from '../pipeline/tokens';
import { Readiness } from './readiness';

@ApiTags('operations')
@Controller('health')
export class HealthController implements OnModuleInit {
  private readonly logger = new Logger(HealthController.name);

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
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
      'Readiness: every component answers (the event store, the case directory); a 503 names the failing ones.',
  })
  @ApiOkResponse({ schema: { example: { status: 'ready', headPosition: 42 } } })
  @ApiServiceUnavailableResponse({ type: ProblemDto })
  async ready(): Promise<{ status: 'ready'; headPosition: number }> {
    const failing = await this.readiness.failing();
    if (failing.length === 0) {
      try {
        return { status: 'ready', headPosition: await this.store.headPosition() };
      } catch (error) {
        failing.push({ component: 'event-store', reason: String(error) });
      }
    }
    // The reasons go to the log only: they may name files, and this route may be served to an ops token only, but logs are the place for paths.
    for (const { component, reason } of failing) this.logger.warn(`not ready: ${component}: ${reason}`);
    throw new ApiError('NOT_READY', { failing: failing.map((f) => f.component) });
  }
}
