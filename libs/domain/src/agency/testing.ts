import type { Actor, ActorAgency, DomainEvent, Instant, Role } from '@accord/events';
import fc from 'fast-check';
import { RULES_2021_V1, type RuleSet } from '../rules/rule-set';
import type { CommandMetadata } from '../shared/command';
import { fold, type Decider } from '../shared/decider';
import { RuleError } from '../shared/rule-error';
import { testCalendar } from '../testing/calendar';

/** Test actors shared by the letter, register, mediator, agency, commendation and meeting specs. */
export function actor(
  agency: ActorAgency,
  role: Role = 'clerk',
  staffId = `${agency.toLowerCase()}-${role}`,
): Actor {
  return { agency, staffId, role };
}

export const courtClerk = actor('COURT', 'clerk');
export const courtLead = actor('COURT', 'lead');
export const procClerk = actor('PROCURATORATE', 'clerk');
export const procLead = actor('PROCURATORATE', 'lead');
export const govClerk = actor('GOV_OFFICE', 'clerk');
export const govLead = actor('GOV_OFFICE', 'lead');
export const auditor = actor('COURT', 'auditor');

/** Command metadata on the real 2024–2026 calendar; `now` is an instant (08:00 in Shanghai on `today`). */
export function metadata(by: Actor, today: string, rules: RuleSet = RULES_2021_V1): CommandMetadata {
  const now: Instant = `${today}T08:00:00+08:00`;
  return { now, actor: by, rules, calendar: testCalendar() };
}

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

export const LIAISON_A = { staffId: 'court-0012', name: '王某 Wang', contact: '0375-5051234' } as const;
export const LIAISON_B = { staffId: 'court-0045', name: '赵某 Zhao', contact: '0375-5055678' } as const;

/** `null` four times in five, else a value: "mostly the expected actor, sometimes a wrong one". */
export function sometimes<T>(values: fc.Arbitrary<T>): fc.Arbitrary<T | null> {
  return fc.oneof({ arbitrary: fc.constant(null), weight: 4 }, { arbitrary: values, weight: 1 });
}
