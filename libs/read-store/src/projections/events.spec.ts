import type { RecordedEvent } from '@accord/events';
import { domainEvent } from './events';

const stored = (): RecordedEvent =>
  ({
    eventId: 'e-1',
    streamId: 'case-c-1',
    revision: 0,
    position: 1,
    type: 'ActivityRecorded',
    schemaVersion: 1,
    data: { caseId: 'c-1', activityId: 'a-1' },
  }) as unknown as RecordedEvent;

describe('domainEvent: the upcast each projection folds', () => {
  it('is computed once per event and leaves the event as it was (keys, JSON, equality with a copy)', () => {
    const event = stored();
    const first = domainEvent(event);
    expect(domainEvent(event)).toBe(first);
    expect(first).toEqual({ type: 'ActivityRecorded', data: event.data });
    expect(Object.keys(event)).toEqual(Object.keys(stored()));
    expect(JSON.stringify(event)).toBe(JSON.stringify(stored()));
    expect(event).toEqual(stored());
  });

  it('works on a frozen event (the in-memory store hands them out frozen)', () => {
    const event = Object.freeze(stored());
    const first = domainEvent(event);
    expect(first).toEqual({ type: 'ActivityRecorded', data: event.data });
    expect(domainEvent(event)).toBe(first);
  });
});
