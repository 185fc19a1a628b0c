import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import type { LegalCalendar, RuleSet } from '@accord/domain';
import type { ReadStore } from '@accord/read-store';
import type { EventStore } from '@accord/store';
import { AccessLog } from './access/access-log';
import { VisibleRead } from './access/visible-read';
import type { ApiConfig } from '@accord/config';
import { HealthController } from './health/health.controller';
import { Readiness } from './health/readiness';
import { IDEMPOTENCY_STORE, IdempotencyGuard } from './http/idempotency.guard';
import type { IdempotencyStore } from './http/idempotency.store';
import { ProblemFilter } from './http/problem.filter';
import { AuthGuard, TOKEN_VERIFIER } from './identity/auth.guard';
import type { TokenVerifier } from './identity/token-verifier';
import { Metrics } from './metrics/metrics';
import { MetricsController } from './metrics/metrics.controller';
import { CommandPipeline } from './pipeline/command-pipeline';
import { StreamReader } from './pipeline/stream-reader';
import {
  API_CONFIG,
  EVENT_STORE,
  LEGAL_CALENDAR,
  READ_STORE,
  RULE_SET,
  WRITE_VISIBILITY,
} from './pipeline/tokens';
import { ReadModels } from './read/read-models';
import { SLICES } from './slices';
import { WRITE_VISIBILITY as VISIBILITY_RULES } from './slices/write-visibility';

export interface AppDependencies {
  readonly config: ApiConfig;
  readonly store: EventStore;
  readonly calendar: LegalCalendar;
  readonly rules: RuleSet;
  readonly tokens: TokenVerifier;
  readonly idempotency: IdempotencyStore;
  readonly readStore: ReadStore;
}

@Module({})
export class AppModule {
  static forRoot(deps: AppDependencies): DynamicModule {
    return {
      module: AppModule,
      imports: [CqrsModule.forRoot()],
      controllers: [HealthController, MetricsController, ...SLICES.flatMap((s) => s.controllers)],
      providers: [
        { provide: API_CONFIG, useValue: deps.config },
        { provide: EVENT_STORE, useValue: deps.store },
        { provide: LEGAL_CALENDAR, useValue: deps.calendar },
        { provide: RULE_SET, useValue: deps.rules },
        { provide: TOKEN_VERIFIER, useValue: deps.tokens },
        { provide: IDEMPOTENCY_STORE, useValue: deps.idempotency },
        { provide: WRITE_VISIBILITY, useValue: VISIBILITY_RULES },
        { provide: READ_STORE, useValue: deps.readStore },
        ReadModels,
        Metrics,
        Readiness,
        CommandPipeline,
        StreamReader,
        AccessLog,
        VisibleRead,
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_FILTER, useClass: ProblemFilter },
        IdempotencyGuard,
        ...SLICES.flatMap((s) => s.providers ?? []),
      ],
    };
  }
}
