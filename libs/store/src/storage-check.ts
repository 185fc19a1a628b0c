import { ENVELOPE_FIELDS } from '@accord/events';
import { isCanonicalText } from '@accord/events/integrity';
import type { StorageFault, StoredRow } from './event-store';

const HASHED_FIELDS = ENVELOPE_FIELDS.filter((field) => field !== 'hash' && field !== 'position');

/**
 * What the hash chain cannot see in a row: index columns edited apart from the envelope, a
 * non-canonical rewrite that parses to the same JSON, a field added beside the hashed ones.
 * Shared by every adapter that stores envelope text beside index columns.
 */
export function checkStoredRow(row: Omit<StoredRow, 'hash'>): StorageFault | null {
  const fault = (reason: string): StorageFault => ({
    streamId: row.streamId,
    revision: row.revision,
    position: row.position,
    reason,
  });
  let envelope: Record<string, unknown>;
  try {
    envelope = JSON.parse(row.envelope) as Record<string, unknown>;
  } catch {
    return fault('envelope is not valid JSON');
  }
  if (envelope === null || typeof envelope !== 'object' || Array.isArray(envelope))
    return fault('envelope is not a JSON object');
  const columns: [string, unknown, unknown][] = [
    ['stream_id', row.streamId, envelope.streamId],
    ['revision', row.revision, envelope.revision],
    ['event_id', row.eventId, envelope.eventId],
    ['type', row.type, envelope.type],
    ['recorded_at', row.recordedAt, envelope.recordedAt],
  ];
  for (const [column, stored, enveloped] of columns)
    if (stored !== enveloped) return fault(`column ${column} disagrees with the envelope`);
  if (!isCanonicalText(row.envelope, envelope)) return fault('envelope is not in canonical form');
  // hashEnvelope reads only the hashed fields, so an added field would pass the chain unseen.
  const keys = Object.keys(envelope);
  if (keys.length !== HASHED_FIELDS.length || !HASHED_FIELDS.every((field) => field in envelope))
    return fault('envelope fields differ from the hashed envelope');
  return null;
}

/** The first row in `rows` that fails checkStoredRow. */
export async function firstStorageFault(
  rows: AsyncIterable<readonly StoredRow[]>,
): Promise<StorageFault | null> {
  for await (const batch of rows)
    for (const row of batch) {
      const fault = checkStoredRow(row);
      if (fault !== null) return fault;
    }
  return null;
}
