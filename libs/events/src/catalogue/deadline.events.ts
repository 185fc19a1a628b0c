import type { Agency, Event, LegalDate } from '../event';
import type { StoredDeadline } from './letter.events';

/**
 * The periods the overdue watcher follows: an invitee's written reply (Art 4/7), the report of a
 * major risk to county leadership (Art 10), an organ's response to a suggestion letter (Art 8), the
 * written notice inviting another agency (Art 4/7, 30 days from the fact inviting runs from) and the
 * prevention and handling plan a major risk owes (Art 10, rule set v2).
 */
export const WATCHED_DEADLINE_KINDS = [
  'INVITATION_REPLY',
  'RISK_ESCALATION',
  'LETTER_RESPONSE',
  'INVITATION_NOTICE',
  'PREVENTION_PLAN',
] as const;
export type WatchedDeadlineKind = (typeof WATCHED_DEADLINE_KINDS)[number];

/** Stream naming: one stream per watched period, so "at most once" is an expected revision of `no_stream`. */
export const overdueStreamId = (deadlineId: string): string => `overdue-${deadlineId}`;

/**
 * A watched period passed with nothing recorded. Appended by the projector's watcher, never by a
 * person; an alarm for humans, it changes no rule (a reply after it is still accepted, as late).
 */
export type DeadlineOverdue = Event<
  'DeadlineOverdue',
  {
    /** `<kind>:<stream>:<ref>`, stable across restarts and watchers. */
    deadlineId: string;
    kind: WatchedDeadlineKind;
    /** The case the period belongs to; a letter issued outside a case has none. */
    caseId: string | null;
    letterId: string | null;
    /** The invitation, risk assessment or letter whose period it is; for a notice, the fact it runs from. */
    refId: string;
    /** Who had to act: the invitee, the lead agency, or the organ (`ORGAN:<code>`). */
    owner: Agency | `ORGAN:${string}`;
    /** The due date by the calendar in force when the watcher looked. */
    dueBy: LegalDate;
    /** The due date recorded when the period began (differs when a year's schedule was corrected since). */
    recordedDueBy: LegalDate;
    explanation: StoredDeadline;
    /** The legal date on which the watcher found the period passed. */
    detectedOn: LegalDate;
    /** The subject stream's revision the watcher saw still open. */
    subjectStreamId: string;
    subjectRevision: number;
  }
>;

export type DeadlineEvent = DeadlineOverdue;

export const DEADLINE_EVENT_SCHEMA_VERSIONS: Readonly<Record<DeadlineEvent['type'], number>> = {
  DeadlineOverdue: 1,
};
