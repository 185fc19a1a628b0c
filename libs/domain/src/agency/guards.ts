import { isAgency, type Actor, type Agency, type LegalDate } from '@accord/events';
import { isLegalDate } from '../calendar/civil-date';
import type { CommandMetadata } from '../shared/command';

/**
 * Small checks shared by the letter, register, mediator, agency, commendation and meeting deciders.
 * Each decider turns a failed check into a refusal from its own catalogue, so codes stay per aggregate.
 */

/** The legal date (Asia/Shanghai) on which the command arrived: no act may be dated after it. */
export function legalToday(metadata: CommandMetadata): LegalDate {
  return metadata.calendar.legalDateOf(metadata.now);
}

/** The acting agency when the actor speaks for one of the three agencies, else null (an organ). */
export function actingAgencyOrNull(actor: Actor): Agency | null {
  return isAgency(actor.agency) ? actor.agency : null;
}

export function isText(value: unknown): value is string {
  return typeof value === 'string' && value.trim().length > 0;
}

export function isTextList(value: unknown, { nonEmpty }: { nonEmpty: boolean }): value is readonly string[] {
  return Array.isArray(value) && (!nonEmpty || value.length > 0) && value.every(isText);
}

export function isOneOf<T extends string>(values: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (values as readonly string[]).includes(value);
}

export { isLegalDate };

/** The latest of some legal dates (YYYY-MM-DD sorts as text). */
export function latest(dates: readonly LegalDate[]): LegalDate {
  return dates.reduce((a, b) => (b > a ? b : a));
}
