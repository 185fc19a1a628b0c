import type { Agency, Event, LegalDate } from '../event';
import type { OrganRef } from './letter.events';

/** Art 12: 通报表扬 of an organ whose head took part with outstanding results. */
export type OrganCommended = Event<
  'OrganCommended',
  {
    commendationId: string;
    organ: OrganRef;
    reason: string;
    caseRefs: readonly string[];
    commendedOn: LegalDate;
    commendedBy: Agency;
  }
>;

export type CommendationEvent = OrganCommended;

export const COMMENDATION_EVENT_SCHEMA_VERSIONS: Readonly<Record<CommendationEvent['type'], number>> = {
  OrganCommended: 1,
};
