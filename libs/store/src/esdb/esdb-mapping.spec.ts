import {
  AccessDeniedError,
  ANY,
  CancelledError,
  DeadlineExceededError,
  MaxAppendSizeExceededError,
  NO_STREAM,
  NotLeaderError,
  START,
  STREAM_EXISTS,
  StreamDeletedError,
  TimeoutError,
  UnavailableError,
  UnknownError,
  WrongExpectedVersionError,
} from '@eventstore/db-client';
import { sealEvent } from '../append-rules';
import { WrongExpectedRevisionError } from '../event-store';
import { StoreRefusedError, StoreUnavailableError } from '../store-errors';
import { proposedEvent } from '../testing/fixtures';
import {
  fromServerEvent,
  isSystemEvent,
  numberToReadPosition,
  positionToNumber,
  serverExpectation,
  toEventData,
  toServerExpectedRevision,
  translateError,
} from './esdb-mapping';

describe('EventStoreDB mappings', () => {
  it.each([
    ['any', ANY],
    ['no_stream', NO_STREAM],
    ['exists', STREAM_EXISTS],
    [0, 0n],
    [41, 41n],
  ] as const)('expected revision %p is %p on the server', (port, server) => {
    expect(toServerExpectedRevision(port)).toBe(server);
  });

  it('appends under the exact head it sealed on: NO_STREAM, or the head revision as a bigint', () => {
    expect(serverExpectation(undefined)).toBe(NO_STREAM);
    expect(serverExpectation({ revision: 7, hash: 'h' })).toBe(7n);
  });

  it('positions: the prepare position as a number; resuming from n is {commit: n, prepare: n}; 0 is the start', () => {
    expect(positionToNumber({ commit: 1234n, prepare: 1234n })).toBe(1234);
    expect(numberToReadPosition(0)).toBe(START);
    expect(numberToReadPosition(1234)).toEqual({ commit: 1234n, prepare: 1234n });
    expect(() => positionToNumber({ commit: 2n ** 53n + 1n, prepare: 2n ** 53n + 1n })).toThrow(RangeError);
    // Servers before 22.6 leave stream reads without an $all position (or 2^64 - 1).
    expect(() => positionToNumber(undefined)).toThrow(StoreUnavailableError);
    expect(() => positionToNumber({ commit: 2n ** 64n - 1n, prepare: 2n ** 64n - 1n })).toThrow(/22\.6/);
  });

  it('system streams and events are not the ledger’s', () => {
    expect(isSystemEvent({ streamId: '$stats-1', type: 'x' })).toBe(true);
    expect(isSystemEvent({ streamId: 'case-1', type: '$>' })).toBe(true);
    expect(isSystemEvent({ streamId: 'case-1', type: 'CaseRegistered' })).toBe(false);
  });

  it('writes the canonical envelope bytes under the envelope event id, and reads them back hashed', () => {
    const sealed = sealEvent(proposedEvent(), 'case-1', 0, '2026-11-02T00:00:00.000Z', '0'.repeat(64));
    const data = toEventData(sealed);
    expect(data).toMatchObject({ id: sealed.envelope.eventId, type: sealed.envelope.type });
    expect(Buffer.from(data.data as Uint8Array).toString('utf8')).toBe(sealed.text);
    const read = fromServerEvent({ data: data.data, position: { commit: 99n, prepare: 99n } });
    expect(read).toMatchObject({ ...sealed.envelope, hash: sealed.hash, position: 99 });
  });

  describe('server errors in the port’s terms', () => {
    it('wrong expected version → WrongExpectedRevisionError with the actual revision', () => {
      const stale = new WrongExpectedVersionError(undefined, { streamName: 's', expected: 1n, current: 4n });
      const translated = translateError(stale, 's', 1) as WrongExpectedRevisionError;
      expect(translated).toBeInstanceOf(WrongExpectedRevisionError);
      expect(translated).toMatchObject({ streamId: 's', expected: 1, actual: 4 });
      const none = new WrongExpectedVersionError(undefined, {
        streamName: 's',
        expected: STREAM_EXISTS,
        current: NO_STREAM,
      });
      expect(translateError(none, 's', 'exists')).toMatchObject({ actual: 'no_stream' });
    });

    it.each([
      ['unavailable', () => new UnavailableError()],
      ['deadline exceeded', () => new DeadlineExceededError()],
      ['timeout', () => new TimeoutError()],
      ['cancelled', () => new CancelledError()],
      [
        'not leader',
        () => Object.assign(Object.create(NotLeaderError.prototype), { type: 'not-leader', message: 'x' }),
      ],
    ])('%s → StoreUnavailableError', (_label, make) => {
      const translated = translateError(make(), 's', 'any');
      expect(translated).toBeInstanceOf(StoreUnavailableError);
      expect((translated as StoreUnavailableError).code).toBe('STORE_UNAVAILABLE');
    });

    it.each([
      ['access denied', () => new AccessDeniedError()],
      ['stream deleted', () => StreamDeletedError.fromStreamName('s')],
      ['append too large', () => MaxAppendSizeExceededError.fromMaxAppendSize(1024)],
    ])('%s → StoreRefusedError naming the stream', (_label, make) => {
      const translated = translateError(make(), 's', 'any') as StoreRefusedError;
      expect(translated).toBeInstanceOf(StoreRefusedError);
      expect(translated).toMatchObject({ code: 'STORE_REFUSED', streamId: 's' });
      expect(translated.zh).toContain('s');
    });

    it('anything else passes unchanged', () => {
      const unknown = new UnknownError();
      expect(translateError(unknown, 's', 'any')).toBe(unknown);
    });
  });
});
