import type { DomainEvent } from '@accord/events';

/** decide(command, state) → events, or throws a RuleError; evolve folds; initialState starts a stream. */
export interface Decider<C, S, E extends DomainEvent> {
  readonly decide: (command: C, state: S) => readonly E[];
  readonly evolve: (state: S, event: E) => S;
  readonly initialState: () => S;
}

export function fold<S, E>(evolve: (state: S, event: E) => S, initial: S, events: Iterable<E>): S {
  let state = initial;
  for (const event of events) state = evolve(state, event);
  return state;
}
