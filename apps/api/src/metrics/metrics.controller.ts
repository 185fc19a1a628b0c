import { Controller, Get, Header } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { OpsRead } from '../identity/access.decorators';
import { Metrics } from './metrics';

@ApiTags('operations')
@Controller('metrics')
export class MetricsController {
  constructor(private readonly metrics: Metrics) {}

  /** Counts per event type and refusal code tell an outsider what the ledger holds: operators only. */
  @Get()
  @OpsRead()
  @Header('content-type', 'text/plain; version=0.0.4; charset=utf-8')
  @ApiOperation({
    summary: 'Prometheus metrics: requests, latency, appends, version conflicts, rule refusals.',
  })
  @ApiProduces('text/plain')
  @ApiOkResponse({ description: 'Prometheus text exposition format.' })
  scrape(): Promise<string> {
    return this.metrics.registry.metrics();
  }
}
