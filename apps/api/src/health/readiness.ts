import { Injectable } from '@nestjs/common';

/** Why a component cannot serve, or null while it can. */
export type ReadinessProbe = () => string | null | Promise<string | null>;

export interface FailingComponent {
  readonly component: string;
  readonly reason: string;
}

/**
 * The components `/health/ready` asks: each registers a probe when it starts (the event store, the
 * case directory, and any later one), so a part that stopped in the background makes the instance
 * not ready instead of failing only the requests that happen to touch it.
 */
@Injectable()
export class Readiness {
  private readonly probes = new Map<string, ReadinessProbe>();

  register(component: string, probe: ReadinessProbe): void {
    this.probes.set(component, probe);
  }

  /** Every component that reports a problem, each probe run on its own so one failure does not hide another. */
  async failing(): Promise<FailingComponent[]> {
    const results = await Promise.all(
      [...this.probes].map(async ([component, probe]) => {
        try {
          const reason = await probe();
          return reason === null ? undefined : { component, reason };
        } catch (error) {
          return { component, reason: error instanceof Error ? error.message : String(error) };
        }
      }),
    );
    return results.filter((r): r is FailingComponent => r !== undefined);
  }
}
