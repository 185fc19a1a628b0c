import { type Actor, isAccessEvent, readAccessEvent, type RecordedEvent } from '@accord/events';
import type { Projection, ProjectionTx } from '../projection';
import { streamKind } from './events';

export const AUDIT_PROJECTION = 'audit';
export const AUDIT_TRAIL = 'audit_trail';
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

/**
 * Audit trail: every event of the log, in order, with its actor and hash. Access events are kept
 * whatever their type (older and newer access events alike), with what they say was read; other
 * events are kept without their data, which stays in the ledger under the case's own confidentiality.
 */
export const auditProjection: Projection & { acceptsUnknown(event: RecordedEvent): boolean } = {
  name: AUDIT_PROJECTION,
  // 2: a DataAccessed read of one case is filed under that case.
  version: 2,
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
  },
};

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
