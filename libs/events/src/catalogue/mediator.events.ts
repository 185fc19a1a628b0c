import type { Event, LegalDate } from '../event';

/** Art 13: the five sources of the talent pool. */
export const MEDIATOR_SOURCES = [
  'JUDICIAL_ORGAN',
  'ADMINISTRATIVE_ORGAN',
  'PEOPLES_CONGRESS_DEPUTY',
  'CPPCC_MEMBER',
  'LEGAL_WORKER',
] as const;
export type MediatorSource = (typeof MEDIATOR_SOURCES)[number];

/** Sources whose members belong to an organ, which must be named (conflict-of-interest checks). */
export const ORGAN_MEDIATOR_SOURCES: readonly MediatorSource[] = ['JUDICIAL_ORGAN', 'ADMINISTRATIVE_ORGAN'];

export type MediatorAdmitted = Event<
  'MediatorAdmitted',
  {
    mediatorId: string;
    name: string;
    source: MediatorSource;
    /** The organ the member works for; required for organ sources, optional otherwise. */
    organisationCode: string | null;
    expertise: readonly string[];
    admittedOn: LegalDate;
  }
>;

export type MediatorSuspended = Event<
  'MediatorSuspended',
  { mediatorId: string; suspendedOn: LegalDate; reason: string }
>;

export type MediatorReinstated = Event<
  'MediatorReinstated',
  { mediatorId: string; reinstatedOn: LegalDate; reason: string }
>;

export type MediatorRemoved = Event<
  'MediatorRemoved',
  { mediatorId: string; removedOn: LegalDate; reason: string }
>;

export type MediatorEvent = MediatorAdmitted | MediatorSuspended | MediatorReinstated | MediatorRemoved;

export const MEDIATOR_EVENT_SCHEMA_VERSIONS: Readonly<Record<MediatorEvent['type'], number>> = {
  MediatorAdmitted: 1,
  MediatorSuspended: 1,
  MediatorReinstated: 1,
  MediatorRemoved: 1,
};
