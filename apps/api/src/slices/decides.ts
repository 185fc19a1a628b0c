import { ApiExtension } from '@nestjs/swagger';
import { ACT_CODES } from '@accord/domain';

export type Aggregate = keyof typeof ACT_CODES;

/** What the OpenAPI document reads to list a write's refusal codes (`docs/problem-codes.ts`). */
export interface DecidedAct {
  readonly aggregate: Aggregate;
  readonly act: string;
  /** Codes the route's own handler sends before the decider runs (facts it reads first). */
  readonly also?: readonly string[];
}

export const DECIDED_ACT = 'x-accord-act';

/**
 * Names the domain act a write route decides, so that its 403/404/409/422 list exactly the codes
 * that act's decider can answer with (`ACT_CODES`, derived from the decider's source) plus the
 * edge's own; `also` adds what the slice's handler itself refuses with.
 */
export const Decides = <A extends Aggregate>(
  aggregate: A,
  act: keyof (typeof ACT_CODES)[A] & string,
  also: readonly string[] = [],
) =>
  ApiExtension(DECIDED_ACT, {
    aggregate,
    act,
    ...(also.length === 0 ? {} : { also }),
  } satisfies DecidedAct);
