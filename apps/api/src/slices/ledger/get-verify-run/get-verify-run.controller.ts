import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ApiConfig } from '@accord/config';
import { lastVerifyRun, type VerifyRun } from '@accord/merkle';
import { ReadEndpoint } from '../../../http/openapi.decorators';
import { ref } from '../../../http/schema';
import { AuditRead } from '../../../identity/access.decorators';
import { API_CONFIG } from '../../../pipeline/tokens';

@ApiTags('ledger')
@Controller('ledger/verify-runs')
export class GetVerifyRunController {
  constructor(@Inject(API_CONFIG) private readonly config: ApiConfig) {}

  @Get('last')
  @AuditRead()
  @ReadEndpoint()
  @ApiOperation({
    summary:
      'The last `accord verify` run on this data directory: when, its verdict, the first bad position (auditors)',
    description:
      'As the CLI recorded it (`<data>/verify-runs.jsonl`, one line per run). A record kept beside the ledger, not ' +
      'a proof: re-run verify, and check the co-signed checkpoint, before relying on it. `lastRun` is null until verify has run.',
  })
  @ApiOkResponse({ schema: ref('LastVerifyRun') })
  last(): { lastRun: VerifyRun | null } {
    return { lastRun: lastVerifyRun(this.config.dataDir) ?? null };
  }
}
