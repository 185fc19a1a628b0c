/**
 * The heap `accord rebuild` runs under. A replay's live set is a batch or two (~15–25 MB after a
 * full collection on the 1,000,000-event bench ledger), but under a rebuild's allocation rate V8
 * lets the old generation grow to 100–150 MB between collections, which showed as 300+ MB of
 * peak RSS. A bound makes it collect sooner, at no measurable cost (bench:projector, README).
 * ACCORD_REBUILD_HEAP_MB overrides it; `off` leaves V8's default.
 */
export const REBUILD_HEAP_MB = 128;

/**
 * The young generation's semi-space. A batch's events and documents live until its commit is
 * planned, so with V8's default (16 MB) many survive a scavenge or two and are copied; 32 MB let
 * more of them die young: rebuilds ~7% faster for ~40 MB more peak RSS (bench:projector, README).
 */
export const REBUILD_SEMI_SPACE_MB = 32;

/** The node flags for the rebuild's heap; none when they should not be added. */
export function rebuildHeapFlags(env: NodeJS.ProcessEnv, execArgv: readonly string[]): string[] {
  const chosen = env.ACCORD_REBUILD_HEAP_MB;
  if (chosen === 'off') return [];
  const given = [...execArgv, env.NODE_OPTIONS ?? ''];
  // Whoever started node with a bound of their own keeps it.
  if (given.some((arg) => arg.includes('--max-old-space-size'))) return [];
  const mb = chosen === undefined || chosen === '' ? REBUILD_HEAP_MB : Number(chosen);
  if (!Number.isInteger(mb) || mb < 32)
    throw new Error(
      `ACCORD_REBUILD_HEAP_MB=${JSON.stringify(chosen)}: expected a whole number of MB (>= 32) or off`,
    );
  const semiSpace = given.some((arg) => arg.includes('--max-semi-space-size'))
    ? []
    : [`--max-semi-space-size=${REBUILD_SEMI_SPACE_MB}`];
  return [`--max-old-space-size=${mb}`, ...semiSpace];
}
