import { ENVELOPE_FIELDS } from '@accord/events';
import { canonicalJson } from '@accord/events/integrity';
import type { StorageFault } from '../event-store';

const HASHED_FIELDS = ENVELOPE_FIELDS.filter((field) => field !== 'hash' && field !== 'position');

export interface ScanRow {
  readonly position: number;
  readonly stream_id: string;
  readonly revision: number;
  readonly event_id: string;
  readonly type: string;
  readonly recorded_at: string;
  readonly envelope: string;
}

/**
 * What the hash chain cannot see in one stored row: index columns that disagree with the hashed
 * envelope, an envelope that is not the canonical text that was hashed, or fields added beside it.
 */
export function rowFault(row: ScanRow): StorageFault | null {
  const fault = (reason: string): StorageFault => {
    return { streamId: row.stream_id, revision: row.revision, position: row.position, reason };
  };
  let envelope: Record<string, unknown>;
  try {
    envelope = JSON.parse(row.envelope) as Record<string, unknown>;
  } catch {
    return fault('envelope is not valid JSON');
  }
  if (envelope === null || typeof envelope !== 'object' || Array.isArray(envelope))
    return fault('envelope is not a JSON object');
  const columns: [string, unknown, unknown][] = [
    ['stream_id', row.stream_id, envelope.streamId],
    ['revision', row.revision, envelope.revision],
    ['event_id', row.event_id, envelope.eventId],
    ['type', row.type, envelope.type],
    ['recorded_at', row.recorded_at, envelope.recordedAt],
  ];
  for (const [column, stored, enveloped] of columns)
    if (stored !== enveloped) return fault(`column ${column} disagrees with the envelope`);
  if (canonicalJson(envelope) !== row.envelope) return fault('envelope is not in canonical form');
  // hashEnvelope reads only the hashed fields, so an added field would pass the chain unseen.
  const keys = Object.keys(envelope);
  if (keys.length !== HASHED_FIELDS.length || !HASHED_FIELDS.every((field) => field in envelope))
    return fault('envelope fields differ from the hashed envelope');
  return null;
}
