import type { Event } from '../event';
import type { RecordedEvent } from '../envelope';

/**
 * Art 17: the general access event. Every read of case, party or other personal data — a case, its
 * history or the case list, a party's register, a letter, a meeting record, a mediator, an agency's
 * liaisons — granted or refused, appends one `DataAccessed` to the `access-log` stream before the
 * answer leaves. The actor, time and correlation id are in the envelope.
 */
export const ACCESS_LOG_STREAM = 'access-log';

/** What was read. */
export const ACCESSED_RESOURCES = [
  'case',
  'case-list',
  'register',
  'letter',
  'meeting',
  'mediator',
  'agency',
  'read-model',
] as const;
export type AccessedResource = (typeof ACCESSED_RESOURCES)[number];

/**
 * `reduced` is what an invited agency sees to reply (Art 4/7); `absence` the facts of an Art 12
 * absence the government office reports; `list` a page of the case list; `query` an answer from a
 * read model (deadlines, alerts, the audit trail, reports, stuck cases).
 */
export type AccessView = 'full' | 'reduced' | 'history' | 'absence' | 'list' | 'query';
export type AccessOutcome = 'granted' | 'refused' | 'not_found';

export interface DataAccessedData {
  resource: AccessedResource;
  /** The id asked for (case id, party id, letter id …); for a list page, null. */
  resourceId: string | null;
  /** The stream read; for a list page, null. */
  streamId: string | null;
  view: AccessView;
  outcome: AccessOutcome;
  /** The `asOf` instant of a historical read, else null. */
  asOf: string | null;
  /** Revision the reader saw; -1 when nothing was shown (and for a list page). */
  revision: number;
  /** For a list page: every id it showed, in order. Else empty. */
  shownIds: string[];
  /** For a list page: the query as asked, so the trail can replay what was on screen. Else null. */
  filter: Record<string, string | number | boolean | null> | null;
  /** For a list page: the global position it reflected. Else null. */
  position: number | null;
}

export type DataAccessed = Event<'DataAccessed', DataAccessedData>;

/**
 * The case-only access event written before `DataAccessed` existed. Stored events are never
 * rewritten (the hash covers their bytes), so old ledgers keep it; `readAccessEvent` reads it as a
 * `DataAccessed`. Nothing writes it any more.
 */
export type CaseDataAccessed = Event<
  'CaseDataAccessed',
  | {
      caseId: string;
      streamId: string;
      view: 'full' | 'reduced' | 'history';
      outcome: AccessOutcome;
      asOf: string | null;
      revision: number;
    }
  | {
      view: 'list';
      caseIds: string[];
      outcome: 'granted';
      filter: { channel: string | null; stage: string | null; limit: number; after: string | null };
      position: number;
    }
>;

export type AccessEvent = DataAccessed | CaseDataAccessed;

/** Every access event type a ledger may hold, newest first. */
export const ACCESS_EVENT_TYPES = ['DataAccessed', 'CaseDataAccessed'] as const;

export const ACCESS_EVENT_SCHEMA_VERSIONS: Readonly<Record<AccessEvent['type'], number>> = {
  DataAccessed: 1,
  CaseDataAccessed: 1,
};

export function isAccessEvent(event: { type: string }): boolean {
  return (ACCESS_EVENT_TYPES as readonly string[]).includes(event.type);
}

/**
 * An access event of either type, read as `DataAccessed` data. An upcaster cannot do this (the
 * registry upcasts versions of one type, and a type is part of the hashed bytes), so readers of the
 * trail call this instead; the stored event is untouched.
 */
export function readAccessEvent(event: Pick<RecordedEvent, 'type' | 'data'>): DataAccessedData {
  if (event.type === 'DataAccessed') return event.data as DataAccessedData;
  if (event.type !== 'CaseDataAccessed') throw new TypeError(`not an access event: ${event.type}`);
  const old = event.data as CaseDataAccessed['data'];
  if (old.view === 'list') {
    return {
      resource: 'case-list',
      resourceId: null,
      streamId: null,
      view: 'list',
      outcome: old.outcome,
      asOf: null,
      revision: -1,
      shownIds: [...old.caseIds],
      filter: { ...old.filter },
      position: old.position,
    };
  }
  return {
    resource: 'case',
    resourceId: old.caseId,
    streamId: old.streamId,
    view: old.view,
    outcome: old.outcome,
    asOf: old.asOf,
    revision: old.revision,
    shownIds: [],
    filter: null,
    position: null,
  };
}
