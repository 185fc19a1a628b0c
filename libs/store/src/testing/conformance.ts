import type { ProposedEvent, RecordedEvent } from '@accord/events';
import { GENESIS_HASH, hashEnvelope, verifyChain } from '@accord/events/integrity';
import {
  type AppendResult,
  EmptyAppendError,
  EventIdConflictError,
  type EventStore,
  type ExpectedRevision,
  WrongExpectedRevisionError,
} from '../event-store';
import { ManualClock, proposedEvent, proposedEvents } from './fixtures';

export interface ConformanceHarness {
  readonly store: EventStore;
  /** Closes the store and opens it again on the same storage, for adapters that persist. */
  reopen?(): Promise<EventStore>;
  cleanup(): Promise<void>;
}

export interface ConformanceFactoryOptions {
  /** The clock the store must record with, when the test gives one. */
  readonly clock?: () => Date;
}

export type ConformanceFactory = (options: ConformanceFactoryOptions) => Promise<ConformanceHarness>;

export interface ConformanceCapabilities {
  /** The harness offers reopen(): run the persistence tests. */
  readonly persistent?: boolean;
  /**
   * The store can tell that an event id is already used in another stream (default true).
   * EventStoreDB cannot: it has no index by event id (README, "EventStoreDB/KurrentDB").
   */
  readonly globalEventIds?: boolean;
}

const ISO_UTC_MS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

async function collectAll(store: EventStore, after = 0, batchSize?: number): Promise<RecordedEvent[][]> {
  const batches: RecordedEvent[][] = [];
  for await (const batch of store.readAll({ after, batchSize })) batches.push(batch);
  return batches;
}

async function expectWrongRevision(
  promise: Promise<unknown>,
  actual: number | 'no_stream',
): Promise<WrongExpectedRevisionError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(WrongExpectedRevisionError);
  expect((error as WrongExpectedRevisionError).actual).toBe(actual);
  return error as WrongExpectedRevisionError;
}

/**
 * The behaviour every EventStore adapter must show. Each adapter's spec calls this with a factory
 * that opens a fresh, empty store.
 */
export function describeEventStoreConformance(
  name: string,
  factory: ConformanceFactory,
  capabilities: ConformanceCapabilities = {},
): void {
  describe(`${name}: EventStore conformance`, () => {
    let harness: ConformanceHarness;
    let store: EventStore;

    async function open(options: ConformanceFactoryOptions = {}): Promise<void> {
      harness = await factory(options);
      store = harness.store;
    }

    afterEach(async () => {
      await harness?.cleanup();
    });

    describe('expected revision', () => {
      beforeEach(() => open());

      it.each<[ExpectedRevision, boolean]>([
        ['no_stream', true],
        ['any', true],
        ['exists', false],
        [0, false],
      ])('on a new stream, %p is accepted: %p', async (expected, accepted) => {
        const append = store.append('s-new', [proposedEvent()], { expectedRevision: expected });
        if (accepted) await expect(append).resolves.toMatchObject({ nextExpectedRevision: 0 });
        else await expectWrongRevision(append, 'no_stream');
        expect(await store.readStream('s-new')).toHaveLength(accepted ? 1 : 0);
      });

      it.each<[ExpectedRevision, boolean]>([
        ['no_stream', false],
        ['any', true],
        ['exists', true],
        [1, true],
        [0, false],
        [2, false],
      ])('on a stream at revision 1, %p is accepted: %p', async (expected, accepted) => {
        await store.append('s-1', proposedEvents(2), { expectedRevision: 'no_stream' });
        const append = store.append('s-1', [proposedEvent()], { expectedRevision: expected });
        if (accepted) await expect(append).resolves.toMatchObject({ nextExpectedRevision: 2 });
        else {
          const error = await expectWrongRevision(append, 1);
          expect(error.expected).toBe(expected);
          expect(error.streamId).toBe('s-1');
        }
        expect(await store.readStream('s-1')).toHaveLength(accepted ? 3 : 2);
      });

      it('refuses an expectation that is not a revision or a condition', async () => {
        await expect(
          store.append('s', [proposedEvent()], { expectedRevision: -1 as unknown as ExpectedRevision }),
        ).rejects.toThrow(TypeError);
        expect(await store.headPosition()).toBe(0);
      });
    });

    describe('what the store assigns', () => {
      beforeEach(() => open());

      it('assigns stream, 0-based revisions, recordedAt in UTC with ms, hashes and rising positions', async () => {
        const proposals = proposedEvents(3);
        const result = await store.append('case-1', proposals, { expectedRevision: 'no_stream' });
        expect(result.streamId).toBe('case-1');
        expect(result.nextExpectedRevision).toBe(2);
        expect(result.events.map((e) => e.revision)).toEqual([0, 1, 2]);
        expect(result.events.map((e) => e.eventId)).toEqual(proposals.map((p) => p.eventId));
        expect(result.position).toBe(result.events[2].position);
        const positions = result.events.map((e) => e.position);
        expect(positions[0]).toBeGreaterThan(0);
        expect(Number.isSafeInteger(positions[0])).toBe(true);
        expect(positions[1]).toBeGreaterThan(positions[0]);
        expect(positions[2]).toBeGreaterThan(positions[1]);
        for (const [i, event] of result.events.entries()) {
          expect(event.streamId).toBe('case-1');
          expect(event.recordedAt).toMatch(ISO_UTC_MS);
          expect(event.hash).toBe(hashEnvelope(event));
          expect(event.data).toEqual(proposals[i].data);
          expect(event.actor).toEqual(proposals[i].actor);
        }
        expect(await store.readStream('case-1')).toEqual(result.events);
      });

      it('stores only the envelope fields, not whatever else a caller attached', async () => {
        const withExtra = { ...proposedEvent(), position: 99, hash: 'forged', streamId: 'elsewhere' };
        const { events } = await store.append('s', [withExtra as ProposedEvent], { expectedRevision: 'any' });
        expect(events[0].streamId).toBe('s');
        expect(events[0].hash).toBe(hashEnvelope(events[0]));
        expect(events[0].position).not.toBe(99);
      });

      it('refuses a batch that names the same event id twice', async () => {
        const event = proposedEvent();
        await expect(store.append('s', [event, event], { expectedRevision: 'any' })).rejects.toBeInstanceOf(
          EventIdConflictError,
        );
        expect(await store.headPosition()).toBe(0);
      });

      it('does not let a caller edit history through an object a read returned', async () => {
        await store.append('s', [proposedEvent({ data: { amount: 1 } })], { expectedRevision: 'any' });
        const [event] = await store.readStream('s');
        try {
          (event.data as { amount: number }).amount = 2;
        } catch {
          // A frozen event refuses the edit outright: that is fine too.
        }
        const [again] = await store.readStream('s');
        expect(again.data).toEqual({ amount: 1 });
        expect(verifyChain('s', [again])).toBeNull();
      });
    });

    describe('concurrent writers', () => {
      beforeEach(() => open());

      it('with the same numeric expectation: exactly one wins, the rest learn the actual revision', async () => {
        await store.append('race', [proposedEvent()], { expectedRevision: 'no_stream' });
        const outcomes = await Promise.allSettled(
          Array.from({ length: 10 }, () => store.append('race', proposedEvents(2), { expectedRevision: 0 })),
        );
        const winners = outcomes.filter((o) => o.status === 'fulfilled');
        const losers = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
        expect(winners).toHaveLength(1);
        expect(losers).toHaveLength(9);
        for (const loser of losers) {
          expect(loser.reason).toBeInstanceOf(WrongExpectedRevisionError);
          expect((loser.reason as WrongExpectedRevisionError).actual).toBe(2);
        }
        const stream = await store.readStream('race');
        expect(stream).toHaveLength(3);
        expect(verifyChain('race', stream)).toBeNull();
      });

      it("with 'no_stream' on a new stream: exactly one creates it", async () => {
        const outcomes = await Promise.allSettled(
          Array.from({ length: 6 }, () =>
            store.append('born', [proposedEvent()], { expectedRevision: 'no_stream' }),
          ),
        );
        expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
        for (const o of outcomes)
          if (o.status === 'rejected') expect((o.reason as WrongExpectedRevisionError).actual).toBe(0);
        expect(await store.readStream('born')).toHaveLength(1);
      });

      it("with 'any' on one stream: all are written, in one unbroken chain", async () => {
        await Promise.all(
          Array.from({ length: 20 }, () =>
            store.append('busy', [proposedEvent()], { expectedRevision: 'any' }),
          ),
        );
        const stream = await store.readStream('busy');
        expect(stream.map((e) => e.revision)).toEqual([...Array(20).keys()]);
        expect(verifyChain('busy', stream)).toBeNull();
      });
    });

    describe('idempotency', () => {
      beforeEach(() => open());

      it('re-appending the same ids at the same place returns the original result and writes nothing', async () => {
        const batch = proposedEvents(2);
        const first = await store.append('idem', batch, { expectedRevision: 'no_stream' });
        await store.append('other', [proposedEvent()], { expectedRevision: 'no_stream' });
        const head = await store.headPosition();

        // The retry carries its original, now stale, expectation.
        const retry = await store.append('idem', batch, { expectedRevision: 'no_stream' });
        expect(retry).toEqual(first);
        expect(await store.headPosition()).toBe(head);
        expect(await store.readStream('idem')).toHaveLength(2);
      });

      it('two copies of one append racing each other write it once and both get its result', async () => {
        const batch = proposedEvents(2);
        const [a, b] = await Promise.all([
          store.append('twice', batch, { expectedRevision: 'no_stream' }),
          store.append('twice', batch, { expectedRevision: 'no_stream' }),
        ]);
        expect(b).toEqual(a);
        expect(await store.readStream('twice')).toEqual(a.events);
        expect(await store.headPosition()).toBe(a.position);
      });

      it('recognises a retry of a batch that is no longer the newest in its stream', async () => {
        await store.append('idem', [proposedEvent()], { expectedRevision: 'no_stream' });
        const middle = proposedEvents(2);
        const first = await store.append('idem', middle, { expectedRevision: 0 });
        await store.append('idem', [proposedEvent()], { expectedRevision: 2 });
        await expect(store.append('idem', middle, { expectedRevision: 0 })).resolves.toEqual(first);
        expect(await store.readStream('idem')).toHaveLength(4);
      });

      // Registered only where the store can see it (as persistence is): not a skip.
      if (capabilities.globalEventIds !== false)
        it('refuses an event id reused in another stream', async () => {
          const event = proposedEvent();
          await store.append('a', [event], { expectedRevision: 'no_stream' });
          const error = await store
            .append('b', [event], { expectedRevision: 'no_stream' })
            .catch((e: unknown) => e);
          expect(error).toBeInstanceOf(EventIdConflictError);
          expect((error as EventIdConflictError).eventId).toBe(event.eventId);
          expect(await store.readStream('b')).toHaveLength(0);
        });

      it.each([
        ['a stored batch extended by a new event', (s: ProposedEvent[]) => [...s, proposedEvent()]],
        ['a new event followed by a stored one', (s: ProposedEvent[]) => [proposedEvent(), s[0]]],
        ['the stored ids shifted by one', (s: ProposedEvent[]) => [s[1], s[0]]],
      ])('refuses a partly overlapping batch: %s', async (_label, reshape) => {
        const stored = proposedEvents(2);
        await store.append('idem', stored, { expectedRevision: 'no_stream' });
        const head = await store.headPosition();
        await expect(
          store.append('idem', reshape(stored), { expectedRevision: 'any' }),
        ).rejects.toBeInstanceOf(EventIdConflictError);
        expect(await store.headPosition()).toBe(head);
      });

      it('refuses an empty append', async () => {
        await expect(store.append('empty', [], { expectedRevision: 'any' })).rejects.toBeInstanceOf(
          EmptyAppendError,
        );
        expect(await store.headPosition()).toBe(0);
      });
    });

    describe('reading', () => {
      beforeEach(() => open());

      async function interleave(): Promise<AppendResult[]> {
        const results: AppendResult[] = [];
        for (let i = 0; i < 10; i++)
          results.push(
            await store.append(`s-${i % 3}`, proposedEvents(1 + (i % 2)), { expectedRevision: 'any' }),
          );
        return results;
      }

      it('readAll returns every event in commit order, in batches of at most batchSize', async () => {
        const results = await interleave();
        const written = results.flatMap((r) => r.events);
        const batches = await collectAll(store, 0, 4);
        expect(batches.every((b) => b.length >= 1 && b.length <= 4)).toBe(true);
        expect(batches.length).toBe(Math.ceil(written.length / 4));
        expect(batches.flat()).toEqual(written);
      });

      it('readAll starts after the given position, exclusive', async () => {
        const written = (await interleave()).flatMap((r) => r.events);
        const after = written[6].position;
        expect((await collectAll(store, after)).flat()).toEqual(written.slice(7));
        expect((await collectAll(store, written[written.length - 1].position)).flat()).toEqual([]);
      });

      it('readAll on an empty log yields nothing', async () => {
        expect(await collectAll(store)).toEqual([]);
      });

      it('readStream honours inclusive revision ranges and unknown streams', async () => {
        await store.append('r', proposedEvents(6), { expectedRevision: 'no_stream' });
        const revisions = async (from?: number, to?: number) =>
          (await store.readStream('r', { fromRevision: from, toRevision: to })).map((e) => e.revision);
        expect(await revisions()).toEqual([0, 1, 2, 3, 4, 5]);
        expect(await revisions(2)).toEqual([2, 3, 4, 5]);
        expect(await revisions(undefined, 2)).toEqual([0, 1, 2]);
        expect(await revisions(1, 3)).toEqual([1, 2, 3]);
        expect(await revisions(4, 4)).toEqual([4]);
        expect(await revisions(7)).toEqual([]);
        expect(await store.readStream('never-written')).toEqual([]);
      });

      it('headPosition is 0 on an empty log, then the position of the last commit', async () => {
        expect(await store.headPosition()).toBe(0);
        const first = await store.append('h', proposedEvents(3), { expectedRevision: 'any' });
        expect(await store.headPosition()).toBe(first.position);
        const second = await store.append('k', [proposedEvent()], { expectedRevision: 'any' });
        expect(await store.headPosition()).toBe(second.position);
        expect(second.position).toBeGreaterThan(first.position);
      });
    });

    describe('as-of reads', () => {
      let clock: ManualClock;
      beforeEach(async () => {
        clock = new ManualClock(new Date('2021-03-01T02:00:00.000Z'));
        await open({ clock: clock.now });
      });

      it('returns the stream as the ledger knew it at an instant, in any offset', async () => {
        await store.append('case', [proposedEvent()], { expectedRevision: 'no_stream' });
        clock.set('2021-03-05T02:00:00.000Z');
        await store.append('case', proposedEvents(2), { expectedRevision: 0 });
        clock.set('2021-03-09T02:00:00.000Z');
        await store.append('case', [proposedEvent()], { expectedRevision: 2 });

        const asOf = async (instant: string) =>
          (await store.readStream('case', { asOf: instant })).map((e) => e.revision);
        expect(await asOf('2021-03-01T01:59:59.999Z')).toEqual([]);
        expect(await asOf('2021-03-01T02:00:00.000Z')).toEqual([0]);
        expect(await asOf('2021-03-05T10:00:00.000+08:00')).toEqual([0, 1, 2]);
        expect(await asOf('2021-03-05T09:59:59.999+08:00')).toEqual([0]);
        expect(await asOf('2030-01-01T00:00:00Z')).toEqual([0, 1, 2, 3]);
        const stream = await store.readStream('case');
        expect(stream.map((e) => e.recordedAt)).toEqual([
          '2021-03-01T02:00:00.000Z',
          '2021-03-05T02:00:00.000Z',
          '2021-03-05T02:00:00.000Z',
          '2021-03-09T02:00:00.000Z',
        ]);
      });

      it('combines asOf with a revision range', async () => {
        await store.append('case', proposedEvents(3), { expectedRevision: 'no_stream' });
        clock.advance(60_000);
        await store.append('case', proposedEvents(3), { expectedRevision: 2 });
        const events = await store.readStream('case', {
          fromRevision: 1,
          toRevision: 4,
          asOf: '2021-03-01T02:00:30Z',
        });
        expect(events.map((e) => e.revision)).toEqual([1, 2]);
      });

      it('never lets recordedAt go backwards in commit order when the clock does', async () => {
        await store.append('a', [proposedEvent()], { expectedRevision: 'any' });
        clock.set('2020-01-01T00:00:00.000Z');
        const later = await store.append('b', [proposedEvent()], { expectedRevision: 'any' });
        expect(later.events[0].recordedAt).toBe('2021-03-01T02:00:00.000Z');
        expect(verifyChain('b', later.events)).toBeNull();
      });

      it('refuses an asOf that is not an instant', async () => {
        await expect(store.readStream('case', { asOf: 'yesterday' })).rejects.toThrow(RangeError);
      });
    });

    describe('hash chains', () => {
      beforeEach(() => open());

      it('links every stream from the genesis hash, and each chain verifies', async () => {
        const streams = ['c-1', 'c-2', 'c-3'];
        for (let round = 0; round < 4; round++)
          for (const s of streams)
            await store.append(s, proposedEvents(1 + round), { expectedRevision: 'any' });
        for (const s of streams) {
          const events = await store.readStream(s);
          expect(events).toHaveLength(10);
          expect(events[0].prevHash).toBe(GENESIS_HASH);
          for (let i = 1; i < events.length; i++) expect(events[i].prevHash).toBe(events[i - 1].hash);
          expect(verifyChain(s, events)).toBeNull();
          const tail = await store.readStream(s, { fromRevision: 5 });
          expect(verifyChain(s, tail, { revision: 4, hash: events[4].hash })).toBeNull();
        }
      });

      it('keeps the chain unbroken across concurrent appends to many streams', async () => {
        await Promise.all(
          Array.from({ length: 40 }, (_, i) =>
            store.append(`p-${i % 4}`, proposedEvents(1 + (i % 3)), { expectedRevision: 'any' }),
          ),
        );
        const all = (await collectAll(store)).flat();
        for (let i = 0; i < 4; i++) {
          const stream = all.filter((e) => e.streamId === `p-${i}`);
          expect(verifyChain(`p-${i}`, stream)).toBeNull();
        }
        for (let i = 1; i < all.length; i++) expect(all[i].position).toBeGreaterThan(all[i - 1].position);
      });
    });

    describe('subscriptions', () => {
      beforeEach(() => open());

      it('sees every event exactly once while appends run across the catch-up/live switch', async () => {
        const expectedIds: string[] = [];
        for (let i = 0; i < 30; i++) {
          const r = await store.append(`sub-${i % 5}`, proposedEvents(2), { expectedRevision: 'any' });
          expectedIds.push(...r.events.map((e) => e.eventId));
        }
        const total = 60 + 8 * 15 * 2;
        const subscription = store.subscribe({ batchSize: 7 });
        const seen: RecordedEvent[] = [];
        const consumer = (async () => {
          for await (const event of subscription) {
            seen.push(event);
            if (seen.length === total) break;
          }
        })();
        // Eight writers keep appending while the subscriber is still catching up, and after.
        const writers = Array.from({ length: 8 }, async (_, w) => {
          for (let i = 0; i < 15; i++) {
            const r = await store.append(`live-${w}`, proposedEvents(2), { expectedRevision: 'any' });
            expectedIds.push(...r.events.map((e) => e.eventId));
          }
        });
        await Promise.all(writers);
        await consumer;
        await subscription.close();

        expect(seen).toHaveLength(total);
        expect(new Set(seen.map((e) => e.eventId))).toEqual(new Set(expectedIds));
        for (let i = 1; i < seen.length; i++) expect(seen[i].position).toBeGreaterThan(seen[i - 1].position);
        expect(seen.map((e) => e.position)).toEqual((await collectAll(store)).flat().map((e) => e.position));
      });

      it('starts after the given position, exclusive, then follows live appends', async () => {
        const first = await store.append('s', proposedEvents(3), { expectedRevision: 'any' });
        const subscription = store.subscribe({ after: first.events[1].position });
        const iterator = subscription[Symbol.asyncIterator]();
        expect((await iterator.next()).value).toEqual(first.events[2]);
        const pending = iterator.next();
        const live = await store.append('t', [proposedEvent()], { expectedRevision: 'any' });
        expect((await pending).value).toEqual(live.events[0]);
        await subscription.close();
      });

      it('ends a waiting iteration when closed', async () => {
        const subscription = store.subscribe();
        const pending = subscription[Symbol.asyncIterator]().next();
        await subscription.close();
        await expect(pending).resolves.toEqual({ done: true, value: undefined });
      });
    });

    describe('persistence', () => {
      beforeEach(() => open());

      // Registered only for adapters that persist: a memory store has nothing to reopen.
      if (capabilities.persistent)
        it('keeps every event and its chain across a reopen, and appends continue the chain', async () => {
          if (!harness.reopen) throw new Error('a persistent adapter must offer reopen()');
          const written = await store.append('keep', proposedEvents(3), { expectedRevision: 'no_stream' });
          store = await harness.reopen();
          expect(await store.readStream('keep')).toEqual(written.events);
          expect(await store.headPosition()).toBe(written.position);
          const more = await store.append('keep', [proposedEvent()], { expectedRevision: 2 });
          expect(more.events[0].prevHash).toBe(written.events[2].hash);
          expect(more.position).toBeGreaterThan(written.position);
          expect(verifyChain('keep', await store.readStream('keep'))).toBeNull();
          // A retry after a restart is still recognised.
          await expect(
            store.append('keep', written.events.map(toProposed), { expectedRevision: 'no_stream' }),
          ).resolves.toEqual(written);
        });

      it('refuses work after close', async () => {
        await store.close();
        await expect(store.append('x', [proposedEvent()], { expectedRevision: 'any' })).rejects.toThrow(
          /closed/,
        );
      });
    });
  });
}

function toProposed(event: RecordedEvent): ProposedEvent {
  return {
    eventId: event.eventId,
    type: event.type,
    schemaVersion: event.schemaVersion,
    data: event.data,
    occurredAt: event.occurredAt,
    actor: event.actor,
    commandId: event.commandId,
    correlationId: event.correlationId,
    causationId: event.causationId,
    ruleSet: event.ruleSet,
  };
}
