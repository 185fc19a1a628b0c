import { ACCESS_EVENT_SCHEMA_VERSIONS } from './access.events';
import { AGENCY_EVENT_SCHEMA_VERSIONS } from './agency.events';
import { CASE_EVENT_SCHEMA_VERSIONS } from './case.events';
import { COMMENDATION_EVENT_SCHEMA_VERSIONS } from './commendation.events';
import { DEADLINE_EVENT_SCHEMA_VERSIONS } from './deadline.events';
import { LETTER_EVENT_SCHEMA_VERSIONS } from './letter.events';
import { MEDIATOR_EVENT_SCHEMA_VERSIONS } from './mediator.events';
import { MEETING_EVENT_SCHEMA_VERSIONS } from './meeting.events';
import { REGISTER_EVENT_SCHEMA_VERSIONS } from './register.events';

/**
 * Every event type this build can read. Readers that must stop on a type they do not know (the
 * projector) take it from here, so a type added to a catalogue file is known once it is listed.
 * Add each new catalogue's schema-version table to this list.
 */
export const KNOWN_EVENT_TYPES: ReadonlySet<string> = new Set<string>([
  ...Object.keys(CASE_EVENT_SCHEMA_VERSIONS),
  ...Object.keys(LETTER_EVENT_SCHEMA_VERSIONS),
  ...Object.keys(REGISTER_EVENT_SCHEMA_VERSIONS),
  ...Object.keys(MEDIATOR_EVENT_SCHEMA_VERSIONS),
  ...Object.keys(AGENCY_EVENT_SCHEMA_VERSIONS),
  ...Object.keys(COMMENDATION_EVENT_SCHEMA_VERSIONS),
  ...Object.keys(MEETING_EVENT_SCHEMA_VERSIONS),
  ...Object.keys(DEADLINE_EVENT_SCHEMA_VERSIONS),
  // DataAccessed, and CaseDataAccessed as older ledgers hold it (Art 17 records are never rewritten).
  ...Object.keys(ACCESS_EVENT_SCHEMA_VERSIONS),
]);
