import type { Agency, Event, LegalDate } from '../event';

/** Art 16: the county Coordination Office (行政争议协调化解办公室) sits in the court. */
export const COORDINATION_OFFICE_HOST: Agency = 'COURT';

/** 联络人: the staff member an agency names for liaison work. */
export interface Liaison {
  readonly staffId: string;
  readonly name: string;
  /** Work telephone or other contact, as the agency publishes it. */
  readonly contact: string;
}

export type LiaisonDesignated = Event<
  'LiaisonDesignated',
  {
    agency: Agency;
    liaison: Liaison;
    from: LegalDate;
    /** The liaison replaced, whose term ends on `from`; null for an agency's first. */
    replaced: Liaison | null;
  }
>;

export type AgencyEvent = LiaisonDesignated;

export const AGENCY_EVENT_SCHEMA_VERSIONS: Readonly<Record<AgencyEvent['type'], number>> = {
  LiaisonDesignated: 1,
};
