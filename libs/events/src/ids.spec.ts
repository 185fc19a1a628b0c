import { v5 as uuidv5, validate, version } from 'uuid';
import { ACCORD_EVENT_ID_NAMESPACE, deterministicEventId, deterministicEventIds } from './ids';

describe('deterministicEventId', () => {
  it('derives the Accord namespace from its documented name', () => {
    expect(uuidv5('urn:accord:event-id', uuidv5.URL)).toBe(ACCORD_EVENT_ID_NAMESPACE);
  });

  it('is a valid UUID v5', () => {
    const id = deterministicEventId('cmd-1', 0);
    expect(validate(id)).toBe(true);
    expect(version(id)).toBe(5);
  });

  it('gives a retried command the same id (pinned, so a library change cannot shift it)', () => {
    expect(deterministicEventId('cmd-1', 0)).toBe(deterministicEventId('cmd-1', 0));
    expect(deterministicEventId('cmd-1', 0)).toBe(uuidv5('cmd-1/0', ACCORD_EVENT_ID_NAMESPACE));
  });

  it('differs by command and by index', () => {
    const ids = new Set([
      deterministicEventId('cmd-1', 0),
      deterministicEventId('cmd-1', 1),
      deterministicEventId('cmd-2', 0),
      deterministicEventId('cmd-2', 1),
    ]);
    expect(ids.size).toBe(4);
  });

  it('does not confuse a commandId containing "/" with another (commandId, index) pair', () => {
    // "a/1" + 0 names "a/1/0"; no pair with commandId "a" can reach that name, since the index is one integer.
    expect(deterministicEventId('a/1', 0)).not.toBe(deterministicEventId('a', 10));
    expect(deterministicEventId('a/1', 0)).not.toBe(deterministicEventId('a', 1));
  });

  it('refuses an empty command id and a bad index', () => {
    expect(() => deterministicEventId('', 0)).toThrow(TypeError);
    expect(() => deterministicEventId('cmd', -1)).toThrow(RangeError);
    expect(() => deterministicEventId('cmd', 1.5)).toThrow(RangeError);
    expect(() => deterministicEventId('cmd', Number.NaN)).toThrow(RangeError);
  });

  it('stamps a batch in order', () => {
    expect(deterministicEventIds('cmd-9', 3)).toEqual([
      deterministicEventId('cmd-9', 0),
      deterministicEventId('cmd-9', 1),
      deterministicEventId('cmd-9', 2),
    ]);
    expect(deterministicEventIds('cmd-9', 0)).toEqual([]);
  });
});
