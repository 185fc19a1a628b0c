/**
 * A large ledger fast, for bench:projector: a few case histories decided once by the real case
 * decider (libs/domain's command fixtures), then stamped out per case with its own ids, parties and
 * access reads, and appended through the real store (concurrent appends share group commits).
 * The demo generator (libs/demo) writes a richer ledger but, command by command, too slowly for a
 * million events on this machine; `--demo` uses it instead.
 */
import type { CaseEvent, ProposedEvent } from '@accord/events';
import {
  assessRisk,
  closeCase,
  escalateRisk,
  issueInvitation,
  recordActivity,
  recordOutcome,
  recorded,
  registerCase,
  replyToInvitation,
  resolving,
} from '@accord/domain/case/testing';
import type { EventStore } from '@accord/store';
import { v4 as uuidv4 } from 'uuid';

const TEMPLATES: readonly CaseEvent[][] = [
  resolving(
    issueInvitation(),
    replyToInvitation({}, { agency: 'GOV_OFFICE' }),
    recordActivity(),
    assessRisk(),
    recordOutcome({ outcome: 'DECIDED_WITHOUT_RESOLUTION' }),
    closeCase(),
  ),
  resolving(issueInvitation(), assessRisk({ level: 'MAJOR' }), escalateRisk({}, { role: 'lead' })),
  recorded(registerCase(), issueInvitation()),
];

const PEOPLE = 20_000;

function proposed(type: string, data: unknown, occurredAt: string): ProposedEvent {
  const commandId = uuidv4();
  return {
    eventId: uuidv4(),
    type,
    schemaVersion: 1,
    data,
    occurredAt,
    actor: { agency: 'COURT', staffId: 'clerk-1', role: 'clerk' },
    commandId,
    correlationId: commandId,
    causationId: commandId,
    ruleSet: 'lushan-2021-144/v1',
  };
}

/** Appends about `events` events; returns how many were written. */
export async function writeBenchLedger(
  store: EventStore,
  events: number,
  onProgress?: (written: number) => void,
): Promise<number> {
  let written = 0;
  let next = 0;
  const worker = async () => {
    while (written < events) {
      const i = next++;
      const caseId = `b-${i}`;
      const template = TEMPLATES[i % TEMPLATES.length]!;
      const person = `3704231990${String(i % PEOPLE).padStart(8, '0')}`;
      const occurredAt = new Date(Date.UTC(2024, 0, 1) + i * 60_000).toISOString();
      const batch = template.map((e) => {
        const data: Record<string, unknown> = { ...(e.data as Record<string, unknown>), caseId };
        if (e.type === 'CaseRegistered') {
          const d = data as unknown as { parties: { idNumber: string }[] };
          data.parties = d.parties.map((p, k) => ({ ...p, idNumber: k === 0 ? person : p.idNumber }));
        }
        return proposed(e.type, data, occurredAt);
      });
      await store.append(`case-${caseId}`, batch, { expectedRevision: 'no_stream' });
      const read = proposed(
        'CaseDataAccessed',
        {
          caseId,
          streamId: `case-${caseId}`,
          view: 'full',
          outcome: 'granted',
          asOf: null,
          revision: batch.length - 1,
        },
        occurredAt,
      );
      await store.append('access-log', [read], { expectedRevision: 'any' });
      const before = written;
      written += batch.length + 1;
      if (Math.floor(before / 50_000) !== Math.floor(written / 50_000)) onProgress?.(written);
    }
  };
  await Promise.all(Array.from({ length: 256 }, worker));
  return written;
}
