import type { ProposedEvent } from '@accord/events';
import { deterministicEventId } from '@accord/events/ids';
import type { EventStore } from '@accord/store';

export interface SampleLedger {
  readonly streams: readonly string[];
  readonly events: number;
  /** Global position of each stream's revisions, in revision order. */
  readonly positions: ReadonlyMap<string, readonly number[]>;
}

/**
 * A small ledger of interleaved streams, appended one command at a time as the API would, so the
 * global log mixes streams and some appends carry several events.
 */
export async function writeSampleLedger(
  store: EventStore,
  options: { streams?: number; rounds?: number } = {},
): Promise<SampleLedger> {
  const streamCount = options.streams ?? 4;
  const rounds = options.rounds ?? 6;
  const streams = Array.from({ length: streamCount }, (_, i) => `case-${i + 1}`);
  const positions = new Map<string, number[]>(streams.map((s) => [s, []]));
  let events = 0;
  for (let round = 0; round < rounds; round += 1) {
    for (const [i, streamId] of streams.entries()) {
      const commandId = `cmd-${streamId}-${round}`;
      // Every third command writes two events, as a decider sometimes does.
      const count = (round + i) % 3 === 0 ? 2 : 1;
      const batch = Array.from({ length: count }, (_, index) =>
        sampleEvent(commandId, index, { streamId, round, index }),
      );
      const result = await store.append(streamId, batch, {
        expectedRevision: round === 0 ? 'no_stream' : 'exists',
      });
      positions.get(streamId)!.push(...result.events.map((e) => e.position));
      events += count;
    }
  }
  return { streams, events, positions };
}

function sampleEvent(commandId: string, index: number, data: Record<string, unknown>): ProposedEvent {
  return {
    eventId: deterministicEventId(commandId, index),
    type: index === 0 ? 'MediationMeetingHeld' : 'MediationOutcomeRecorded',
    schemaVersion: 1,
    data: { ...data, note: '协调化解 meeting minutes', amountYuan: 1250.5 },
    occurredAt: '2021-04-06T10:00:00.000+08:00',
    actor: { agency: 'COURT', staffId: 'clerk-7', role: 'clerk' },
    commandId,
    correlationId: commandId,
    causationId: commandId,
    ruleSet: '2021-v1',
  };
}
