/**
 * The heap `accord rebuild` runs under. A replay's live set is a batch or two (~15–25 MB after a
 * full collection on the 1,000,000-event bench ledger), but under a rebuild's allocation rate V8
 * lets the old generation grow to 100–150 MB between collections, which showed as 300+ MB of
 * peak RSS. A bound makes it collect sooner, at no measurable cost (bench:projector, README).
 * ACCORD_REBUILD_HEAP_MB overrides it; `off` leaves V8's default.
 */
export const REBUILD_HEAP_MB = 128;

/** The node flag for the rebuild's heap, or null when none should be added. */
export function rebuildHeapFlag(env: NodeJS.ProcessEnv, execArgv: readonly string[]): string | null {
  const chosen = env.ACCORD_REBUILD_HEAP_MB;
  if (chosen === 'off') return null;
  // Whoever started node with a bound of their own keeps it.
  if ([...execArgv, env.NODE_OPTIONS ?? ''].some((arg) => arg.includes('--max-old-space-size'))) return null;
  const mb = chosen === undefined || chosen === '' ? REBUILD_HEAP_MB : Number(chosen);
  if (!Number.isInteger(mb) || mb < 32)
    throw new Error(
      `ACCORD_REBUILD_HEAP_MB=${JSON.stringify(chosen)}: expected a whole number of MB (>= 32) or off`,
    );
  return `--max-old-space-size=${mb}`;
}
