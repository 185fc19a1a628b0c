import type { DomainEvent } from '@accord/events';
import fc from 'fast-check';
import { fold, type Decider } from '../shared/decider';
import { RuleError } from '../shared/rule-error';

/** Freezes a JSON value all the way down, so that any mutation by `evolve` throws. */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value as Record<string, unknown>)) deepFreeze(child);
  }
  return value;
}

/**
 * Runs commands through `decide` one after another, keeping the events of those accepted: a random
 * command sequence becomes a history the decider itself would have written.
 */
export function historyOf<C, S, E extends DomainEvent>(
  decider: Decider<C, S, E>,
  commands: readonly C[],
): E[] {
  const events: E[] = [];
  let state = decider.initialState();
  for (const command of commands) {
    try {
      const produced = decider.decide(command, state);
      for (const event of produced) state = decider.evolve(state, event);
      events.push(...produced);
    } catch (error) {
      if (!(error instanceof RuleError)) throw error;
    }
  }
  return events;
}

/**
 * Fold determinism for any history the commands produce: the same events give equal states, the
 * state survives a JSON round trip, and `evolve` never mutates a frozen state or event.
 */
export function assertFoldProperties<C, S, E extends DomainEvent>(
  decider: Decider<C, S, E>,
  commands: fc.Arbitrary<readonly C[]>,
  { minAccepted = 1 }: { minAccepted?: number } = {},
): void {
  let longest = 0;
  fc.assert(
    fc.property(commands, (sequence) => {
      const events = historyOf(decider, sequence);
      longest = Math.max(longest, events.length);
      const once = fold(decider.evolve, decider.initialState(), events);
      const twice = fold(decider.evolve, decider.initialState(), JSON.parse(JSON.stringify(events)) as E[]);
      expect(twice).toEqual(once);
      expect(JSON.parse(JSON.stringify(once))).toEqual(once);
      let state = deepFreeze(decider.initialState());
      for (const event of events) {
        const before = JSON.stringify(state);
        const next = decider.evolve(state, deepFreeze(structuredClone(event)));
        expect(JSON.stringify(state)).toBe(before);
        state = deepFreeze(next);
      }
      expect(state).toEqual(once);
    }),
    { numRuns: 200 },
  );
  // A generator that never gets past the first refusal would make the property vacuous.
  expect(longest).toBeGreaterThanOrEqual(minAccepted);
}
