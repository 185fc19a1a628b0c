import { type Actor, isAccessEvent, readAccessEvent, type RecordedEvent } from '@accord/events';
import type { Projection, ProjectionTx } from '../projection';
import { streamKind } from './events';

export const AUDIT_PROJECTION = 'audit';
export const AUDIT_TRAIL = 'audit_trail';
/** Which cases each access event disclosed beyond its own `caseId`: a list page, a read-model answer. */
export const AUDIT_DISCLOSURES = 'audit_disclosures';
export const ACCESS_LOG_STREAM = 'access-log';

/** One line of the official audit trail: who did (or saw) what, when, and the event's hash. */
export interface AuditRow {
  readonly position: number;
  readonly eventId: string;
  readonly streamId: string;
  readonly revision: number;
  readonly type: string;
  readonly occurredAt: string;
  readonly recordedAt: string;
  readonly actor: Actor;
  readonly staffId: string;
  readonly agency: string;
  readonly caseId: string | null;
  readonly correlationId: string;
  readonly ruleSet: string;
  readonly hash: string;
  readonly prevHash: string;
  /** Access events only: what was read (ids and filters, never case content). */
  readonly access: unknown;
}

/** One case an access event showed, keyed `<position>:<caseId>`; the trail's filters apply to it too. */
export interface AuditDisclosureRow {
  readonly position: number;
  readonly caseId: string;
  readonly staffId: string;
  readonly agency: string;
  readonly recordedAt: string;
}

/**
 * Audit trail: every event of the log, in order, with its actor and hash. Access events are kept
 * whatever their type (older and newer access events alike), with what they say was read; other
 * events are kept without their data, which stays in the ledger under the case's own confidentiality.
 */
export const auditProjection: Projection & { acceptsUnknown(event: RecordedEvent): boolean } = {
  name: AUDIT_PROJECTION,
  // 2: a DataAccessed read of one case is filed under that case.
  // 3: a list or read-model answer is filed under every case it showed (`audit_disclosures`).
  version: 3,
  collections: [
    {
      name: AUDIT_TRAIL,
      keyType: 'integer',
      fields: [
        { name: 'caseId', type: 'text', indexed: true },
        { name: 'staffId', type: 'text', indexed: true },
        { name: 'agency', type: 'text', indexed: true },
        { name: 'recordedAt', type: 'text', indexed: true },
      ],
    },
    {
      name: AUDIT_DISCLOSURES,
      keyType: 'text',
      fields: [
        { name: 'caseId', type: 'text' },
        { name: 'position', type: 'integer' },
        { name: 'staffId', type: 'text' },
        { name: 'agency', type: 'text' },
        { name: 'recordedAt', type: 'text' },
      ],
      indexes: [['caseId', 'position']],
    },
  ],
  acceptsUnknown(event: RecordedEvent): boolean {
    return event.streamId === ACCESS_LOG_STREAM;
  },
  apply(event: RecordedEvent, tx: ProjectionTx): void {
    const access = event.streamId === ACCESS_LOG_STREAM;
    tx.put(AUDIT_TRAIL, event.position, {
      position: event.position,
      eventId: event.eventId,
      streamId: event.streamId,
      revision: event.revision,
      type: event.type,
      occurredAt: event.occurredAt,
      recordedAt: event.recordedAt,
      actor: event.actor,
      staffId: event.actor.staffId,
      agency: event.actor.agency,
      caseId: caseIdOf(event),
      correlationId: event.correlationId,
      ruleSet: event.ruleSet,
      hash: event.hash,
      prevHash: event.prevHash,
      access: access ? event.data : null,
    } satisfies AuditRow);
    if (access && isAccessEvent(event)) {
      for (const caseId of disclosedCases(event)) {
        tx.put(AUDIT_DISCLOSURES, `${event.position}:${caseId}`, {
          position: event.position,
          caseId,
          staffId: event.actor.staffId,
          agency: event.actor.agency,
          recordedAt: event.recordedAt,
        } satisfies AuditDisclosureRow);
      }
    }
  },
};

/** Access events whose `shownIds` name cases (a read-model answer's parties are `party:<key>`). */
const DISCLOSING: ReadonlySet<string> = new Set(['case-list', 'read-model', 'register']);

/** The cases a list page, read-model answer or party's register showed; a one-case read has `caseId`. */
function disclosedCases(event: RecordedEvent): string[] {
  const read = readAccessEvent(event);
  if (!DISCLOSING.has(read.resource)) return [];
  return [...new Set(read.shownIds.filter((id) => !id.startsWith('party:')))];
}

function caseIdOf(event: RecordedEvent): string | null {
  const { kind, id } = streamKind(event.streamId);
  if (kind === 'case') return id;
  if (isAccessEvent(event)) {
    const read = readAccessEvent(event);
    return read.resource === 'case' ? read.resourceId : null;
  }
  const data = event.data as { caseId?: unknown } | null;
  return data !== null && typeof data === 'object' && typeof data.caseId === 'string' ? data.caseId : null;
}
