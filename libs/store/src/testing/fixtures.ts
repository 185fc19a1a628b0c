import type { ProposedEvent } from '@accord/events';
import { v4 as uuidv4 } from 'uuid';

/** A plausible proposed event; override what a test cares about. */
export function proposedEvent(overrides: Partial<ProposedEvent> = {}): ProposedEvent {
  const commandId = uuidv4();
  return {
    eventId: uuidv4(),
    type: 'TestEventHappened',
    schemaVersion: 1,
    data: { note: 'something happened', count: 1 },
    occurredAt: '2021-03-01T09:30:00.000+08:00',
    actor: { agency: 'COURT', staffId: 'clerk-1', role: 'clerk' },
    commandId,
    correlationId: commandId,
    causationId: commandId,
    ruleSet: '2021-v1',
    ...overrides,
  };
}

export function proposedEvents(count: number, overrides: Partial<ProposedEvent> = {}): ProposedEvent[] {
  return Array.from({ length: count }, () => proposedEvent(overrides));
}

/** A clock a test moves by hand, for as-of reads. */
export class ManualClock {
  constructor(private current: Date = new Date('2021-03-01T00:00:00.000Z')) {}

  readonly now = (): Date => new Date(this.current.getTime());

  set(instant: string | Date): void {
    this.current = new Date(instant);
  }

  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}
