import { isAgency, isOrgan, type Agency, type CaseDeadline, type LegalDate } from '@accord/events';
import type { Deadline } from '../calendar/legal-calendar';
import type { CommandMetadata } from '../shared/command';
import { dateGuards } from '../shared/input-guards';
import { caseError } from './case.errors';
import { caseAccess, type CaseState, type RegisteredCase } from './case.state';

/** Today in Asia/Shanghai, from the command's clock reading (the one definition, shared). */
export { legalToday as today } from '../agency/guards';

/** Organs and auditors act on no case, whatever its state; checked first so the answer reveals nothing. */
export function requireActingAgency(metadata: CommandMetadata): Agency {
  const { agency, role } = metadata.actor;
  if (isOrgan(agency) || role === 'auditor' || !isAgency(agency)) {
    throw caseError('CASE_ACTOR_NOT_ALLOWED', { agency, role });
  }
  return agency;
}

/** The case, if it exists and this agency may see it (Art 17: an invisible case looks unknown). */
export function visibleCase(state: CaseState, caseId: string, agency: Agency): RegisteredCase {
  if (state.status === 'none' || state.caseId !== caseId) throw caseError('CASE_NOT_FOUND', { caseId });
  if (caseAccess(state, agency) === 'none') throw caseError('CASE_NOT_FOUND', { caseId });
  return state;
}

/**
 * The common gate of every act but registration and an invitee's reply: a participating agency
 * (Art 17) acting on a case that is still open.
 */
export function participantCase(
  state: CaseState,
  caseId: string,
  metadata: CommandMetadata,
): { readonly s: RegisteredCase; readonly agency: Agency } {
  const agency = requireActingAgency(metadata);
  const s = visibleCase(state, caseId, agency);
  if (caseAccess(s, agency) === 'invitee') throw caseError('CASE_INVITEE_MAY_ONLY_REPLY', { agency });
  if (s.status === 'closed') throw caseError('CASE_CLOSED', { caseId, closedOn: s.closedOn });
  return { s, agency };
}

/** A party of the case (Art 2), by id. */
export function partyOf(s: RegisteredCase, partyId: unknown): RegisteredCase['parties'][number] {
  const party = s.parties.find((p) => p.partyId === partyId);
  if (!party) throw caseError('CASE_UNKNOWN_PARTY', { partyId });
  return party;
}

export function requireLeadAgency(s: RegisteredCase, agency: Agency, act: string): void {
  if (agency !== s.leadAgency)
    throw caseError('CASE_LEAD_AGENCY_ONLY', { act, leadAgency: s.leadAgency, agency });
}

export function requireLeadRole(metadata: CommandMetadata, act: string): void {
  if (metadata.actor.role !== 'lead') {
    throw caseError('CASE_LEAD_ROLE_REQUIRED', { act, role: metadata.actor.role });
  }
}

export function requireText(value: unknown, field: string): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw caseError('CASE_INVALID_INPUT', { field, problem: 'must be a non-empty text' });
  }
  return value;
}

/** An optional text: null when absent or blank, so that events never carry empty strings for "none". */
export function optionalText(value: unknown, field: string): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'string')
    throw caseError('CASE_INVALID_INPUT', { field, problem: 'must be a text or null' });
  return value.trim() === '' ? null : value;
}

export function requireTextList(value: unknown, field: string): readonly string[] {
  if (!Array.isArray(value)) throw caseError('CASE_INVALID_INPUT', { field, problem: 'must be a list' });
  value.forEach((item, index) => requireText(item, `${field}[${index}]`));
  return value as readonly string[];
}

export function requireOneOf<T extends string | number>(
  value: unknown,
  allowed: readonly T[],
  field: string,
): T {
  if (!(allowed as readonly unknown[]).includes(value)) {
    throw caseError('CASE_INVALID_INPUT', { field, problem: `must be one of ${allowed.join(', ')}`, value });
  }
  return value as T;
}

export function requireCount(value: unknown, field: string, min: number): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min) {
    throw caseError('CASE_INVALID_INPUT', {
      field,
      problem: `must be a whole number of at least ${min}`,
      value,
    });
  }
  return value;
}

export function requireBoolean(value: unknown, field: string): boolean {
  if (typeof value !== 'boolean')
    throw caseError('CASE_INVALID_INPUT', { field, problem: 'must be true or false' });
  return value;
}

const dates = dateGuards(
  (details) => caseError('CASE_INVALID_INPUT', details),
  (details) => caseError('CASE_DATE_IN_FUTURE', details),
);
export const { requireDate, pastDate } = dates;

/** `YYYY-MM-DD` strings order as the dates they name. */
export function notBefore(date: LegalDate, field: string, earliest: LegalDate, reference: string): void {
  if (date < earliest)
    throw caseError('CASE_DATE_TOO_EARLY', { field, date, notBefore: earliest, reference });
}

/**
 * `id`, unless one of `items` already has it. Scans the items in place rather than a list of their
 * ids: a case's activities grow with every act, and the list was built anew for each command.
 */
export function requireNewId<T>(
  items: readonly T[],
  idOf: (item: T) => string,
  id: unknown,
  kind: string,
): string {
  const value = requireText(id, `${kind}Id`);
  for (const item of items)
    if (idOf(item) === value) throw caseError('CASE_DUPLICATE_ID', { kind, id: value });
  return value;
}

/** The calendar's deadline as a plain JSON fact for an event (no undefined fields, no shared arrays). */
export function storedDeadline(deadline: Deadline): CaseDeadline {
  const e = deadline.explanation;
  return {
    dueBy: deadline.dueBy,
    provisional: deadline.provisional,
    explanation: {
      rule: e.rule,
      article: e.article,
      counting: e.counting,
      days: e.days,
      start: e.start,
      dueBy: e.dueBy,
      daysCounted: e.daysCounted,
      skipped: e.skipped.map((d) =>
        d.name === undefined
          ? { date: d.date, reason: d.reason }
          : { date: d.date, reason: d.reason, name: d.name },
      ),
      sources: [...e.sources],
      ...(e.provisionalYears?.length ? { provisionalYears: [...e.provisionalYears] } : {}),
      ...(e.unscheduledYears?.length ? { unscheduledYears: [...e.unscheduledYears] } : {}),
      text: e.text,
    },
  };
}
