import type { LegalDate } from '@accord/events';
import type { CommandMetadata } from '../shared/command';
import { latest, legalToday } from '../agency/guards';
import { dateGuards } from '../shared/input-guards';
import { registerError } from './register.errors';
import { type FlagRecord, IN_FORCE, LIVE, type PartyRegisterState, type Recorded } from './register.state';

export function invalid(field: string, value: unknown): never {
  throw registerError('REGISTER_INVALID_INPUT', { field, value });
}

const dates = dateGuards(
  (details) => registerError('REGISTER_INVALID_INPUT', details),
  (details) => registerError('REGISTER_DATE_IN_FUTURE', details),
);

/** A real date that has already come: register acts are recorded once done. */
export function pastDate(field: string, value: unknown, metadata: CommandMetadata): LegalDate {
  return dates.pastDate(value, field, legalToday(metadata));
}

export function requireNotBefore(field: string, date: LegalDate, notBefore: LegalDate, step: string): void {
  if (date < notBefore) throw registerError('REGISTER_DATE_OUT_OF_ORDER', { field, date, notBefore, step });
}

export function registered(state: PartyRegisterState): Recorded {
  if (state.status === 'none') throw registerError('REGISTER_PARTY_NOT_FOUND');
  return state;
}

/** The flag named, refusing ended flags: they take nothing more. */
export function liveFlag(state: Recorded, flagId: string): FlagRecord {
  const flag = state.flags.find((f) => f.flagId === flagId);
  if (!flag) throw registerError('FLAG_NOT_FOUND', { flagId });
  if (!LIVE.includes(flag.status))
    throw registerError('FLAG_ENDED', { flagId, status: flag.status, endedOn: flag.endedOn });
  return flag;
}

export function requireInForce(
  flag: FlagRecord,
): asserts flag is FlagRecord & { confirmedOn: LegalDate; reviewOn: LegalDate } {
  if (!IN_FORCE.includes(flag.status) || flag.confirmedOn === null || flag.reviewOn === null)
    throw registerError('FLAG_NOT_CONFIRMED', { flagId: flag.flagId, status: flag.status });
}

export function lastStepOf(flag: FlagRecord): LegalDate {
  return latest([
    flag.proposedOn,
    ...(flag.confirmedOn ? [flag.confirmedOn] : []),
    ...(flag.notification ? [flag.notification.notifiedOn] : []),
    ...flag.contests.flatMap((c) => [c.contestedOn, ...(c.decision ? [c.decision.decidedOn] : [])]),
  ]);
}
