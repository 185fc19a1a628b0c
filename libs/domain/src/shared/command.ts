import type { Actor, Instant } from '@accord/events';
import type { LegalCalendar } from '../calendar/legal-calendar';
import type { RuleSet } from '../rules/rule-set';

/**
 * Everything a decider may know beyond the state: the clock reading, the actor, the rules and the
 * calendar all arrive here, so that `decide` stays a pure function.
 */
export interface CommandMetadata {
  /** The API's clock reading when the command arrived. */
  readonly now: Instant;
  readonly actor: Actor;
  readonly rules: RuleSet;
  readonly calendar: LegalCalendar;
}

export interface Command<Type extends string, Data> {
  readonly type: Type;
  readonly data: Readonly<Data>;
  readonly metadata: CommandMetadata;
}
