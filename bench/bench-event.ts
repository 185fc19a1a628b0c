import { v4 as uuidv4 } from 'uuid';
import type { ProposedEvent } from '@accord/events';

/** About 400 bytes of JSON, like a typical case event: what both store benches append. */
export function benchEvent(i: number): ProposedEvent {
  const commandId = uuidv4();
  return {
    eventId: uuidv4(),
    type: 'InvitationIssued',
    schemaVersion: 1,
    data: { invitationId: `inv-${i}`, to: 'GOV_OFFICE', noticeServedOn: '2021-03-01' },
    occurredAt: '2021-03-01T09:30:00.000+08:00',
    actor: { agency: 'COURT', staffId: 'clerk-17', role: 'clerk' },
    commandId,
    correlationId: commandId,
    causationId: commandId,
    ruleSet: '2021-v1',
  };
}
