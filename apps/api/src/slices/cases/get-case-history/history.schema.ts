import { AGENCIES, ROLES } from '@accord/events';
import { int, obj, oneOf, str } from '../../../http/schema';

/** One stored event as the ledger holds it (not upcast, so its hash verifies). */
export const RECORDED_EVENT = obj({
  eventId: str(),
  streamId: str(),
  revision: int(),
  position: int(),
  type: str(),
  schemaVersion: int(),
  data: { type: 'object', additionalProperties: true, description: "The event's data, as its type defines." },
  occurredAt: str('When the act happened, as stated (ISO 8601 with offset).'),
  recordedAt: str('When the ledger stored it.'),
  actor: obj({ agency: str(`${AGENCIES.join(', ')} or ORGAN:<code>`), staffId: str(), role: oneOf(ROLES) }),
  commandId: str(),
  correlationId: str(),
  causationId: str(),
  ruleSet: str(),
  prevHash: str(),
  hash: str(),
});

export const HISTORY_SCHEMAS = { RecordedEvent: RECORDED_EVENT };
