import { Injectable } from '@nestjs/common';
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/**
 * One registry per app instance (not prom-client's global one), so tests and the benchmark can run
 * several apps in one process without "metric already registered".
 */
@Injectable()
export class Metrics {
  readonly registry = new Registry();

  readonly requests = new Counter({
    name: 'accord_http_requests_total',
    help: 'HTTP requests by method, route pattern and status',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [this.registry],
  });

  readonly latency = new Histogram({
    name: 'accord_http_request_duration_seconds',
    help: 'HTTP request latency by method and route pattern',
    labelNames: ['method', 'route'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.02, 0.04, 0.08, 0.16, 0.32, 0.64, 1.28, 2.56],
    registers: [this.registry],
  });

  readonly appends = new Counter({
    name: 'accord_events_appended_total',
    help: 'Events appended to the ledger by the API, by event type',
    labelNames: ['type'] as const,
    registers: [this.registry],
  });

  readonly versionConflicts = new Counter({
    name: 'accord_version_conflicts_total',
    help: 'Appends refused for a wrong expected revision, by outcome (retried, stale If-Match, gave up)',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });

  readonly ruleRefusals = new Counter({
    name: 'accord_rule_refusals_total',
    help: 'Commands refused by a rule of the Measures, by code and kind',
    labelNames: ['code', 'kind'] as const,
    registers: [this.registry],
  });

  readonly accessEvents = new Counter({
    name: 'accord_access_events_total',
    help: 'Reads of confidential case data recorded in the access log (Art 17), by outcome',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });

  /**
   * Children bound to their labels, per route and status: `inc(labels)` would hash the label set on
   * every request. Routes are a fixed set (patterns, not URLs), so these maps stay small.
   */
  private readonly requestChildren = new Map<string, { inc(): void }>();
  private readonly latencyChildren = new Map<string, { observe(value: number): void }>();

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'accord_' });
  }

  observeRequest(method: string, route: string, status: number, seconds: number): void {
    const routeKey = `${method} ${route}`;
    const statusKey = `${routeKey} ${status}`;
    let counted = this.requestChildren.get(statusKey);
    if (counted === undefined) {
      counted = this.requests.labels({ method, route, status: String(status) });
      this.requestChildren.set(statusKey, counted);
    }
    counted.inc();
    let timed = this.latencyChildren.get(routeKey);
    if (timed === undefined) {
      timed = this.latency.labels({ method, route });
      this.latencyChildren.set(routeKey, timed);
    }
    timed.observe(seconds);
  }
}
