import type { Actor, ActorAgency, Instant, Role } from '@accord/events';
import fc from 'fast-check';
import { RULES_2021_V1, type RuleSet } from '../rules/rule-set';
import type { CommandMetadata } from '../shared/command';
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

export const LIAISON_A = { staffId: 'court-0012', name: '王某 Wang', contact: '0375-5051234' } as const;
export const LIAISON_B = { staffId: 'court-0045', name: '赵某 Zhao', contact: '0375-5055678' } as const;

/** `null` four times in five, else a value: "mostly the expected actor, sometimes a wrong one". */
export function sometimes<T>(values: fc.Arbitrary<T>): fc.Arbitrary<T | null> {
  return fc.oneof({ arbitrary: fc.constant(null), weight: 4 }, { arbitrary: values, weight: 1 });
}
