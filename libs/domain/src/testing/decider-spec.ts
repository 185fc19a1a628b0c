import type { DomainEvent } from '@accord/events';
import { RuleError } from '../shared/rule-error';
import { fold, type Decider } from '../shared/decider';

/**
 * Given / when / then for deciders (after Emmett's DeciderSpecification):
 *
 *   spec(caseDecider).given([caseRegistered(...)]).when(issueInvitation(...)).then([invitationIssued(...)])
 *   spec(caseDecider).given([...]).when(...).thenThrows('INVITATION_NOTICE_LATE')
 */
export function spec<C, S, E extends DomainEvent>(decider: Decider<C, S, E>) {
  return {
    given(events: readonly E[]) {
      const state = fold(decider.evolve, decider.initialState(), events);
      return {
        when(command: C) {
          const run = () => decider.decide(command, state);
          return {
            /** Exactly these events, in order. */
            then(expected: readonly E[]): readonly E[] {
              const actual = run();
              expect(actual).toEqual(expected);
              return actual;
            },
            /** Inspect the events (and the state they lead to) when exact equality is too brittle. */
            thenEvents(check: (events: readonly E[], after: S) => void): readonly E[] {
              const actual = run();
              check(actual, fold(decider.evolve, state, actual));
              return actual;
            },
            thenThrows(
              code: string | { readonly code: string },
              details?: Record<string, unknown>,
            ): RuleError {
              const wanted = typeof code === 'string' ? code : code.code;
              let thrown: unknown;
              try {
                run();
              } catch (error) {
                thrown = error;
              }
              expect(thrown).toBeInstanceOf(RuleError);
              const ruleError = thrown as RuleError;
              expect(ruleError.code).toBe(wanted);
              if (details) expect(ruleError.details).toMatchObject(details);
              return ruleError;
            },
          };
        },
      };
    },
  };
}
