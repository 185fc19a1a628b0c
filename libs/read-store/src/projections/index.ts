import type { Projection } from '../projection';
import { auditProjection } from './audit.projection';
import { caseStatusProjection } from './case-status.projection';
import { commendationsProjection } from './commendations.projection';
import { deadlinesProjection } from './deadlines.projection';
import { registerProjection } from './register.projection';

export * from './audit.projection';
export * from './case-status.projection';
export * from './commendations.projection';
export * from './deadlines.projection';
export * from './register.projection';

/** Every projection the projector runs, by name. */
export const PROJECTIONS: readonly Projection[] = [
  caseStatusProjection,
  deadlinesProjection,
  registerProjection,
  auditProjection,
  commendationsProjection,
];

export function projectionsNamed(names: readonly string[]): Projection[] {
  const unknown = names.filter((n) => !PROJECTIONS.some((p) => p.name === n));
  if (unknown.length > 0)
    throw new Error(
      `unknown projection ${unknown.join(', ')} (known: ${PROJECTIONS.map((p) => p.name).join(', ')})`,
    );
  return PROJECTIONS.filter((p) => names.includes(p.name));
}
